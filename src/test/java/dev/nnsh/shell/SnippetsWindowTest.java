package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Splitting a cell reads a window of lines per snippet instead of the whole rest (a 2,000-line
 * paste took seconds). The split must be the one JShell gives when handed the whole rest each time.
 */
class SnippetsWindowTest {
    private static JShell shell;
    private static SourceCodeAnalysis analysis;

    @BeforeAll
    static void open() {
        shell = JShell.builder().executionEngine("local").build();
        analysis = shell.sourceCodeAnalysis();
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    /** JShell on the whole rest, snippet after snippet: the reference. */
    private static List<Snippets.Piece> wholeRest(String text) {
        List<Snippets.Piece> pieces = new ArrayList<>();
        String rest = text;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            int offset = text.length() - rest.length();
            if (info.completeness() == Completeness.EMPTY) break;
            if (!info.completeness().isComplete() || info.source() == null) {
                pieces.add(new Snippets.Piece(rest, offset, false));
                break;
            }
            String typed = rest.substring(0, rest.length() - info.remaining().length());
            pieces.add(new Snippets.Piece(info.source(), offset, typed.strip().endsWith(";")));
            rest = info.remaining();
        }
        return pieces;
    }

    private static String lines(int n, String format) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(String.format(format, i, i)).append('\n');
        return b.toString();
    }

    private static final String LONG_CLASS = "class Long {\n" + lines(40, "    int f%d = %d;") + "}\n";

    private static final List<String> CELLS = List.of(
            lines(100, "int p%d = %d;"),
            lines(30, "int a%d = %d;") + LONG_CLASS + "new Long().f3\n",
            lines(20, "var s%d = %d") + "s3 + 1",
            "int x = 1\n" + lines(15, "// comment %d %d") + "+ 2;\nx",
            lines(15, "int b%d = %d;") + "String t = \"\"\"\n" + lines(20, "line %d %d") + "\"\"\";\nt.length()",
            lines(14, "int c%d = %d;") + "List.of(1, 2)\n    .stream()\n    .map(i -> i * 2)\n    .toList()\n" + lines(3, "c%d + %d"),
            lines(10, "int d%d = %d;") + "int broken = ;\n" + lines(10, "int e%d = %d;"),
            lines(18, "int g%d = %d;") + "/* a comment\n" + lines(30, " * %d %d") + " */\nint after = 1;",
            lines(17, "int h%d = %d;") + "if (h1 > 0)\n    System.out.println(h1);\n" + "int last = 2",
            lines(16, "int k%d = %d;") + "class Open {\n" + lines(20, "  int m%d = %d;"),
            "1 + 1",
            "");

    @Test
    void theWindowedSplitIsJShellsSplitOfTheWholeRest() {
        for (String cell : CELLS) assertEquals(wholeRest(cell), Snippets.split(analysis, cell), cell);
    }

    @Test
    void aLongCellNeedsMoreExactlyWhenItsLastSnippetIsOpen() {
        String open = lines(40, "int n%d = %d;") + "class Open {\n" + lines(20, "  int m%d = %d;");
        assertTrue(Snippets.needsMore(analysis, open));
        assertFalse(Snippets.needsMore(analysis, open + "}\n"));
        assertFalse(Snippets.needsMore(analysis, lines(2000, "int q%d = %d;")));
        assertTrue(Snippets.needsMore(analysis, lines(40, "int r%d = %d;") + "if (r1 > 0)\n"));
    }

    @Test
    void aTwoThousandLinePasteSplitsIntoItsSnippets() {
        String paste = lines(2000, "int p%d = %d;") + "p1999 + 1";
        List<Snippets.Piece> pieces = Snippets.split(analysis, paste);
        assertEquals(2001, pieces.size());
        assertEquals("int p1999 = 1999;", pieces.get(1999).source().strip());
        assertEquals("p1999 + 1", pieces.get(2000).source().strip());
    }
}
