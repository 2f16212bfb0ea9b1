package dev.nnsh.shell;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs scripts/nnsh as a user would, with the test run's classpath (no Maven build). */
final class Launcher {
    record Run(int status, String out, String err) {}

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path SCRIPT = ROOT.resolve("scripts/nnsh");

    private Launcher() {}

    /** The classpath the launcher would compute: classes and runtime jars. */
    static String classpath() {
        String cp = System.getProperty("java.class.path");
        if (!cp.contains("target" + File.separator + "classes")) {
            throw new IllegalStateException("test classpath lacks target/classes: " + cp);
        }
        return cp;
    }

    static Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("NNSH_CLASSPATH", classpath());
        Process p = pb.start();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nnsh did not finish within 60 s; output so far: " + out.getNow(""));
        }
        return new Run(p.exitValue(), out.join(), err.join());
    }

    /**
     * An executable {@code dir/start-nnsh} that starts scripts/nnsh in a terminal with the test run's
     * classpath and {@code history} as the history file; {@code javaOptions} (may be empty) go to
     * NNSH_JAVA_OPTS.
     */
    static Path terminalScript(Path dir, Path history, String javaOptions) throws IOException {
        Path wrapper = dir.resolve("start-nnsh");
        Files.writeString(wrapper, "#!/bin/sh\n"
                + "export NNSH_CLASSPATH='" + classpath() + "'\n"
                + "export NNSH_HISTORY='" + history + "'\n"
                + "export TERM=xterm-256color\n"
                + (javaOptions.isEmpty() ? "" : "export NNSH_JAVA_OPTS='" + javaOptions + "'\n")
                + "exec '" + SCRIPT + "'\n");
        if (!wrapper.toFile().setExecutable(true)) throw new IOException("cannot make " + wrapper + " executable");
        return wrapper;
    }

    static Path script(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static CompletableFuture<String> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }
}
