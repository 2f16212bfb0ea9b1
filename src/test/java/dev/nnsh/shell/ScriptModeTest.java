package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** scripts/nnsh on files and on piped stdin: output, Out values, errors, exit status. */
@Tag("e2e") // spawns JVMs (scripts/nnsh, JShell engines) or drives tmux: excluded from the fast loop
class ScriptModeTest {
    @TempDir Path dir;

    private static final String GOOD = """
            // a comment line is no cell
            int x = 20;
            x + 1
            System.out.printf("printed %d%n", x)
            String s = "ab"; s.length()
            _2 * 2
            x * 100;
            _6 + 1
            """;

    /** A semicolon after an expression hides its value, as in IPython; it is still `_n`. */
    @Test
    void runsAFileCellByCellWithOutValues() throws Exception {
        Path f = Launcher.script(dir, "good.jsh", GOOD);
        Launcher.Run r = Launcher.run("", f.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("Out[2]: 21\nprinted 20\nOut[4]: 2\nOut[5]: 42\nOut[7]: 2001\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void runsAScriptPipedToStdin() throws Exception {
        Launcher.Run r = Launcher.run(GOOD);
        assertEquals(0, r.status(), r.err());
        assertEquals("Out[2]: 21\nprinted 20\nOut[4]: 2\nOut[5]: 42\nOut[7]: 2001\n", r.out());
    }

    @Test
    void stopsAtTheFirstFailingCellWithFileAndLine() throws Exception {
        Path f = Launcher.script(dir, "bad.jsh", """
                System.out.println("before");
                int y = undefinedName + 1;
                System.out.println("after");
                """);
        Launcher.Run r = Launcher.run("", f.toString());
        assertEquals(1, r.status());
        assertEquals("before\n", r.out());
        assertTrue(r.err().startsWith(f + ":2: error: cannot find symbol"), r.err());
        // the offending part, under its line, marked by a caret
        assertTrue(r.err().contains("    int y = undefinedName + 1;\n            ^-----------^\n"), r.err());
    }

    @Test
    void windowsLineEndingsRunAndErrorsEchoTheLineWithoutCarriageReturns() throws Exception {
        Path f = Launcher.script(dir, "crlf.jsh", "int a = 2;\r\na * 21\r\nint b = undefinedName;\r\n");
        Launcher.Run r = Launcher.run("", f.toString());
        assertEquals(1, r.status());
        assertEquals("Out[2]: 42\n", r.out());
        assertTrue(r.err().startsWith(f + ":3: error: cannot find symbol"), r.err());
        assertTrue(r.err().contains("    int b = undefinedName;\n"), r.err());
        assertFalse(r.err().contains("\r"), r.err());
    }

    @Test
    void keepGoingRunsEveryCellAndStillFails() throws Exception {
        Launcher.Run r = Launcher.run("""
                System.out.println("one");
                Object o = null; o.hashCode();
                System.out.println("two");
                """, "--keep-going");
        assertEquals(1, r.status());
        assertEquals("one\ntwo\n", r.out());
        assertTrue(r.err().startsWith("<stdin>:2: java.lang.NullPointerException"), r.err());
    }

    @Test
    void exceptionsShowOnlyTheUsersFrames() throws Exception {
        Path f = Launcher.script(dir, "ex.jsh", """
                int depth(int n) {
                    if (n == 0) throw new IllegalStateException("bottom");
                    return depth(n - 1);
                }
                depth(2)
                """);
        Launcher.Run r = Launcher.run("", f.toString());
        assertEquals(1, r.status());
        assertEquals(f + ":5: java.lang.IllegalStateException: bottom\n"
                + "    at depth (" + f + ":2)\n"
                + "    at depth (" + f + ":3)\n"
                + "    at depth (" + f + ":3)\n"
                + "    at " + f + ":5\n", r.err());
    }

    @Test
    void unbalancedBracesAtEndOfInputAreAnErrorNotAHang() throws Exception {
        Launcher.Run r = Launcher.run("int ok = 1;\nclass Open {\n  int f() {\n");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("<stdin>:"), r.err());
        assertTrue(r.err().contains("reached end of file while parsing"), r.err());
    }

    @Test
    void theSeedNetworksSummaryIsPrintedOnce() throws Exception {
        Launcher.Run r = Launcher.run(SeedNetwork.script());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.out().split(SeedNetwork.TOTAL, -1).length - 1, r.out());
        assertFalse(r.out().contains("Out["), r.out());
    }

    @Test
    void percentTimeReportsTheWallTimeAndTheValue() throws Exception {
        Launcher.Run r = Launcher.run("%time 6 * 7\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("Wall time: [0-9.]+ (µs|ms|s)\nOut\\[1\\]: 42\n"), r.out());
    }

    @Test
    void helpAndVersion() throws Exception {
        assertTrue(Launcher.run("", "--help").out().startsWith("usage: nnsh"));
        assertEquals("nnsh " + Main.VERSION + "\n", Launcher.run("", "--version").out());
    }
}
