package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** Completion (members, layer names, the zoo's names inside Models.get("...")) and multi-line input through the shell's LineReader on JLine's virtual terminal. */
@Tag("e2e") // spawns JVMs (scripts/nnsh, JShell engines) or drives tmux: excluded from the fast loop
class LineEditingTest {
    private static Session session;

    @TempDir Path dir;
    private Terminal terminal;
    private OutputStream keys;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private LineReader reader;

    @BeforeAll
    static void startEngine() {
        session = new Session(false, Launcher.classpath(), new CountingOutputStream(OutputStream.nullOutputStream()), false).start();
    }

    @AfterAll
    static void stopEngine() {
        session.close();
    }

    @BeforeEach
    void openTerminal() throws Exception {
        PipedInputStream in = new PipedInputStream();
        keys = new PipedOutputStream(in);
        terminal = TerminalBuilder.builder().system(false).streams(in, screen)
                .type("xterm-256color").size(new Size(120, 40)).build();
        reader = Repl.reader(terminal, session, dir.resolve("history"));
    }

    @AfterEach
    void closeTerminal() throws Exception {
        terminal.close();
    }

    private CompletableFuture<String> readLine() {
        return CompletableFuture.supplyAsync(() -> reader.readLine("In [1]: "));
    }

    private void type(String s) throws Exception {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private void awaitScreen(String needle) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!plain(screen.toString(StandardCharsets.UTF_8)).contains(needle)) {
            if (System.nanoTime() > end) throw new AssertionError("never shown: " + needle + "\nscreen: " + screen);
            Thread.sleep(20);
        }
    }

    /** The screen without colours and cursor movements. */
    private static String plain(String s) {
        return s.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
    }

    @Test
    void tabCompletesAMemberFromJShell() throws Exception {
        CompletableFuture<String> line = readLine();
        type("\"abc\".toUpp\t");
        awaitScreen("toUpperCase(");
        type(")\r");
        assertEquals("\"abc\".toUpperCase()", line.get(20, TimeUnit.SECONDS));
    }

    @Test
    void tabCompletesConvToTheLayerNames() throws Exception {
        CompletableFuture<String> line = readLine();
        type("Conv\t");
        awaitScreen("Conv1d");
        awaitScreen("Conv2d");
        awaitScreen("ConvTranspose2d");
        type("\u0015x\r"); // Ctrl-U discards the line
        assertEquals("x", line.get(20, TimeUnit.SECONDS));
    }

    @Test
    void anOpenBraceContinuesOnTheNextLine() throws Exception {
        CompletableFuture<String> line = readLine();
        type("int twice(int n) {\r");
        awaitScreen("   ...: ");
        type("return 2 * n;\r}\r");
        assertEquals("int twice(int n) {\nreturn 2 * n;\n}", line.get(20, TimeUnit.SECONDS));
    }

    @Test
    void anOpenParenthesisContinuesAndACompleteLineDoesNot() throws Exception {
        CompletableFuture<String> line = readLine();
        type("Math.max(1,\r2)\r");
        assertEquals("Math.max(1,\n2)", line.get(20, TimeUnit.SECONDS));
        CompletableFuture<String> next = readLine();
        type("int x = 3\r");
        assertEquals("int x = 3", next.get(20, TimeUnit.SECONDS));
    }

    @Test
    void tabCompletesAUniqueModelNameInsideModelsGet() throws Exception {
        CompletableFuture<String> line = readLine();
        type("var net = Models.get(\"maxv\t");
        awaitScreen("maxvit_t");
        type("\")\r");
        assertEquals("var net = Models.get(\"maxvit_t\")", line.get(20, TimeUnit.SECONDS));
    }

    @Test
    void tabListsTheModelNamesThatFit() throws Exception {
        CompletableFuture<String> line = readLine();
        type("Models.get(\"efficientnet_v2_\t\t");
        awaitScreen("efficientnet_v2_s");
        awaitScreen("efficientnet_v2_m");
        awaitScreen("efficientnet_v2_l");
        type("\u0015x\r");
        assertEquals("x", line.get(20, TimeUnit.SECONDS));
    }
}
