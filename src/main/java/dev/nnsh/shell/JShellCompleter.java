package dev.nnsh.shell;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion from JShell (members, classes, the preloaded API), and of shell commands. */
final class JShellCompleter implements Completer {
    private final Supplier<SourceCodeAnalysis> analysis;

    JShellCompleter(Supplier<SourceCodeAnalysis> analysis) {
        this(analysis, null);
    }

    // issue 11 (shell): code that names nothing of the session completes in a snippet-free JShell
    private final SnippetFreeCompletion snippetFree;

    JShellCompleter(Supplier<SourceCodeAnalysis> analysis, SnippetFreeCompletion snippetFree) {
        this.analysis = analysis;
        this.snippetFree = snippetFree;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String upToCursor = line.line().substring(0, line.cursor());
        if (upToCursor.stripLeading().startsWith("/") && !upToCursor.contains(" ")) {
            for (String c : Commands.NAMES) candidates.add(new Candidate(c));
            return;
        }
        List<String> modelNames = ModelNameCompletion.candidates(upToCursor); // issue 10: Models.get("…
        if (modelNames != null) {
            String typed = line.word().substring(line.word().lastIndexOf('"') + 1);
            String before = line.word().substring(0, line.word().length() - typed.length());
            for (String n : modelNames) candidates.add(new Candidate(before + n, n, null, null, null, null, false));
            return;
        }
        // JShell completes one snippet: the last, unfinished one before the cursor
        String code = upToCursor;
        List<Snippets.Piece> pieces = Snippets.split(analysis.get(), upToCursor);
        if (!pieces.isEmpty()) code = upToCursor.substring(pieces.get(pieces.size() - 1).offset());
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = snippetFree == null ? null : snippetFree.suggestions(code, anchor);
        if (suggestions == null) {
            SourceCodeAnalysis session = analysis.get();
            try (ImportFilter f = ImportFilter.forMemberCompletion(session, code)) { // issue 11 (shell): net.we⇥ at any session size
                suggestions = session.completionSuggestions(code, code.length(), anchor);
            }
        }
        int wordStart = code.length() - line.word().length();
        String lead = anchor[0] < wordStart ? code.substring(anchor[0], wordStart) : "";
        Set<String> seen = new LinkedHashSet<>(); // one suggestion per overload: show each name once
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            String value = lead + s.continuation();
            if (!seen.add(value)) continue;
            String display = value.endsWith("(") ? value.substring(0, value.length() - 1) : value;
            // not "complete": JLine would append a space, which Java code does not want
            candidates.add(new Candidate(value, display, null, null, null, null, false));
        }
    }
}
