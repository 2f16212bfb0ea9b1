package dev.nnsh.shell;

import java.util.List;
import java.util.function.Supplier;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine parser for Java cells: asks for another line while the input is incomplete, and makes the
 * Java identifier before the cursor the word that completion replaces.
 */
final class JavaLineParser implements Parser {
    private final Supplier<SourceCodeAnalysis> analysis;
    private boolean acceptAsIs;

    JavaLineParser(Supplier<SourceCodeAnalysis> analysis) {
        this.analysis = analysis;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && acceptAsIs) {
            acceptAsIs = false;
        } else if (context == ParseContext.ACCEPT_LINE && needsMore(line)) {
            throw new EOFError(-1, cursor, "incomplete cell");
        }
        int start = cursor;
        while (start > 0 && Character.isJavaIdentifierPart(line.charAt(start - 1))) start--;
        return new Word(line, cursor, line.substring(start, cursor));
    }

    /** The next accept takes the input even if incomplete (javac then says what is missing). */
    void acceptAsIs() {
        acceptAsIs = true;
    }

    private boolean needsMore(String line) {
        String t = line.strip();
        if (t.isEmpty() || Repl.isCommand(t)) return false;
        if (t.startsWith("%")) t = t.substring(t.split("\\s", 2)[0].length());
        return Snippets.needsMore(analysis.get(), t);
    }

    /** The line with one word: the identifier being typed at the cursor. */
    record Word(String line, int cursor, String word) implements CompletingParsedLine {
        @Override public int wordCursor() { return word.length(); }
        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }
        @Override public int rawWordCursor() { return word.length(); }
        @Override public int rawWordLength() { return word.length(); }
        @Override public int wordIndex() { return 0; }
        @Override public List<String> words() { return List.of(word); }
    }
}
