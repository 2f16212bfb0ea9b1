package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Keywords, literals and comments get their colours; everything else stays plain. */
class JavaHighlighterTest {
    private final AttributedString line = new JavaHighlighter()
            .highlight(null, "int n = 42; String s = \"new\"; // class");

    private AttributedStyle styleAt(String text, int occurrence) {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = line.toString().indexOf(text, at + 1);
        return line.styleAt(at);
    }

    @Test
    void colours() {
        assertEquals("int n = 42; String s = \"new\"; // class", line.toString());
        AttributedStyle keyword = styleAt("int", 0);
        assertNotEquals(AttributedStyle.DEFAULT, keyword);
        assertEquals(AttributedStyle.DEFAULT, styleAt("n =", 0));
        assertNotEquals(AttributedStyle.DEFAULT, styleAt("42", 0));
        assertNotEquals(keyword, styleAt("new", 0));   // inside a string: a string's colour
        assertNotEquals(keyword, styleAt("class", 0)); // inside a comment: a comment's colour
        assertNotEquals(styleAt("new", 0), styleAt("class", 0));
    }
}
