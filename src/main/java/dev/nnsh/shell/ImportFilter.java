package dev.nnsh.shell;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Makes a compile's cost independent of how many variables the session has declared. JShell
 * compiles every snippet in a wrapper class that imports every earlier declaration (one {@code
 * import static REPL.$JShell$N.name;} each), and javac parses those lines and reads each of those
 * classes again on every run: a cell's compile grows with the session (3–5× after 1,500 snippets).
 *
 * While one eval compiles, this hides from JShell's table of declarations the variables the code
 * cannot name: a Java variable is only reachable through its name, so a variable whose name is not
 * among the code's identifiers needs no import. Kept: every import, class, interface and method
 * (few, and reachable in more ways), every variable the code names, every snippet that depends on a
 * name the code names (so redefinitions still update their dependents) and, again, what those name.
 * The table is restored when the eval returns. Code with a Unicode escape, or with the word
 * {@code import} (an import's dependents can be every snippet), hides nothing.
 * The hidden variables' wrapper class files are hidden from javac's listing too ({@link
 * WrapperClassFiles}, issue 11 (shell)). Off with {@code -Dnnsh.imports=all}.
 */
final class ImportFilter implements AutoCloseable {
    private static final boolean ON = !"all".equals(System.getProperty("nnsh.imports"));
    /** Benchmarks switch it off and on in one JVM (A/B); the shell leaves it as the property says. */
    static volatile boolean active = true;
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final int WORTH_IT = 16;
    private static final ImportFilter NOTHING = new ImportFilter(null, List.of(), List.of(), WrapperClassFiles.NOTHING);
    private static final Handles HANDLES = Handles.load();

    private final List<Snippet> table;
    private final List<Integer> hidden;
    private final List<Snippet> was;
    private final WrapperClassFiles classFiles; // issue 11 (shell)

    private ImportFilter(List<Snippet> table, List<Integer> hidden, List<Snippet> was, WrapperClassFiles classFiles) {
        this.table = table;
        this.hidden = hidden;
        this.was = was;
        this.classFiles = classFiles;
    }

    /** Field handles into JShell's SnippetMaps, or null (package not opened, another JDK). */
    private record Handles(Field maps, Field table, Field dependencies, Field proc) {
        static Handles load() {
            if (!ON || !JShellInternals.available()) return null;
            try {
                Field maps = JShell.class.getDeclaredField("maps");
                Class<?> mapsClass = Class.forName("jdk.jshell.SnippetMaps");
                Field table = mapsClass.getDeclaredField("keyIndexToSnippet");
                Field dependencies = mapsClass.getDeclaredField("dependencies");
                maps.setAccessible(true);
                table.setAccessible(true);
                dependencies.setAccessible(true);
                Field proc = null; // SourceCodeAnalysisImpl's JShell, for completion
                try {
                    proc = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("proc");
                    proc.setAccessible(true);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    proc = null;
                }
                return new Handles(maps, table, dependencies, proc);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }

    /** True when imports are filtered here (the switch is on and jdk.jshell is opened to nnsh). */
    static boolean enabled() {
        return HANDLES != null;
    }

    /**
     * Hides, until {@link #close}, the variables none of {@code sources} can name; {@code alsoNamed}:
     * names the eval declares without writing them (an expression's `_n`).
     */
    static ImportFilter hide(JShell shell, Collection<String> sources, Collection<String> alsoNamed) {
        return hide(shell, sources, alsoNamed, null);
    }

    /** issue 11 (shell): also keeps every variable whose name starts with {@code keepPrefix} (when not null). */
    private static ImportFilter hide(JShell shell, Collection<String> sources, Collection<String> alsoNamed, String keepPrefix) {
        if (HANDLES == null || !active) return NOTHING;
        try {
            Object maps = HANDLES.maps.get(shell);
            @SuppressWarnings("unchecked")
            List<Snippet> table = (List<Snippet>) HANDLES.table.get(maps);
            @SuppressWarnings("unchecked")
            Map<String, Set<Integer>> dependencies = (Map<String, Set<Integer>>) HANDLES.dependencies.get(maps);
            Set<String> names = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            for (String n : alsoNamed) if (names.add(n)) todo.push(n);
            for (String s : sources) {
                if (s.contains("\\u")) return NOTHING;
                identifiers(s, names, todo);
            }
            // an import's dependents can be every snippet (a star import: all of them), recompiled with
            // the imports they need: an eval that may declare one hides nothing
            if (names.contains("import")) return NOTHING;
            Set<Integer> dependents = new HashSet<>();
            while (!todo.isEmpty()) {
                Set<Integer> on = dependencies.get(todo.pop());
                if (on == null) continue;
                for (Integer i : on) {
                    if (!dependents.add(i) || i >= table.size() || table.get(i) == null) continue;
                    String source = table.get(i).source();
                    if (source.contains("\\u")) return NOTHING;
                    identifiers(source, names, todo);
                }
            }
            List<Integer> hidden = new ArrayList<>();
            for (int i = 0; i < table.size(); i++) {
                Snippet s = table.get(i);
                if (s != null && s.kind() == Snippet.Kind.VAR && shell.status(s) == Snippet.Status.VALID
                        && !names.contains(((jdk.jshell.VarSnippet) s).name()) && !dependents.contains(i)
                        && (keepPrefix == null || !((jdk.jshell.VarSnippet) s).name().startsWith(keepPrefix))) { // issue 11 (shell)
                    hidden.add(i);
                }
            }
            if (hidden.size() < WORTH_IT) return NOTHING;
            List<Snippet> was = new ArrayList<>(hidden.size());
            for (int i : hidden) {
                was.add(table.get(i));
                table.set(i, null);
            }
            return new ImportFilter(table, hidden, was, WrapperClassFiles.hide(shell, was)); // issue 11 (shell): and their class files
        } catch (ReflectiveOperationException | RuntimeException e) {
            return NOTHING; // the table as it was: every import, as JShell has it
        }
    }

    // a member select being completed: `expr.` or `expr.partial` at the end of the code
    private static final Pattern MEMBER_SELECT = Pattern.compile("(?s).*[\\p{L}\\p{N}_$)\\]]\\s*\\.\\s*[\\p{L}_$]?[\\p{L}\\p{N}_$]*");

    // issue 11 (shell): the identifier JShell completes, as its completion finds it (the end of the code)
    private static final Pattern LAST_IDENTIFIER = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*$");

    /**
     * For Tab completion of a member ({@code net.we⇥}): its candidates depend only on what the
     * expression before the dot names, so the other variables are hidden too. For a bare name
     * ({@code ne⇥}) JShell keeps only the candidates that start with it: the variables whose names do
     * not (and that the code does not name) are hidden too; with nothing typed, none is.
     */
    static ImportFilter forMemberCompletion(jdk.jshell.SourceCodeAnalysis analysis, String code) {
        if (HANDLES == null || !active) return NOTHING;
        String prefix = null;
        if (!MEMBER_SELECT.matcher(code).matches()) { // issue 11 (shell): a bare name
            Matcher last = LAST_IDENTIFIER.matcher(code);
            if (!last.find()) return NOTHING;
            prefix = last.group();
        }
        try {
            if (HANDLES.proc == null) return NOTHING;
            return hide((JShell) HANDLES.proc.get(analysis), List.of(code), List.of(), prefix);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return NOTHING;
        }
    }

    private static void identifiers(String source, Set<String> names, Deque<String> todo) {
        Matcher m = IDENTIFIER.matcher(source);
        while (m.find()) {
            if (names.add(m.group())) todo.push(m.group());
        }
    }

    /** How many variables are hidden (0 when nothing was worth hiding). */
    int hiddenCount() {
        return hidden.size();
    }

    /** issue 11 (shell): how many of their wrappers' class files are hidden from javac. */
    int hiddenClassFiles() {
        return classFiles.hiddenCount();
    }

    /** Puts the hidden variables back. */
    @Override
    public void close() {
        classFiles.restore(); // issue 11 (shell)
        for (int k = 0; k < hidden.size(); k++) {
            int i = hidden.get(k);
            if (table.get(i) == null) table.set(i, was.get(k));
        }
    }
}
