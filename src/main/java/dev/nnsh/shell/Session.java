package dev.nnsh.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The user's session: runs cells on an engine, remembers the snippets that succeeded, and when the
 * engine dies starts a new one and replays them (never the snippet that killed it).
 */
final class Session implements AutoCloseable {
    /**
     * A snippet that ran successfully, with where it came from (for replay, /list, /save);
     * {@code valueName} is the `_n` variable holding its value when it was an expression.
     */
    record Done(String source, Origin origin, int firstLineInCell, String valueName) {}

    private final boolean separateJvm;
    private final String classpath;
    private final CountingOutputStream counter;
    private final PrintStream out;
    private final List<Done> done = new ArrayList<>();
    private final Map<String, ErrorText.Place> places = new HashMap<>();
    private final boolean warmUp;
    private volatile Runnable diedBetweenCells = () -> {};
    private volatile boolean stoppedWhileStarting;
    private volatile CompletableFuture<Engine> engine = new CompletableFuture<>();

    Session(boolean separateJvm, String classpath, CountingOutputStream counter, boolean warmUp) {
        this.separateJvm = separateJvm;
        this.classpath = classpath;
        this.counter = counter;
        this.out = new PrintStream(counter, true);
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
        if (io != null) return new Engine(separateJvm, classpath, io, () -> diedBetweenCells.run());
        return new Engine(separateJvm, classpath, out, () -> diedBetweenCells.run());
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

    List<Done> done() {
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
        for (Snippets.Piece piece : Snippets.split(e.analysis(), text)) {
            ErrorText.Place place = new ErrorText.Place(origin, Snippets.lineOf(text, piece.offset()));
            if (e.stopRequested()) {
                return CellResult.failed(CellResult.Status.STOPPED, "Stopped (Ctrl-C) before " + place.at(1) + ".");
            }
            long printedBefore = counter.count();
            List<SnippetEvent> events = e.eval(piece.source(), origin.cell());
            boolean printed = counter.count() > printedBefore;
            if (e.isDead()) {
                restart();
                int replayed = done.size();
                return CellResult.failed(CellResult.Status.ENGINE_DIED,
                        "The engine died while running " + place.at(1)
                        + " (System.exit, a native crash, or the process was killed).\n"
                        + "Started a new engine and replayed " + replayed
                        + " earlier snippet" + (replayed == 1 ? "" : "s") + "; that one was not replayed.");
            }
            if (e.stopRequested()) {
                return CellResult.failed(CellResult.Status.STOPPED, "Stopped (Ctrl-C) at " + place.at(1) + ".");
            }
            result = judge(e, events, piece, place, printed);
            if (!result.succeeded()) return result;
        }
        return result;
    }

    private CellResult judge(Engine e, List<SnippetEvent> events, Snippets.Piece piece,
                             ErrorText.Place place, boolean printed) {
        SnippetEvent main = events.stream().filter(ev -> ev.causeSnippet() == null)
                .findFirst().orElse(null);
        if (main == null) return CellResult.ok(null, null, printed);
        Snippet snippet = main.snippet();
        places.put(snippet.id(), place);
        if (main.status() == Snippet.Status.REJECTED) {
            return CellResult.failed(CellResult.Status.FAILED,
                    ErrorText.compileError(e.jshell(), snippet, piece.source(), place));
        }
        if (main.exception() instanceof UnresolvedReferenceException u) {
            return CellResult.failed(CellResult.Status.FAILED, place.at(1) + ": error: "
                    + u.getSnippet().toString().lines().findFirst().orElse("") + " cannot be used until "
                    + unresolved(e, u.getSnippet()) + " is declared\n");
        }
        if (main.exception() instanceof EvalException ex) {
            String where = place.origin().file() == null ? "" : place.at(1) + ": ";
            return CellResult.failed(CellResult.Status.FAILED, where + ErrorText.exception(ex, places::get));
        }
        if (main.exception() != null) {
            return CellResult.failed(CellResult.Status.FAILED, main.exception().toString() + "\n");
        }
        String valueName = snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                ? ((VarSnippet) snippet).name() : null;
        done.add(new Done(piece.source(), place.origin(), place.firstLineInCell(), valueName));
        if (main.status() == Snippet.Status.RECOVERABLE_DEFINED
                && snippet instanceof DeclarationSnippet d) {
            out.println("note: " + d.name() + " cannot be used until " + unresolved(e, d) + " is declared");
        }
        noteReplacedVariables(events, snippet);
        return CellResult.ok(piece.quiet() ? null : valueOf(main), typeOf(snippet), printed);
    }

    /**
     * A replaced declaration can reset variables that depend on it (or leave them unusable); JShell says so
     * only through dependent events, so name them here, as the jshell tool does.
     */
    private void noteReplacedVariables(List<SnippetEvent> events, Snippet cause) {
        if (!(cause instanceof DeclarationSnippet d)) return;
        String replaced = (cause.kind() == Snippet.Kind.TYPE_DECL ? "class " : cause.kind() == Snippet.Kind.METHOD
                ? "method " : "") + d.name();
        for (SnippetEvent ev : events) {
            if (ev.causeSnippet() == null || !(ev.snippet() instanceof VarSnippet v)
                    || ev.previousStatus() != Snippet.Status.VALID || ev.status() == Snippet.Status.OVERWRITTEN) continue;
            out.println(ev.status() == Snippet.Status.VALID
                    ? "note: " + v.name() + " was reset to null (" + replaced + " was redefined)"
                    : "note: " + v.name() + " can no longer be used (" + replaced + " was redefined); declare it again");
        }
    }

    private static String unresolved(Engine e, DeclarationSnippet d) {
        return e.jshell().unresolvedDependencies(d).collect(Collectors.joining(", "));
    }

    private static String valueOf(SnippetEvent ev) {
        Snippet s = ev.snippet();
        boolean expression = s instanceof ExpressionSnippet
                || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        return expression ? ev.value() : null;
    }

    private static String typeOf(Snippet s) {
        if (s instanceof ExpressionSnippet x) return x.typeName();
        if (s instanceof VarSnippet v) return v.typeName();
        return null;
    }

    /** A new engine with the session's successful snippets replayed (their output muted). */
    Engine restart() {
        engine.join().close();
        List<Done> replay = new ArrayList<>(done);
        while (true) {
            Engine fresh = newEngine();
            Done killer = replayInto(fresh, replay);
            if (killer == null) {
                engine = CompletableFuture.completedFuture(fresh);
                return fresh;
            }
            replay.remove(killer); // it kills an engine now: start over without it
        }
    }

    /** Replays into {@code fresh}; returns the snippet that killed it, or null. */
    private Done replayInto(Engine fresh, List<Done> replay) {
        done.clear();
        counter.mute(true);
        try {
            for (Done d : replay) {
                List<SnippetEvent> events = fresh.eval(d.source(), d.origin().cell());
                if (fresh.isDead()) return d;
                events.stream().filter(ev -> ev.causeSnippet() == null).findFirst().ifPresent(ev ->
                        places.put(ev.snippet().id(), new ErrorText.Place(d.origin(), d.firstLineInCell())));
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
        places.clear();
        engine = CompletableFuture.completedFuture(newEngine());
    }

    @Override
    public void close() {
        engine.join().close();
    }

    // --- issue 12: the kernel's streams ---
    private Engine.Io io;

    /** Gives engines their own stderr, stdin and startup snippets; call before {@link #start}. */
    Session withIo(PrintStream err, java.io.InputStream in, List<String> startup) {
        io = new Engine.Io(out, err, in, startup);
        return this;
    }
}
