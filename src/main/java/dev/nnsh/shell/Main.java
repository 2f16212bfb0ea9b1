package dev.nnsh.shell;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Entry point of scripts/nnsh: interactive shell on a terminal, script runner otherwise. */
public final class Main {
    static final String VERSION = Version.read();

    private Main() {}

    public static void main(String[] args) throws IOException {
        boolean keepGoing = false, interactive = false;
        List<String> files = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--help", "-h" -> { System.out.print(usage()); return; }
                case "--version", "-V" -> { System.out.println("nnsh " + VERSION); return; }
                case "--keep-going", "-k" -> keepGoing = true;
                case "--interactive", "-i" -> interactive = true;
                case "--cds-training" -> { CdsTraining.run(System.getProperty("java.class.path")); return; }
                case "--engine-cds-training" -> { EngineCdsTraining.run(); return; } // issue 11 (shell)
                default -> {
                    if (a.startsWith("-") && !a.equals("-")) {
                        System.err.println("nnsh: unknown option " + a + "\n" + usage());
                        System.exit(2);
                    }
                    files.add(a);
                }
            }
        }
        String classpath = System.getProperty("java.class.path");
        if (files.isEmpty() && (interactive || System.console() != null)) {
            System.exit(new Repl(classpath).run());
        }
        System.exit(runScripts(classpath, files, keepGoing));
    }

    private static int runScripts(String classpath, List<String> files, boolean keepGoing) throws IOException {
        CountingOutputStream counter = new CountingOutputStream(new FileOutputStream(FileDescriptor.out));
        PrintStream out = new PrintStream(counter, true, StandardCharsets.UTF_8);
        System.setOut(out); // the same-JVM engine's snippets print to System.out
        try (Session session = new Session(false, classpath, counter, false).start()) {
            ScriptRunner runner = new ScriptRunner(session, out, System.err, keepGoing, 1, counter::midLine);
            if (files.isEmpty()) files = List.of("-");
            for (String f : files) {
                String text;
                try {
                    text = f.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                                         : Files.readString(Path.of(f));
                } catch (NoSuchFileException e) {
                    System.err.println("nnsh: no such file: " + f);
                    return 2;
                }
                if (!runner.run(f.equals("-") ? "<stdin>" : f, text)) break;
            }
            out.flush();
            return runner.anyFailed() ? 1 : 0;
        }
    }

    static String usage() {
        return """
                usage: nnsh [options] [FILE.jsh ...]
                  Without FILE on a terminal: an interactive shell with the nnsh API imported.
                  With FILE (or a script piped to stdin, or FILE "-"): runs the script's cells in order,
                  printing their output and Out values; stops at the first failing cell (exit status 1).
                options:
                  -k, --keep-going   run every cell; exit 1 at the end if any failed
                  -i, --interactive  the interactive shell even when stdin is not a terminal
                  -h, --help         this text
                  -V, --version      the version
                environment:
                  NNSH_HISTORY       history file (default ~/.nnsh_history)
                """;
    }
}
