package dev.nnsh.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code scripts/nnsh kernel ...}: runs the Jupyter kernel ({@code --connection-file F}), or installs
 * or removes its kernelspec ({@code install|uninstall [--user|--sys-prefix|--prefix DIR]}).
 */
public final class KernelMain {
    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            return;
        }
        switch (args[0]) {
            case "--connection-file", "-f" -> {
                if (args.length < 2) fail("--connection-file needs a file");
                serve(Path.of(args[1]));
            }
            case "install", "uninstall" -> spec(args);
            default -> fail("unknown argument " + args[0]);
        }
    }

    private static void serve(Path connectionFile) throws Exception {
        ConnectionFile connection = ConnectionFile.read(connectionFile);
        long grace = Long.parseLong(System.getenv().getOrDefault("NNSH_INTERRUPT_GRACE_MS", "5000"));
        Kernel kernel = new Kernel(connection, System.getProperty("java.class.path"), grace);
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> kernel.interrupt());
        } catch (IllegalArgumentException unavailable) {
            // no SIGINT on this platform: interrupt_request still works
        }
        kernel.serve();
        System.exit(0);
    }

    private static void spec(String[] args) throws IOException {
        String where = "--user", prefix = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--user", "--sys-prefix" -> where = args[i];
                case "--prefix" -> {
                    if (i + 1 >= args.length) fail("--prefix needs a directory");
                    where = "--prefix";
                    prefix = args[++i];
                }
                default -> fail("unknown option " + args[i]);
            }
        }
        Path dir = KernelSpecs.directory(where, prefix);
        if (args[0].equals("uninstall")) {
            System.out.println(KernelSpecs.uninstall(dir) ? "Removed the nnsh kernel from " + dir
                    : "No nnsh kernel at " + dir);
            return;
        }
        String launcher = System.getProperty("nnsh.launcher");
        if (launcher == null) fail("install through scripts/nnsh (it tells the kernelspec where it lives)");
        Map<String, String> env = new LinkedHashMap<>();
        String classpath = System.getenv("NNSH_CLASSPATH"); // a packaged or test classpath: no build at start
        if (classpath != null && !classpath.isBlank()) env.put("NNSH_CLASSPATH", classpath);
        KernelSpecs.install(dir, launcher, env);
        System.out.println("Installed the nnsh kernel (Java (nnsh)) in " + dir);
    }

    private static void fail(String message) {
        System.err.println("nnsh kernel: " + message + "\n" + USAGE);
        System.exit(2);
    }

    static final String USAGE = """
            usage: nnsh kernel install [--user | --sys-prefix | --prefix DIR]
                   nnsh kernel uninstall [--user | --sys-prefix | --prefix DIR]
                   nnsh kernel --connection-file FILE    (what Jupyter runs)
              install writes the kernelspec "nnsh" (Java (nnsh)); --user is the default.
            """;
}
