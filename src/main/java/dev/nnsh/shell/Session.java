package dev.nnsh.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jdk.jshell.SnippetEvent;

/**
 * The user's session and its engine's lifecycle: runs cells on an engine, remembers the snippets
 * that succeeded, and when the engine dies starts a new one and replays them (never the snippet that
 * killed it). What each snippet's events come to is {@link SnippetOutcome}'s job.
 */
final class Session implements AutoCloseable {
    private final boolean separateJvm;
    private final String classpath;
    private final CountingOutputStream counter;
    private final PrintStream out;
    private final List<ReplayableSnippet> done = new ArrayList<>();
    private final SnippetOutcome outcome;
    private final boolean warmUp;
    private volatile Runnable diedBetweenCells = () -> {};
    private volatile boolean stoppedWhileStarting;
    private volatile CompletableFuture<Engine> engine = new CompletableFuture<>();

    Session(boolean separateJvm, String classpath, CountingOutputStream counter, boolean warmUp) {
        this.separateJvm = separateJvm;
        this.classpath = classpath;
        this.counter = counter;
        this.out = new PrintStream(counter, true);
        this.outcome = new SnippetOutcome(out);
        this.warmUp = warmUp;
    }

    /** Starts the engine in the background; the first cell waits for it. */
    Session start() {
        engine = CompletableFuture.supplyAsync(() -> {
            Engine e = newEngine();
            if (warmUp) e.warmUp();
            return e;
        });
        return this;
    }

    private Engine newEngine() {
        return new Engine(separateJvm, classpath, io != null ? io : new Engine.Io(out, out, java.io.InputStream.nullInputStream(),
                List.of(), List.of()), () -> diedBetweenCells.run());
    }

    /** Called (on JShell's thread) when the engine dies while no cell runs: killed, or crashed. */
    void onDeathBetweenCells(Runnable listener) {
        diedBetweenCells = listener;
    }

    /** Waits for the engine that starts in the background. */
    Engine engine() {
        return engine.join();
    }

    /** Stops the running snippet (from a Ctrl-C handler thread); harmless when nothing runs. */
    void stop() {
        CompletableFuture<Engine> e = engine;
        if (e.isDone()) e.join().stop();
        else stoppedWhileStarting = true;
    }

    // --- issue 11 (shell): Ctrl-C twice ---
    /** A terminal's Ctrl-C: stops the running snippet; a second one soon after kills and restarts a stuck engine. */
    void interrupt() {
        CompletableFuture<Engine> e = engine;
        if (e.isDone()) e.join().interrupt();
        else stoppedWhileStarting = true;
    }

    private static CellResult killedByCtrlC(ErrorText.Place place, int replayed) {
        return CellResult.failed(CellResult.Status.ENGINE_DIED, "Ctrl-C twice: killed the engine stuck in " + place.at(1)
                + "; started a new one and replayed " + replayed + " earlier snippet" + (replayed == 1 ? "" : "s") + ".");
    }

    List<ReplayableSnippet> done() {
        return List.copyOf(done);
    }

    CellResult run(String text, Origin origin) {
        stoppedWhileStarting = false;
        Engine e = engine();
        if (stoppedWhileStarting) {
            return CellResult.failed(CellResult.Status.STOPPED, "Stopped (Ctrl-C) before " + origin.at(1) + " ran.");
        }
        if (e.isDead()) {
            out.println("nnsh: the engine had stopped; starting a new one and replaying the session");
            e = restart();
        }
        e.clearStop();
        CellResult result = CellResult.ok(null, null, false);
        List<Snippets.Piece> pieces = Snippets.split(e.analysis(), text);
        // issue 11 (shell): runs of declarations compiled in one javac run; closing drops those a failure left unrun
        try (CellBatches batches = new CellBatches(e, pieces.stream().map(Snippets.Piece::source).toList())) {
            for (Snippets.Piece piece : pieces) {
                ErrorText.Place place = new ErrorText.Place(origin, Snippets.lineOf(text, piece.offset()));
                if (e.stopRequested()) {
                    return CellResult.failed(CellResult.Status.STOPPED, "Stopped (Ctrl-C) before " + place.at(1) + ".");
                }
                long printedBefore = counter.count();
                LatencyTrace.mark("eval"); // issue 11 (shell): the first snippet's start
                List<SnippetEvent> events = batches.eval(piece.source(), origin.cell());
                LatencyTrace.mark("evaluated");
                boolean printed = counter.count() > printedBefore;
                if (e.isDead()) {
                    restart();
                    int replayed = done.size();
                    if (e.killedByCtrlC()) return killedByCtrlC(place, replayed); // issue 11 (shell)
                    return CellResult.failed(CellResult.Status.ENGINE_DIED,
                            "The engine died while running " + place.at(1)
                            + " (System.exit, a native crash, or the process was killed).\n"
                            + "Started a new engine and replayed " + replayed
                            + " earlier snippet" + (replayed == 1 ? "" : "s") + "; that one was not replayed.");
                }
                if (e.stopRequested()) {
                    return CellResult.failed(CellResult.Status.STOPPED, "Stopped (Ctrl-C) at " + place.at(1) + ".");
                }
                result = outcome.judge(e, events, piece, place, printed);
                if (result.succeeded() && outcome.lastKept() != null) done.add(outcome.lastKept());
                if (!result.succeeded()) return result;
            }
            return result;
        }
    }

    /** A new engine with the session's successful snippets replayed (their output muted). */
    Engine restart() {
        engine.join().close();
        List<ReplayableSnippet> replay = new ArrayList<>(done);
        while (true) {
            Engine fresh = newEngine();
            ReplayableSnippet killer = replayInto(fresh, replay);
            if (killer == null) {
                engine = CompletableFuture.completedFuture(fresh);
                return fresh;
            }
            replay.remove(killer); // it kills an engine now: start over without it
        }
    }

    /** Replays into {@code fresh}; returns the snippet that killed it, or null. */
    private ReplayableSnippet replayInto(Engine fresh, List<ReplayableSnippet> replay) {
        done.clear();
        counter.mute(true);
        // issue 11 (shell): declarations replayed in batches too (BatchCompile)
        try (CellBatches batches = new CellBatches(fresh, replay.stream().map(ReplayableSnippet::source).toList())) {
            for (ReplayableSnippet d : replay) {
                List<SnippetEvent> events = batches.eval(d.source(), d.origin().cell());
                if (fresh.isDead()) return d;
                events.stream().filter(ev -> ev.causeSnippet() == null).findFirst().ifPresent(ev ->
                        outcome.remember(ev.snippet(), new ErrorText.Place(d.origin(), d.firstLineInCell())));
                done.add(d);
            }
            return null;
        } finally {
            counter.mute(false);
        }
    }

    /** Forgets everything: a fresh engine, no variables, no history of cells. */
    void reset() {
        engine.join().close();
        done.clear();
        outcome.forget();
        engine = CompletableFuture.completedFuture(newEngine());
    }

    @Override
    public void close() {
        engine.join().close();
    }

    // --- what an engine's cells read and print, its JVM options and startup snippets (issues 12, 13) ---

    private Engine.Io io;

    /** What cells read from System.in (a quiz's answers) and options for the execution JVM; call before start(). */
    Session cellInput(java.io.InputStream in, List<String> vmOptions) {
        io = new Engine.Io(out, out, in, List.copyOf(vmOptions), List.of());
        return this;
    }

    /** The kernel's: engines get their own stderr, stdin and startup snippets; call before {@link #start}. */
    Session withIo(PrintStream err, java.io.InputStream in, List<String> startup) {
        io = new Engine.Io(out, err, in, List.of(), startup);
        return this;
    }
}
