package dev.nnsh.shell;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Splits Java source into JShell snippets and tells complete input from input that continues. */
final class Snippets {
    private Snippets() {}

    /**
     * One snippet of a cell: its source as JShell wants it, where it starts in the cell, and
     * whether the user ended it with a semicolon (which, as in IPython, hides its value).
     */
    record Piece(String source, int offset, boolean quiet) {}

    /** A cell of a script: its text and the file line (1-based) it starts on. */
    record Chunk(String text, int firstLine) {}

    static List<Piece> split(SourceCodeAnalysis analysis, String text) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        while (!blankFrom(text, offset)) {
            Next next = next(analysis, text, offset);
            if (next.completeness() == Completeness.EMPTY) break;
            if (!next.completeness().isComplete() || next.source() == null) {
                // incomplete or unknown: hand it to javac, which says what is wrong
                pieces.add(new Piece(text.substring(offset), offset, false));
                break;
            }
            String typed = text.substring(offset, next.end());
            pieces.add(new Piece(next.source(), offset, typed.strip().endsWith(";")));
            offset = next.end();
        }
        return pieces;
    }

    /** True when the text needs more lines: an open brace, parenthesis, class body, `if (…)`. */
    static boolean needsMore(SourceCodeAnalysis analysis, String text) {
        int offset = 0;
        while (!blankFrom(text, offset)) {
            Next next = next(analysis, text, offset);
            switch (next.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
                    return true;
                case COMPLETE, COMPLETE_WITH_SEMI:
                    offset = next.end();
                    break;
                default: // EMPTY, UNKNOWN (javac will report it)
                    return false;
            }
        }
        return false;
    }

    // issue 11 (shell): JShell analyses all the text it is given, so splitting a 2,000-line paste
    // snippet by snippet read the whole rest each time (quadratic: seconds). The first snippet is
    // decided by a window of lines once it ends before the window does (more text follows it there).
    private static final int FIRST_WINDOW_LINES = 16;

    /** The first snippet of {@code text} from {@code offset}: its completeness, source and end offset. */
    private record Next(Completeness completeness, String source, int end) {}

    private static Next next(SourceCodeAnalysis analysis, String text, int offset) {
        for (int lines = FIRST_WINDOW_LINES; ; lines *= 2) {
            int windowEnd = endOfLines(text, offset, lines);
            String window = text.substring(offset, windowEnd);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(window);
            boolean whole = windowEnd == text.length();
            boolean endsInside = info.completeness().isComplete() && !info.remaining().isBlank();
            if (whole || endsInside) {
                return new Next(info.completeness(), info.source(), windowEnd - info.remaining().length());
            }
        }
    }

    private static boolean blankFrom(String text, int offset) {
        for (int i = offset; i < text.length(); i++) if (!Character.isWhitespace(text.charAt(i))) return false;
        return true;
    }

    /** The offset after {@code lines} more lines from {@code from} (or the text's end). */
    private static int endOfLines(String text, int from, int lines) {
        int at = from;
        for (int n = 0; n < lines; n++) {
            int nl = text.indexOf('\n', at);
            if (nl < 0) return text.length();
            at = nl + 1;
        }
        return at;
    }

    /**
     * Groups a script's lines into cells the way a person typing them would: a cell ends at the
     * first line where the input so far is complete. Blank lines between cells are skipped.
     */
    static List<Chunk> chunks(SourceCodeAnalysis analysis, String script) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        int first = 0;
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (buffer.length() == 0 && lines[i].isBlank()) continue;
            if (buffer.length() == 0) first = i + 1;
            buffer.append(lines[i]).append('\n');
            if (isCommand(buffer) || !needsMore(analysis, buffer.toString())) {
                chunks.add(new Chunk(stripNewline(buffer), first));
                buffer.setLength(0);
            }
        }
        if (!buffer.toString().isBlank()) chunks.add(new Chunk(stripNewline(buffer), first));
        return chunks;
    }

    private static boolean isCommand(CharSequence buffer) {
        String s = buffer.toString().strip();
        return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/*") || s.startsWith("%");
    }

    private static String stripNewline(StringBuilder b) {
        return b.substring(0, b.length() - 1);
    }

    /** 1-based line of {@code offset} within {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
