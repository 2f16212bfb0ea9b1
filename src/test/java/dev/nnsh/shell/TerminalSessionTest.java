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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * One interactive session in a real terminal (tmux), used as a person would, cell after cell.
 * The steps share the session, so they run in order; each checks its own outcome.
 */
@Tag("e2e") // spawns JVMs (scripts/nnsh, JShell engines) or drives tmux: excluded from the fast loop
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TerminalSessionTest {
    private Tmux tmux;
    private Path history;
    private Path wrapper;
    private int cell = 1;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        history = dir.resolve("history");
        wrapper = Launcher.terminalScript(dir, history, "");
        tmux = new Tmux("nnsh-" + ProcessHandle.current().pid(), wrapper.toString());
        tmux.awaitPrompt(1, 20);
        run("int keep = 41;");
    }

    @AfterAll
    void stop() throws Exception {
        tmux.close();
    }

    /** Types a one-line cell and waits for the next prompt. */
    private void run(String line) throws Exception {
        tmux.enter(line);
        tmux.awaitPrompt(++cell, 60);
    }

    @Test
    @Order(1)
    void tabCompletesConvToTheLayerNames() throws Exception {
        tmux.type("Conv");
        tmux.key("Tab");
        for (String layer : new String[] {"Conv1d", "Conv2d", "ConvTranspose2d"}) tmux.await(layer, 1, 20);
        tmux.key("C-c"); // at the prompt: clears the line
        tmux.awaitPrompt(cell, 30);
        run("keep");
        assertTrue(tmux.screen().contains("Out[" + (cell - 1) + "]: 41"), tmux.screen());
    }

    @Test
    @Order(2)
    void ctrlCStopsARunningCellAndTheNextCellWorks() throws Exception {
        tmux.enter("while (true) {}");
        TimeUnit.MILLISECONDS.sleep(1500);
        tmux.key("C-c");
        tmux.await("Stopped (Ctrl-C)", 1, 20);
        tmux.awaitPrompt(++cell, 20);
        run("keep + 1");
        assertTrue(tmux.screen().contains("Out[" + (cell - 1) + "]: 42"), tmux.screen());
    }

    @Test
    @Order(3)
    void systemExitCostsTheEngineNotTheSession() throws Exception {
        tmux.enter("System.exit(0)");
        tmux.await("Started a new engine", 1, 60);
        tmux.awaitPrompt(++cell, 60);
        run("keep * 2");
        assertTrue(tmux.screen().contains("Out[" + (cell - 1) + "]: 82"), tmux.screen());
    }

    @Test
    @Order(4)
    void badInputNeverEndsTheSession() throws Exception {
        run("undefinedThing + 1");
        assertTrue(tmux.screen().contains("error: cannot find symbol"), tmux.screen());
        run("Object nothing = null; nothing.toString()");
        assertTrue(tmux.screen().contains("java.lang.NullPointerException"), tmux.screen());
        run("int down(int n) { return down(n + 1) + 1; }");
        run("down(0)");
        assertTrue(tmux.screen().contains("java.lang.StackOverflowError\n    at down (In ["), tmux.screen());
        run("long[] big = new long[Integer.MAX_VALUE - 8];");
        assertTrue(tmux.screen().contains("java.lang.OutOfMemoryError"), tmux.screen());
        run("Tensor.rand(100000, 1, 224, 224)");
        tmux.enter("class Open {");
        tmux.await("...: ", 1, 30);
        tmux.key("C-d"); // end of input with the brace still open
        tmux.awaitPrompt(++cell, 30);
        assertTrue(tmux.screen().contains("reached end of file while parsing"), tmux.screen());
        run("keep");
        assertTrue(tmux.screen().contains("Out[" + (cell - 1) + "]: 41"), tmux.screen());
        assertFalse(tmux.screen().contains("REPL."), tmux.screen()); // no JShell internals
    }

    @Test
    @Order(5)
    void theSeedNetworkTypedLineByLineGivesItsSummaryOnce() throws Exception {
        for (String line : SeedNetwork.LINES) tmux.enter(line);
        tmux.awaitPrompt(cell + 3, 60); // the class, the variable, the summary
        cell += 3;
        assertEquals(1, tmux.count(SeedNetwork.TOTAL), tmux.screen());
        assertFalse(tmux.screen().contains("Out[" + (cell - 1) + "]"), tmux.screen());
    }

    @Test
    @Order(6)
    void aSavedSessionOpensInAResetOne() throws Exception {
        Path saved = history.resolveSibling("session.jsh");
        tmux.enter("/save " + saved);
        tmux.await("Saved ", 1, 30);
        tmux.enter("/reset");
        tmux.await("Reset: a new engine", 1, 30);
        tmux.awaitPrompt(1, 30);
        tmux.enter("/open " + saved);
        tmux.await(SeedNetwork.TOTAL, 2, 60); // the summary again, once
        tmux.enter("/vars");
        tmux.await("int keep = 41", 1, 30);
        tmux.awaitAnyPrompt(30);
        String script = Files.readString(saved);
        assertFalse(script.contains("while (true)"), script); // stopped, so not part of the session
        assertFalse(script.contains("System.exit"), script);  // it killed an engine
        assertFalse(script.contains("undefinedThing"), script);
    }

    @Test
    @Order(7)
    void ctrlDLeavesAndTheHistoryIsInTheFile() throws Exception {
        tmux.key("C-d");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (tmux.alive() && System.nanoTime() < end) TimeUnit.MILLISECONDS.sleep(100);
        assertFalse(tmux.alive(), "the shell did not end on Ctrl-D");
        String saved = Files.readString(history);
        assertTrue(saved.contains("keep + 1"), saved);
        assertTrue(saved.contains("System.exit(0)"), saved);
    }

    @Test
    @Order(8)
    void aNewSessionStartsWithTheHistory() throws Exception {
        try (Tmux again = new Tmux("nnsh-again-" + ProcessHandle.current().pid(), wrapper.toString())) {
            again.awaitPrompt(1, 20);
            again.key("Up");
            again.await("In [1]: /vars", 1, 30);
            again.key("C-c");
            again.awaitPrompt(1, 30);
            again.enter("/exit");
        }
    }
}
