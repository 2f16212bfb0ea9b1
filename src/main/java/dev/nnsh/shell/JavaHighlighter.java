package dev.nnsh.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours Java as it is typed: keywords, literals, comments, annotations, shell commands. */
final class JavaHighlighter implements Highlighter {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<comment>//[^\\n]*|/\\*(?s:.*?)(\\*/|\\z))"
            + "|(?<string>\"\"\"(?s:.*?)(\"\"\"|\\z)|\"(\\\\.|[^\"\\\\\\n])*\"?|'(\\\\.|[^'\\\\\\n])*'?)"
            + "|(?<number>\\b\\d[\\d_]*(\\.\\d*)?([eE][+-]?\\d+)?[fFdDlL]?\\b)"
            + "|(?<annotation>@\\w+)"
            + "|(?<word>\\b[A-Za-z_$][\\w$]*\\b)");
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "var", "record", "yield", "true", "false", "null");

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (Repl.isCommand(buffer.strip()) || buffer.stripLeading().startsWith("%")) {
            return sb.styled(AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA), buffer).toAttributedString();
        }
        Matcher m = TOKENS.matcher(buffer);
        int last = 0;
        while (m.find()) {
            sb.append(buffer, last, m.start());
            AttributedStyle style = styleOf(m);
            if (style == null) sb.append(m.group());
            else sb.styled(style, m.group());
            last = m.end();
        }
        sb.append(buffer.substring(last));
        return sb.toAttributedString();
    }

    private static AttributedStyle styleOf(Matcher m) {
        if (m.group("comment") != null) return AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
        if (m.group("string") != null) return AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
        if (m.group("number") != null) return AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
        if (m.group("annotation") != null) return AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
        String w = m.group("word");
        if (KEYWORDS.contains(w)) return AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
        return null;
    }

    @Override public void setErrorPattern(Pattern errorPattern) {}

    @Override public void setErrorIndex(int errorIndex) {}
}
