package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** Sessions on real JShell engines: values, replay after a dead engine, saved scripts. */
@Tag("e2e") // spawns JVMs (scripts/nnsh, JShell engines) or drives tmux: excluded from the fast loop
class SessionTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private int cell;

    private CellResult run(Session s, String text) {
        return s.run(text, Origin.interactive(++cell));
    }

    @Test
    void aDeadEngineIsReplacedAndTheSuccessfulSnippetsReplayed() {
        try (Session s = new Session(true, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            run(s, "int a = 20;");
            run(s, "int b = a + 1;");
            assertFalse(run(s, "int c = missing;").succeeded());
            CellResult died = run(s, "System.exit(3)");
            assertEquals(CellResult.Status.ENGINE_DIED, died.status());
            assertTrue(died.message().contains("replayed 2 earlier snippets"), died.message());
            CellResult after = run(s, "a + b");
            assertEquals("41", after.value(), String.valueOf(after.message()));
            assertEquals(2 + 1, s.done().size()); // the exit and the compile error were not kept
        }
    }

    @Test
    void aKilledEngineIsNoticedAndReplacedAtTheNextCell() throws Exception {
        try (Session s = new Session(true, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            java.util.concurrent.CountDownLatch noticed = new java.util.concurrent.CountDownLatch(1);
            s.onDeathBetweenCells(noticed::countDown);
            run(s, "String word = \"kept\";");
            long pid = Long.parseLong(run(s, "ProcessHandle.current().pid()").value());
            assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
            assertTrue(noticed.await(20, java.util.concurrent.TimeUnit.SECONDS), "the death went unnoticed");
            assertEquals("\"kept!\"", run(s, "word + \"!\"").value());
            assertTrue(printed.toString().contains("starting a new one and replaying"), printed.toString());
        }
    }

    @Test
    void aSummaryIsShownOnceAndAQuietOneAsItsValue() {
        try (Session s = new Session(true, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            CellResult table = run(s, "summary(new Linear(2, 3), 1, 2)");
            assertTrue(printed.toString().contains("Total params: 9"), printed.toString());
            assertTrue(table.value().contains("Total params: 9"), table.value());
            assertEquals("", Display.render(table, 1)); // printed by summary itself: not again
            printed.reset();
            CellResult quiet = run(s, "summary(new Linear(2, 3), options().inputSize(1, 2).verbose(0))");
            assertEquals("", printed.toString());
            assertTrue(Display.render(quiet, 2).startsWith("Out[2]: ====="), Display.render(quiet, 2));
        }
    }

    @Test
    void anExpressionsValueIsShownAndKeptAsUnderscoreN() {
        try (Session s = new Session(false, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            CellResult r = run(s, "6 * 7");
            assertEquals("42", r.value());
            assertEquals("Out[1]: 42\n", Display.render(r, 1));
            assertEquals("43", run(s, "_1 + 1").value());
            assertNull(run(s, "var list = new ArrayList<String>();").value()); // declarations show nothing
            assertEquals("", Display.render(run(s, "for (int i = 0; i < 2; i++) {}"), 4)); // statements too
        }
    }

    @Test
    void aSavedSessionRunsAsAScriptWithTheSameValues() throws Exception {
        String script;
        try (Session s = new Session(false, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            run(s, "int a = 5;");
            run(s, "a * 3");
            run(s, "a * 4");
            assertFalse(run(s, "nope()").succeeded());
            run(s, "_2 + 1");
            script = SavedScript.of(s.done());
        }
        assertEquals("int a = 5;\nvar _2 = a * 3;\na * 4\n_2 + 1\n", script);
        Launcher.Run r = Launcher.run("", Launcher.script(dir, "saved.jsh", script).toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("Out[3]: 20\nOut[4]: 16\n", r.out());
    }
}
