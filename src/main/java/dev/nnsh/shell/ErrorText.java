package dev.nnsh.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/** Renders compile errors (line, caret, javac's message) and exceptions (user frames only). */
final class ErrorText {
    private ErrorText() {}

    /** Where a snippet sits: its cell's origin and the cell line it starts on. */
    record Place(Origin origin, int firstLineInCell) {
        String at(int lineInSnippet) {
            return origin.at(firstLineInCell + lineInSnippet - 1);
        }

        /**
         * issue 11 (shell): where the code of {@code source} starts. A snippet's source can begin
         * with the line breaks and comments after the previous snippet, and JShell numbers an
         * exception's lines from its first code line (javac's diagnostics count from the source's start).
         */
        Place atCode(String source) {
            return new Place(origin, firstLineInCell + linesBeforeCode(source));
        }
    }

    /** Line breaks before the first character of {@code source} that is neither blank nor a comment. */
    static int linesBeforeCode(String source) {
        int lines = 0, i = 0, n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') { lines++; i++; }
            else if (Character.isWhitespace(c)) i++;
            else if (source.startsWith("//", i)) { while (i < n && source.charAt(i) != '\n') i++; }
            else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) if (source.charAt(k) == '\n') lines++;
                i = end;
            } else break;
        }
        return lines;
    }

    static String compileError(JShell shell, Snippet snippet, String source, Place place) {
        StringBuilder out = new StringBuilder();
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
        for (Diag d : errors) {
            long pos = d.getPosition() >= 0 ? d.getPosition() : Math.max(0, d.getStartPosition());
            int line = Snippets.lineOf(source, (int) Math.min(pos, source.length()));
            out.append(place.at(line)).append(": error: ").append(message(d)).append('\n');
            out.append(caretLines(source, d));
        }
        if (errors.isEmpty()) out.append(place.at(1)).append(": error: the snippet was rejected\n");
        return out.toString();
    }

    private static String message(Diag d) {
        StringBuilder m = new StringBuilder();
        for (String line : d.getMessage(Locale.ROOT).split("\n")) {
            // JShell wraps snippets in a synthetic class; its empty name says nothing to the user
            if (line.strip().equals("location: class")) continue;
            if (m.length() > 0) m.append('\n');
            m.append(line);
        }
        return m.toString();
    }

    private static String caretLines(String source, Diag d) {
        long start = d.getStartPosition(), end = d.getEndPosition(), pos = d.getPosition();
        if (pos < 0 || pos > source.length()) return "";
        if (start < 0 || start > pos) start = pos;
        if (end < pos || end > source.length()) end = pos;
        int lineStart = source.lastIndexOf('\n', (int) Math.max(0, start - 1)) + 1;
        if (start < lineStart) lineStart = (int) start;
        int lineEnd = source.indexOf('\n', (int) start);
        if (lineEnd < 0) lineEnd = source.length();
        if (end > lineEnd) end = lineEnd;
        String line = source.substring(lineStart, lineEnd);
        StringBuilder caret = new StringBuilder();
        for (int i = lineStart; i < start; i++) caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
        int width = (int) Math.max(1, end - start);
        caret.append(width == 1 ? "^" : "^" + "-".repeat(width - 2) + "^");
        return "    " + line + "\n    " + caret + "\n";
    }

    /**
     * The exception's type and message, then its cause chain, each with the user's frames. A cause
     * whose message its wrapper already quotes in full (nnsh's ModuleException adds the layer's path
     * to the error inside it) says nothing new and is left out.
     */
    static String exception(EvalException ex, Function<String, Place> placeOfSnippet) {
        StringBuilder out = new StringBuilder();
        Throwable t = ex;
        String prefix = "";
        while (t != null) {
            Throwable cause = t.getCause();
            if (cause != null && cause.getMessage() != null && t.getMessage() != null
                    && t.getMessage().endsWith(cause.getMessage()) && cause.getCause() == null) {
                out.append(prefix).append(t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName())
                   .append(": ").append(withoutWrapperNames(t.getMessage())).append('\n');
                appendFrames(out, t.getStackTrace(), placeOfSnippet);
                break;
            }
            String type = t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName();
            out.append(prefix).append(type);
            if (t.getMessage() != null) out.append(": ").append(withoutWrapperNames(t.getMessage()));
            out.append('\n');
            appendFrames(out, t.getStackTrace(), placeOfSnippet);
            t = t.getCause();
            prefix = "Caused by: ";
        }
        return out.toString();
    }

    /** Helpful NullPointerException messages name JShell's wrapper class: "REPL.$JShell$17.x". */
    static String withoutWrapperNames(String message) {
        return message.replaceAll("REPL\\.\\$JShell\\$\\d+[.$]", "");
    }

    private static void appendFrames(StringBuilder out, StackTraceElement[] frames,
                                     Function<String, Place> placeOfSnippet) {
        List<String> lines = new ArrayList<>();
        for (StackTraceElement f : frames) {
            String file = f.getFileName();
            if (file == null || !file.startsWith("#")) continue;
            Place place = placeOfSnippet.apply(file.substring(1));
            if (place == null) continue;
            String where = place.at(Math.max(1, f.getLineNumber()));
            String name = frameName(f);
            lines.add(name.isEmpty() ? "    at " + where : "    at " + name + " (" + where + ")");
        }
        // a stack overflow repeats the same frames thousands of times
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            while (j + 1 < lines.size() && lines.get(j + 1).equals(lines.get(i))) j++;
            out.append(lines.get(i)).append('\n');
            if (j == i + 1) out.append(lines.get(i)).append('\n');
            if (j > i + 1) out.append("    ... the same frame ").append(j - i).append(" more times\n");
            i = j + 1;
        }
    }

    private static String frameName(StackTraceElement f) {
        String method = f.getMethodName();
        if (method.startsWith("lambda$")) method = "lambda";
        String cls = f.getClassName();
        if (cls.isEmpty()) return method;
        return method.isEmpty() ? cls : cls + "." + method;
    }
}
