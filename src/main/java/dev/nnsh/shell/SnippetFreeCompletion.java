package dev.nnsh.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

/**
 * issue 11 (shell): completion whose cost does not grow with the session. JShell completes code in
 * a wrapper with one import per declaration of the session, so Tab slows down as snippets pile up
 * (60–70 ms after 1,500). Code that names nothing the session declared ({@code Conv⇥},
 * {@code Tensor.ze⇥}, {@code new Linear(2, 3).we⇥}) and whose word no session name starts with
 * completes the same in a JShell that has only nnsh's imports: this one, started in the background
 * at the first completion. Anything else (a session name in the code or starting with the word, an
 * import of the user's) is left to the session's JShell: {@link #suggestions} returns null.
 */
final class SnippetFreeCompletion {
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
    private static final Set<String> PRELOADED = Set.copyOf(Preload.IMPORTS.stream().map(String::strip).toList());

    private final Supplier<JShell> session;
    private volatile CompletableFuture<JShell> helper;

    SnippetFreeCompletion(Supplier<JShell> session) {
        this.session = session;
    }

    /**
     * The suggestions for {@code code} (one snippet, cursor at its end), or null when the session's
     * JShell must answer; {@code anchor[0]} is set as by {@link SourceCodeAnalysis#completionSuggestions}.
     */
    List<SourceCodeAnalysis.Suggestion> suggestions(String code, int[] anchor) {
        try {
            return suggestionsOrNull(code, anchor);
        } catch (IllegalStateException closed) {
            return null; // the session's engine ended: the session's own path says what it says today
        }
    }

    private List<SourceCodeAnalysis.Suggestion> suggestionsOrNull(String code, int[] anchor) {
        JShell own = session.get();
        if (own.imports().anyMatch(imp -> !PRELOADED.contains(imp.source().strip()))) return null; // the user's imports
        Set<String> declared = new HashSet<>();
        own.variables().forEach(v -> declared.add(v.name()));
        own.types().forEach(t -> declared.add(t.name()));
        own.methods().forEach(m -> declared.add(m.name()));
        Matcher m = IDENTIFIER.matcher(code);
        boolean endsInWord = false;
        while (m.find()) {
            String name = m.group();
            boolean word = m.end() == code.length(); // the word being completed
            endsInWord |= word;
            for (String d : declared) {
                // the code uses the session (only its JShell knows those types), or the session has a name
                // the word could complete to (JShell words it by context: `ConvNet`, `new ConvNet()`)
                if (d.equals(name) || word && d.startsWith(name)) return null;
            }
        }
        // no word and no member access (`foo(⇥`, an empty line): JShell lists every name in scope, the session's too
        if (!endsInWord && !code.endsWith(".")) return null;
        JShell fast = helper();
        return fast == null ? null : fast.sourceCodeAnalysis().completionSuggestions(code, code.length(), anchor);
    }

    /** The snippet-free JShell once started (null while it starts: the session's answers meanwhile). */
    private JShell helper() {
        CompletableFuture<JShell> h = helper;
        if (h == null) {
            synchronized (this) {
                if (helper == null) helper = CompletableFuture.supplyAsync(SnippetFreeCompletion::start);
                h = helper;
            }
        }
        return h.isDone() && !h.isCompletedExceptionally() ? h.join() : null;
    }

    private static JShell start() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        JShell shell = JShell.builder().executionEngine("local").out(nowhere).err(nowhere)
                .in(InputStream.nullInputStream()).compilerOptions("-proc:none").build();
        for (String imp : Preload.IMPORTS) shell.eval(imp);
        shell.sourceCodeAnalysis().completionSuggestions("Tensor.ze", 9, new int[1]); // warm
        return shell;
    }

    /** Waits for the helper JShell (tests). */
    void awaitStarted() {
        helper();
        helper.join();
    }
}
