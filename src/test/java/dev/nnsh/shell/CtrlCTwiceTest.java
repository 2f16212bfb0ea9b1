package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C twice on a cell stuck in a native call: opening a FIFO that no one writes blocks in the
 * kernel's open(2), where JShell's stop (an exception thrown into the thread through JDI) cannot land.
 */
@Tag("e2e") // spawns JShell engines
class CtrlCTwiceTest {
    @TempDir Path dir;
    private int cell;

    private CellResult run(Session s, String text) {
        return s.run(text, Origin.interactive(++cell));
    }

    static Path fifo(Path dir) throws Exception {
        Path fifo = dir.resolve("nobody-writes");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        return fifo;
    }

    @Test
    void aSecondInterruptKillsTheStuckEngineAndTheSessionIsReplayed() throws Exception {
        killAndReplay();
    }

    /** JShell's own engine (-Dnnsh.engine=jdi): its execution JVM is found among this JVM's children. */
    @Test
    void onJShellsOwnEngineTooASecondInterruptKillsTheStuckEngine() throws Exception {
        String before = System.getProperty("nnsh.engine");
        System.setProperty("nnsh.engine", "jdi");
        try {
            killAndReplay();
        } finally {
            if (before == null) System.clearProperty("nnsh.engine");
            else System.setProperty("nnsh.engine", before);
        }
    }

    private void killAndReplay() throws Exception {
        Path fifo = fifo(dir);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Session s = new Session(true, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            run(s, "int kept = 7;");
            run(s, "String word = \"seven\";");
            Engine first = s.engine();
            int stuckCell = cell + 1;
            CompletableFuture<CellResult> stuck = CompletableFuture.supplyAsync(() ->
                    run(s, "new java.io.FileInputStream(\"" + fifo + "\").read()"));
            while (!first.evaluating()) TimeUnit.MILLISECONDS.sleep(10);
            s.interrupt(); // a stop: it cannot land inside open(2)
            assertFalse(stuck.isDone(), "a native open ended on a stop");
            s.interrupt();
            CellResult killed = stuck.get(60, TimeUnit.SECONDS);
            assertEquals(CellResult.Status.ENGINE_DIED, killed.status());
            assertEquals("Ctrl-C twice: killed the engine stuck in In [" + stuckCell + "] line 1;"
                    + " started a new one and replayed 2 earlier snippets.", killed.message());
            assertTrue(first.isDead());
            assertEquals("\"seven8\"", run(s, "word + (kept + 1)").value());
            assertEquals(3, s.done().size()); // the stuck cell is not kept for the next replay
        }
    }

    @Test
    void oneInterruptStillStopsALoopAndTheEngineLivesOn() throws Exception {
        try (Session s = new Session(true, Launcher.classpath(), new CountingOutputStream(new ByteArrayOutputStream()), false).start()) {
            run(s, "int kept = 7;");
            Engine engine = s.engine();
            CompletableFuture<CellResult> loop = CompletableFuture.supplyAsync(() -> run(s, "while (true) {}"));
            while (!engine.evaluating()) TimeUnit.MILLISECONDS.sleep(10);
            s.interrupt();
            assertEquals(CellResult.Status.STOPPED, loop.get(60, TimeUnit.SECONDS).status());
            assertFalse(engine.isDead());
            assertEquals("8", run(s, "kept + 1").value());
        }
    }
}
