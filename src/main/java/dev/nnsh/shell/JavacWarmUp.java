package dev.nnsh.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;

/**
 * Warms the launcher JVM's javac while the first prompt waits for the user: the first cells of a
 * session otherwise run javac's code cold (interpreted, not yet compiled by the JIT) and take about
 * twice as long as later ones. The compiles happen in a JShell of their own (same-JVM engine, nnsh's
 * imports, snippets like a user's: expressions, declarations, a statement, a method, a class) that
 * never touches the user's session or history, on a daemon thread at the lowest CPU priority (nice
 * 19, so the user's cell and the engine's start-up come first on a busy machine), and it pauses
 * whenever the user's cell is being evaluated. Off with {@code -Dnnsh.warmup=off}; {@code
 * -Dnnsh.warmup=N} sets the number of throwaway cells (default 40).
 */
final class JavacWarmUp {
    private static final String SETTING = System.getProperty("nnsh.warmup", "40");
    private static volatile boolean userBusy;

    private JavacWarmUp() {}

    /**
     * Starts the warm-up in the background, unless switched off, once {@code ready} returns (the
     * session's engine is up: before that, the prompt and the engine's own start come first).
     */
    static void start(Runnable ready) {
        int cells = count();
        if (cells <= 0) return;
        Thread t = new Thread(() -> {
            try {
                ready.run();
            } catch (RuntimeException e) {
                return; // no engine: nothing to warm up for
            }
            lowerOwnPriority();
            run(cells);
        }, "nnsh-javac-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static int count() {
        if (SETTING.equals("off")) return 0;
        try {
            return Integer.parseInt(SETTING);
        } catch (NumberFormatException e) {
            return 40;
        }
    }

    /** The user's cell starts (true) or ends (false): the warm-up waits meanwhile. */
    static void userBusy(boolean busy) {
        userBusy = busy;
    }

    /** Evaluates the throwaway cells; how many compiled (all of them, unless javac rejected one). */
    static int run(int cells) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int compiled = 0;
        try (JShell shell = JShell.builder().executionEngine("local").out(quiet).err(quiet)
                .in(InputStream.nullInputStream()).compilerOptions("-proc:none").build()) {
            for (String imp : Preload.IMPORTS) shell.eval(imp);
            for (int i = 0; i < cells; i++) {
                while (userBusy) TimeUnit.MILLISECONDS.sleep(20);
                compiled += shell.eval(switch (i % 5) {
                    case 0 -> "1 + " + i;
                    case 1 -> "int w" + i + " = " + i + ";";
                    case 2 -> "{ int s = 0; for (int k = 0; k < 3; k++) s += k; }";
                    case 3 -> "int f" + i + "(int x) { return x * 2; }";
                    default -> "class C" + i + " { int v = " + i + "; }";
                }).stream().filter(e -> e.causeSnippet() == null && e.status() == jdk.jshell.Snippet.Status.VALID).count();
            }
        } catch (InterruptedException | RuntimeException e) {
            // a warm-up only: the shell works the same without it
        }
        return compiled;
    }

    /** nice 19 for this thread alone (Linux: a thread's id is a process id to setpriority). */
    private static void lowerOwnPriority() {
        try {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            new ProcessBuilder("renice", "-n", "19", "-p", self).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // no /proc or no renice: the normal priority
        }
    }
}
