package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bracketed paste in a real terminal (tmux) is one cell: one prompt after it, the values and
 * output of the same lines typed one by one, a failing snippet named with its line. Ctrl-C twice on
 * a cell stuck in a native call restarts the engine with the session replayed; completion and the
 * history survive. The steps share one session, in order.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasteAndCtrlCTerminalTest {
    private static final String LINES = """
            int a = 20;
            int b = a + 1;
            System.out.println("sum " + (a + b));
            String s = "x".repeat(3);
            s.length() + a + b""";

    private Tmux tmux;
    private Path history;
    private Path latency;
    private Path fifo;
    private int cell = 1;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        history = dir.resolve("history");
        latency = dir.resolve("latency");
        fifo = CtrlCTwiceTest.fifo(dir);
        Path wrapper = Launcher.terminalScript(dir, history, "-Dnnsh.latency=" + latency);
        tmux = new Tmux("nnsh-paste-" + ProcessHandle.current().pid(), wrapper.toString());
        tmux.awaitPrompt(1, 20);
    }

    @AfterAll
    void stop() throws Exception {
        tmux.close();
    }

    private void run(String line) throws Exception {
        tmux.enter(line);
        tmux.awaitPrompt(++cell, 60);
    }

    private int prompts() throws Exception {
        return tmux.screen().split("In \\[\\d+\\]: ", -1).length - 1;
    }

    @Test
    @Order(1)
    void aPasteIsOneCellWithTheValuesAndOutputOfTheLinesTypedOneByOne() throws Exception {
        tmux.paste(LINES);
        tmux.await("s.length() + a + b", 1, 20);
        tmux.key("Enter");
        tmux.awaitPrompt(2, 60);
        cell = 2;
        assertEquals(2, prompts(), tmux.screen()); // In [1] with the paste, then In [2]: one cell, one redraw
        assertEquals(1, tmux.count("sum 41"), tmux.screen());
        assertTrue(tmux.screen().contains("Out[1]: 44"), tmux.screen());
        for (String line : LINES.split("\n")) run(line); // the same lines typed: a cell each
        assertEquals(2, tmux.count("sum 41"), tmux.screen());
        assertTrue(tmux.screen().contains("Out[" + (cell - 1) + "]: 44"), tmux.screen());
        tmux.enter("/vars"); // a command: no new cell number
        tmux.await("String s = \"xxx\"", 1, 20);
        tmux.awaitPrompt(cell, 20);
        assertEquals(1, tmux.count("String s = \"xxx\""), tmux.screen()); // the typed lines replaced the pasted ones
        assertEquals(1, tmux.count("int _1 = 44"), tmux.screen());
    }

    @Test
    @Order(2)
    void aFailingSnippetInAPasteIsNamedWithItsLineAndTheRestDoesNotRun() throws Exception {
        int pasted = cell;
        tmux.paste("int c = 1;\nint d = c + 1;\nint e = d +;\nint f = 9;");
        tmux.await("int f = 9;", 1, 20);
        tmux.key("Enter");
        tmux.awaitPrompt(++cell, 60);
        assertTrue(tmux.screen().contains("In [" + pasted + "] line 3: error: illegal start of expression"), tmux.screen());
        run("d");
        assertTrue(tmux.screen().contains("Out[" + (cell - 1) + "]: 2"), tmux.screen()); // the snippets before it ran
        run("f");
        assertTrue(tmux.screen().contains("cannot find symbol\n  symbol:   variable f"), tmux.screen()); // those after it did not
    }

    @Test
    @Order(3)
    void ctrlCTwiceOnANativeCallRestartsTheEngineWithTheSessionReplayed() throws Exception {
        int stuck = cell;
        tmux.enter("new java.io.FileInputStream(\"" + fifo + "\").read()"); // open(2) of a FIFO no one writes
        TimeUnit.MILLISECONDS.sleep(1500);
        tmux.key("C-c"); // a stop, which cannot land inside open(2)
        TimeUnit.MILLISECONDS.sleep(500);
        assertFalse(tmux.screen().contains("In [" + (stuck + 1) + "]:"), tmux.screen());
        tmux.key("C-c");
        tmux.await("Ctrl-C twice: killed the engine stuck in In [" + stuck + "] line 1; started a new one and replayed", 1, 60);
        tmux.awaitPrompt(++cell, 60);
        run("s + (a + b + d)");
        assertTrue(tmux.screen().contains("Out[" + (cell - 1) + "]: \"xxx43\""), tmux.screen());
    }

    @Test
    @Order(4)
    void completionAndTheHistorySurviveTheRestart() throws Exception {
        tmux.type("Conv");
        tmux.key("Tab");
        for (String layer : new String[] {"Conv1d", "Conv2d", "ConvTranspose2d"}) tmux.await(layer, 1, 20);
        tmux.key("C-c");
        tmux.awaitPrompt(cell, 30);
        tmux.key("Up");
        tmux.await("In [" + cell + "]: s + (a + b + d)", 1, 30);
        tmux.key("C-c");
        tmux.awaitPrompt(cell, 30);
        String saved = Files.readString(history);
        assertTrue(saved.contains("FileInputStream"), saved);
        assertTrue(saved.contains("int e = d +;"), saved);
    }

    /** -Dnnsh.latency: one line per cell, from Enter through javac, the engine's load and invoke, to the result shown. */
    @Test
    @Order(5)
    void theLatencyTraceHasALinePerCellWithItsSegments() throws Exception {
        java.util.List<String> lines = Files.readAllLines(latency);
        String typed = lines.stream().filter(l -> l.startsWith("cell " + (cell - 1) + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(lines));
        assertTrue(typed.matches("cell \\d+ enter>accepted=[0-9.]+ accepted>eval=[0-9.]+ eval>load=[0-9.]+ load>loaded=[0-9.]+"
                + " loaded>invoke=[0-9.]+ invoke>invoked=[0-9.]+ invoked>evaluated=[0-9.]+ evaluated>shown=[0-9.]+ thread-cpu=[0-9.]+ ms"), typed); // issue 11 (shell): thread-cpu
    }
}
