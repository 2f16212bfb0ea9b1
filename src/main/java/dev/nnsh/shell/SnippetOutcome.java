package dev.nnsh.shell;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * What one snippet's JShell events come to: a value, a compile error or exception placed in the
 * user's cell or file, notes on declarations it replaced; and, for a success, the snippet to keep
 * for replay. It remembers where every snippet came from, so an exception's stack names the lines.
 */
final class SnippetOutcome {
    private final PrintStream out;
    private final Map<String, ErrorText.Place> places = new HashMap<>();
    private ReplayableSnippet lastKept;

    SnippetOutcome(PrintStream out) {
        this.out = out;
    }

    /** The snippet the last successful {@link #judge} kept, or null (a failure, or nothing to keep). */
    ReplayableSnippet lastKept() {
        return lastKept;
    }

    /** Where a replayed snippet came from. */
    void remember(Snippet snippet, ErrorText.Place place) {
        places.put(snippet.id(), place.atCode(snippet.source())); // issue 11 (shell): exception lines count from the code
    }

    /** Forgets every place (a reset session). */
    void forget() {
        places.clear();
    }

    /** What a snippet's events come to; a success is kept as {@link #lastKept()} for replay. */
    CellResult judge(Engine e, List<SnippetEvent> events, Snippets.Piece piece,
                             ErrorText.Place place, boolean printed) {
        lastKept = null;
        SnippetEvent main = events.stream().filter(ev -> ev.causeSnippet() == null)
                .findFirst().orElse(null);
        if (main == null) return CellResult.ok(null, null, printed);
        Snippet snippet = main.snippet();
        places.put(snippet.id(), place.atCode(piece.source())); // issue 11 (shell): exception lines count from the code
        if (main.status() == Snippet.Status.REJECTED) {
            return CellResult.failed(CellResult.Status.FAILED,
                    ErrorText.compileError(e.jshell(), snippet, piece.source(), place));
        }
        if (main.exception() instanceof UnresolvedReferenceException u) {
            return CellResult.failed(CellResult.Status.FAILED, Unresolved.useError(e.jshell(), u.getSnippet(), place));
        }
        if (Unresolved.isRecoverable(main.status()) && snippet instanceof DeclarationSnippet d
                && snippet.kind() != Snippet.Kind.VAR) {
            String error = Unresolved.definitionError(e.jshell(), d, place);
            e.jshell().drop(d); // like a rejected definition: nothing half-defined stays behind
            return CellResult.failed(CellResult.Status.FAILED, error);
        }
        if (main.exception() instanceof EvalException ex) {
            String where = place.origin().file() == null ? "" : place.atCode(piece.source()).at(1) + ": ";
            return CellResult.failed(CellResult.Status.FAILED, where + ErrorText.exception(ex, places::get));
        }
        if (main.exception() != null) {
            return CellResult.failed(CellResult.Status.FAILED, main.exception().toString() + "\n");
        }
        String valueName = snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                ? ((VarSnippet) snippet).name() : null;
        lastKept = new ReplayableSnippet(piece.source(), place.origin(), place.firstLineInCell(), valueName);
        if (main.status() == Snippet.Status.RECOVERABLE_DEFINED
                && snippet instanceof DeclarationSnippet d) {
            out.println("note: " + Unresolved.describe(d) + " cannot be used until " + unresolved(e, d) + " is declared");
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
}
