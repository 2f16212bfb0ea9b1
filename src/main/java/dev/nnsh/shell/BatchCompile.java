package dev.nnsh.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;

/**
 * Consecutive variable declarations of one cell (a paste, a script, a replay) compiled in ONE javac
 * run instead of one run each, then run one by one in order: each is still its own JShell snippet
 * (its own events, value, /vars entry, redefinition), and nothing runs before the whole run has
 * compiled, so what the user sees is what one eval per declaration gives.
 *
 * Why: JShell compiles one snippet per javac run, and each run's wrapper imports every earlier
 * declaration, which javac re-reads every run; a 2,000-line paste paid that 2,000 times.
 *
 * Only imports (a new one each, and only before the run's first declaration, which must not see a
 * later import) and declarations with a written type (no {@code var}), one variable each, a new
 * name (no redefinition), and no mention of a name a later member of the run declares are grouped: their
 * parsing needs no type analysis, so parsing them ahead of the earlier ones running is safe. A
 * member javac rejects ends the run before it (it and the rest are dropped again, unrun, and then
 * evaluated one by one as before, so its error is the usual one). Off with {@code
 * -Dnnsh.batch=off}; {@code -Dnnsh.batch=N} sets the most declarations per javac run (default 64).
 */
final class BatchCompile {
    static final int MAX = maxFromProperty();
    private static volatile boolean broken; // JShell's internals did not behave as expected: one by one from then on
    /** Tests and benchmarks switch it off and on in one JVM (A/B); the shell leaves it on. */
    static volatile boolean active = true;
    /** How many declarations were compiled in batches so far (tests check that the path ran). */
    static final java.util.concurrent.atomic.AtomicLong COMPILED_TOGETHER = new java.util.concurrent.atomic.AtomicLong();

    // type (qualified, generic, array) then a name, then '=' or ';': worth asking JShell's parser
    private static final Pattern TYPED_DECLARATION = Pattern.compile(
            "\\s*(?:final\\s+)?([\\p{L}_$][\\p{L}\\p{N}_$]*)(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*"
            + "(?:\\s*<[^;=(){}]*>)?(?:\\s*\\[\\s*\\])*\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*)\\s*(?:=|;)");
    // an import: a run may start with imports (the session's startup imports), before any declaration
    private static final Pattern IMPORT = Pattern.compile("\\s*import\\s+(?:static\\s+)?[\\p{L}_$][\\p{L}\\p{N}_$.]*(?:\\.\\*)?\\s*;\\s*");
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

    private final JShell shell;
    private final JShellInternals in;
    private final Object eval;
    private final List<Object> units;
    private final Map<Object, List<Object>> outsOf;
    private int next;

    private BatchCompile(JShell shell, JShellInternals in, Object eval, List<Object> units, Map<Object, List<Object>> outsOf) {
        this.shell = shell;
        this.in = in;
        this.eval = eval;
        this.units = units;
        this.outsOf = outsOf;
    }

    private static int maxFromProperty() {
        String p = System.getProperty("nnsh.batch", "64");
        if (p.equals("off")) return 0;
        try {
            return Math.max(0, Integer.parseInt(p));
        } catch (NumberFormatException e) {
            return 64;
        }
    }

    /** True when batches can be compiled here: the switch is on and jdk.jshell is opened to nnsh. */
    static boolean enabled() {
        return active && MAX >= 2 && !broken && JShellInternals.available();
    }

    /**
     * How many of {@code sources}, from {@code from}, look like a run of groupable declarations
     * (a cheap textual check; JShell's parser decides). 0 or 1 means: evaluate one by one.
     */
    static int candidates(List<String> sources, int from) {
        if (!enabled()) return 0;
        int n = 0;
        Set<String> names = new HashSet<>();
        boolean declarations = false;
        while (from + n < sources.size() && n < MAX) {
            if (!declarations && IMPORT.matcher(sources.get(from + n)).matches()) {
                n++;
                continue;
            }
            declarations = true;
            Matcher m = TYPED_DECLARATION.matcher(sources.get(from + n));
            if (!m.lookingAt() || m.group(1).equals("var") || !names.add(m.group(2))) break;
            n++;
        }
        return n;
    }

    /**
     * Compiles (and loads, without running) the longest groupable prefix of {@code sources};
     * null when fewer than two are (nothing is then changed in the session).
     * @throws IllegalStateException when the engine is closed
     */
    static BatchCompile compile(JShell shell, List<String> sources) {
        JShellInternals in = JShellInternals.get();
        if (in == null || sources.size() < 2) return null;
        Object analysis = null;
        try {
            analysis = in.sourceCodeAnalysis.get(shell);
            if (analysis != null) JShellInternals.call(in.suspendIndexing, analysis);
            JShellInternals.call(in.checkIfAlive, shell);
            Object eval = in.eval.get(shell);
            List<Snippet> snippets = parse(shell, in, eval, sources);
            if (snippets.size() < 2) return null;
            try (ImportFilter f = ImportFilter.hide(shell, sources, List.of())) {
                return compileAndLoad(shell, in, eval, snippets);
            }
        } catch (IllegalStateException closed) {
            throw closed;
        } catch (Exception e) {
            giveUp("compiling", e);
            return null;
        } finally {
            try {
                if (analysis != null) JShellInternals.call(in.resumeIndexing, analysis);
            } catch (Exception ignored) {
                // indexing resumes with the next eval
            }
        }
    }

    /** The snippets of the groupable prefix: typed, single, new, unique names, no forward mentions. */
    private static List<Snippet> parse(JShell shell, JShellInternals in, Object eval, List<String> sources) throws Exception {
        Set<String> taken = new HashSet<>();
        shell.variables().filter(v -> shell.status(v).isActive()).forEach(v -> taken.add(v.name()));
        shell.methods().filter(m -> shell.status(m).isActive()).forEach(m -> taken.add(m.name()));
        shell.types().filter(t -> shell.status(t).isActive()).forEach(t -> taken.add(t.name()));
        Set<String> mentioned = new HashSet<>();
        List<Snippet> snippets = new ArrayList<>();
        Set<String> imported = new HashSet<>();
        shell.imports().filter(i -> shell.status(i).isActive()).forEach(i -> imported.add(i.isStatic() + " " + i.fullname()));
        for (String source : sources) {
            List<Snippet> parsed = JShellInternals.snippets(JShellInternals.call(in.sourceToSnippets, eval, source));
            if (parsed.size() == 1 && parsed.get(0) instanceof ImportSnippet i && mentioned.isEmpty()) {
                // imports only before the first declaration (a declaration must not see a later import)
                if (!((java.util.List<?>) JShellInternals.call(in.syntheticDiags, i)).isEmpty()
                        || !imported.add(i.isStatic() + " " + i.fullname())) break;
                snippets.add(i);
                continue;
            }
            if (parsed.size() != 1 || !(parsed.get(0) instanceof VarSnippet v)) break;
            Snippet.SubKind sub = v.subKind();
            if (sub != Snippet.SubKind.VAR_DECLARATION_WITH_INITIALIZER_SUBKIND && sub != Snippet.SubKind.VAR_DECLARATION_SUBKIND) break;
            if (!((java.util.List<?>) JShellInternals.call(in.syntheticDiags, v)).isEmpty()) break;
            if (v.name().isEmpty() || taken.contains(v.name()) || mentioned.contains(v.name())) break;
            taken.add(v.name());
            Matcher ids = IDENTIFIER.matcher(source);
            while (ids.find()) mentioned.add(ids.group());
            snippets.add(v);
        }
        return snippets;
    }

    private static BatchCompile compileAndLoad(JShell shell, JShellInternals in, Object eval, List<Snippet> snippets) throws Exception {
        List<Object> units = new ArrayList<>();
        for (Snippet s : snippets) {
            units.add(in.unit.newInstance(shell, s, null, JShellInternals.call(in.syntheticDiags, s)));
        }
        // each wrapper imports the others, by their class names: give every unit its wrapper first
        for (Object u : units) {
            JShellInternals.call(in.unitInitialize, u);
            JShellInternals.call(in.unitSetWrap, u, List.of(u), List.of(u));
        }
        Set<Object> ins = new LinkedHashSet<>(units);
        @SuppressWarnings("unchecked")
        Set<Object> outs = (Set<Object>) JShellInternals.call(in.compileAndLoad, eval, ins);

        int good = 0;
        while (good < units.size() && compiledClean(shell, (Snippet) JShellInternals.call(in.unitSnippet, units.get(good)))) good++;
        BatchCompile batch = new BatchCompile(shell, in, eval, new ArrayList<>(units.subList(0, good)), new HashMap<>());
        // dependent updates (an earlier snippet this one completes) go with the snippet that caused them
        Map<Snippet, Object> unitOf = new HashMap<>();
        for (Object u : units) unitOf.put((Snippet) JShellInternals.call(in.unitSnippet, u), u);
        for (Object u : units) batch.outsOf.put(u, new ArrayList<>(List.of(u)));
        for (Object o : outs) {
            if (units.contains(o)) continue;
            SnippetEvent ev = (SnippetEvent) JShellInternals.call(in.unitEvent, o, null, null);
            Object cause = ev.causeSnippet() == null ? null : unitOf.get(ev.causeSnippet());
            batch.outsOf.get(cause != null ? cause : units.get(units.size() - 1)).add(o);
        }
        // the first one javac did not take, and all after it: undone, to be evaluated one by one
        for (int i = units.size() - 1; i >= good; i--) {
            shell.drop((Snippet) JShellInternals.call(in.unitSnippet, units.get(i)));
        }
        COMPILED_TOGETHER.addAndGet(good);
        return good >= 1 ? batch : null;
    }

    private static boolean compiledClean(JShell shell, Snippet s) {
        return shell.status(s) == Snippet.Status.VALID && shell.diagnostics(s).findAny().isEmpty();
    }

    /** How many declarations this batch compiled (a prefix of the sources it was given). */
    int size() {
        return units.size();
    }

    /** Runs the next declaration; its events, as {@code JShell.eval} of its source gives them. */
    List<SnippetEvent> runNext() {
        Object u = units.get(next++);
        try {
            Snippet si = (Snippet) JShellInternals.call(in.unitSnippet, u);
            String value = null;
            JShellException exception = null;
            if (shell.status(si).isDefined() && (Boolean) JShellInternals.call(in.isExecutable, si)) {
                ExecutionControl control = (ExecutionControl) JShellInternals.call(in.executionControl, shell);
                try {
                    value = control.invoke((String) JShellInternals.call(in.classFullName, si), "do_it$");
                    value = si.subKind().hasValue() ? (String) JShellInternals.call(in.expunge, null, value) : "";
                } catch (ExecutionControl.ResolutionException ex) {
                    exception = (JShellException) JShellInternals.call(in.asUnresolved, eval, ex);
                } catch (ExecutionControl.UserException ex) {
                    exception = (JShellException) JShellInternals.call(in.asEvalException, eval, ex);
                } catch (ExecutionControl.RunException | ExecutionControl.InternalException ex) {
                    // a stop (Ctrl-C), or the engine's own failure: no value, as JShell's eval
                } catch (ExecutionControl.EngineTerminationException ex) {
                    JShellInternals.call(in.closeDown, shell);
                }
            }
            @SuppressWarnings("unchecked")
            List<SnippetEvent> events = (List<SnippetEvent>) JShellInternals.call(in.events, eval, u, outsOf.get(u), value, exception);
            for (SnippetEvent ev : events) JShellInternals.call(in.notifyKeyStatusEvent, shell, ev);
            return Collections.unmodifiableList(events);
        } catch (IllegalStateException closed) {
            throw closed;
        } catch (Exception e) {
            giveUp("running", e);
            return List.of();
        }
    }

    private static void giveUp(String what, Exception e) {
        broken = true;
        System.err.println("nnsh: " + what + " declarations together failed (" + e
                + "); compiling one snippet at a time from now on (-Dnnsh.batch=off avoids the attempt)");
    }

    /** True when every declaration of the batch has run. */
    boolean finished() {
        return next >= units.size();
    }

    /** Drops the declarations not yet run (a failure or Ctrl-C ended the cell before them). */
    void abandonRest() {
        try {
            for (int i = units.size() - 1; i >= next; i--) {
                shell.drop((Snippet) JShellInternals.call(in.unitSnippet, units.get(i)));
            }
        } catch (Exception closed) {
            // the engine is gone: the session starts a new one from its record of what ran
        }
        next = units.size();
    }
}
