package dev.nnsh.shell;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * One JShell instance: the same-JVM engine (fast, for scripts) or a separate execution JVM
 * (interactive: a crash, System.exit or OutOfMemoryError there costs only that JVM).
 * Knows whether its execution JVM has died and whether a stop was requested during an eval.
 */
final class Engine implements AutoCloseable {
    private final JShell shell;
    private volatile boolean dead;
    private volatile boolean closing;
    private volatile boolean evaluating;
    private volatile boolean stopRequested;
    private volatile int cellNumber;

    Engine(boolean separateJvm, String classpath, PrintStream out, Runnable diedBetweenCells) {
        this(separateJvm, classpath, new Io(out, out, InputStream.nullInputStream(), List.of(), List.of()), diedBetweenCells);
    }

    Engine(boolean separateJvm, String classpath, Io io, Runnable diedBetweenCells) {
        JShell.Builder builder = JShell.builder()
                // names an expression's value `_n` after the cell that computed it
                .tempVariableNameGenerator(() -> "_" + cellNumber)
                // snippets need no annotation processors: javac need not look for them on every compile
                .compilerOptions("-proc:none");
        if (separateJvm) {
            List<String> options = new java.util.ArrayList<>(List.of("--class-path", classpath));
            options.addAll(io.vmOptions());
            options.addAll(EngineClassData.options()); // issue 11 (shell): the engine's class-data archive
            // a native crash's report (hs_err) goes to the temp directory, not where nnsh was started
            options.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "nnsh-engine-crash-%p.log"));
            builder.out(io.out()).err(io.err()).in(io.in())
                    .remoteVMOptions(options.toArray(new String[0]));
            // JShell's JDI engine without Nagle delay on its command socket (-Dnnsh.engine=jdi: JShell's own)
            if (!"jdi".equals(System.getProperty("nnsh.engine"))) builder.executionEngine(new NoDelayExecutionControlProvider(executionJvm), null); // issue 11 (shell): its process, for Ctrl-C twice
        } else {
            builder.executionEngine("local");
        }
        java.util.Set<ProcessHandle> childrenBefore = separateJvm ? ExecutionJvm.children() : java.util.Set.of(); // issue 11 (shell)
        shell = builder.build();
        if (separateJvm) executionJvm.launchedSince(childrenBefore); // issue 11 (shell): JShell's own engine's JVM, for Ctrl-C twice
        shell.onShutdown(s -> {
            dead = true;
            if (!closing && !evaluating) diedBetweenCells.run();
        });
        if (separateJvm) shell.eval(Preload.IGNORE_SIGINT);
        try (CellBatches imports = new CellBatches(this, Preload.IMPORTS)) { // issue 11 (shell): one javac run, not one each
            for (String imp : Preload.IMPORTS) imports.eval(imp, 0);
        }
        for (String snippet : io.startup()) shell.eval(snippet);
    }

    /** Background warm-up: compiles a snippet and loads ND4J, so the first cell is quick. */
    void warmUp() {
        if (!dead) shell.eval(Preload.WARM_UP);
    }

    /** Evaluates one complete snippet as part of cell {@code cell}. */
    List<SnippetEvent> eval(String snippet, int cell) {
        cellNumber = cell;
        evaluating = true;
        try (ImportFilter f = ImportFilter.hide(shell, List.of(snippet), List.of("_" + cell))) { // issue 11 (shell)
            return shell.eval(snippet);
        } catch (IllegalStateException closed) {
            dead = true;
            return List.of();
        } finally {
            evaluating = false;
        }
    }

    /**
     * Stops the running snippet (Ctrl-C); the engine lives on. JShell can only stop code that
     * already runs, and the snippet may still be compiling: keep trying until the eval returns.
     */
    void stop() {
        stopRequested = true;
        Thread stopper = new Thread(() -> {
            while (stopRequested && evaluating && !dead) {
                try {
                    shell.stop();
                    Thread.sleep(50);
                } catch (IllegalStateException | InterruptedException e) {
                    return; // closed, or the shell is ending
                }
            }
        }, "nnsh-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Forgets an earlier Ctrl-C: called as a new cell starts. */
    void clearStop() {
        stopRequested = false;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    boolean isDead() {
        return dead;
    }

    JShell jshell() {
        return shell;
    }

    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    @Override
    public void close() {
        closing = true;
        dead = true;
        shell.close();
    }

    // --- issue 11 (shell): Ctrl-C twice kills a cell stuck in a native call that no stop reaches ---
    private static final long SECOND_CTRL_C_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private final ExecutionJvm executionJvm = new ExecutionJvm();
    private volatile long stopRequestedAt;
    private volatile boolean killedByCtrlC;

    /**
     * A Ctrl-C from the terminal: the first stops the running snippet ({@link #stop}); a second one
     * within 5 s, while that snippet still runs, kills the execution JVM (the session then restarts it).
     */
    void interrupt() {
        if (stopRequested && evaluating && !dead && System.nanoTime() - stopRequestedAt < SECOND_CTRL_C_NANOS) {
            killedByCtrlC = executionJvm.kill();
            if (killedByCtrlC) return;
        }
        stopRequestedAt = System.nanoTime();
        stop();
    }

    /** True while a snippet is being compiled or run. */
    boolean evaluating() {
        return evaluating;
    }

    /** True when this engine died because a second Ctrl-C killed it. */
    boolean killedByCtrlC() {
        return killedByCtrlC;
    }

    // --- issue 11 (shell): consecutive declarations compiled in one javac run (BatchCompile) ---
    /** Compiles the longest groupable prefix of {@code sources} without running it; null: one by one. */
    BatchCompile compileBatch(List<String> sources, int cell) {
        cellNumber = cell;
        evaluating = true;
        try {
            return BatchCompile.compile(shell, sources);
        } catch (IllegalStateException closed) {
            dead = true;
            return null;
        } finally {
            evaluating = false;
        }
    }

    /** Runs the batch's next declaration; its events as {@link #eval} gives them. */
    List<SnippetEvent> runBatched(BatchCompile batch) {
        evaluating = true;
        try {
            return batch.runNext();
        } catch (IllegalStateException closed) {
            dead = true;
            return List.of();
        } finally {
            evaluating = false;
        }
    }

    // --- issue 12: the kernel's streams ---
    /** The execution JVM's standard streams, and snippets a front end adds to every engine's startup. */
    /** What cells print and read, options for the execution JVM (separate JVM only), snippets run at start. */
    record Io(PrintStream out, PrintStream err, InputStream in, List<String> vmOptions, List<String> startup) {}
}
