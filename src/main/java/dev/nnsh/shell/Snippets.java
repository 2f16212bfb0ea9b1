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
        String rest = text;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            int offset = text.length() - rest.length();
            if (info.completeness() == Completeness.EMPTY) break;
            if (!info.completeness().isComplete() || info.source() == null) {
                // incomplete or unknown: hand it to javac, which says what is wrong
                pieces.add(new Piece(rest, offset, false));
                break;
            }
            String typed = rest.substring(0, rest.length() - info.remaining().length());
            pieces.add(new Piece(info.source(), offset, typed.strip().endsWith(";")));
            rest = info.remaining();
        }
        return pieces;
    }

    /** True when the text needs more lines: an open brace, parenthesis, class body, `if (…)`. */
    static boolean needsMore(SourceCodeAnalysis analysis, String text) {
        String rest = text;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
                    return true;
                case COMPLETE, COMPLETE_WITH_SEMI:
                    rest = info.remaining();
                    break;
                default: // EMPTY, UNKNOWN (javac will report it)
                    return false;
            }
        }
        return false;
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
