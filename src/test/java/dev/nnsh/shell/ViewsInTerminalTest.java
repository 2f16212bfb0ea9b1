package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quiz in the interactive shell (tmux): answers typed at the terminal, Ctrl-D ends the quiz and not the shell. */
@Tag("e2e")
class ViewsInTerminalTest {
    @Test void aQuizIsAnsweredAtTheTerminalAndCtrlDEndsItButNotTheShell(@TempDir Path dir) throws Exception {
        Path wrapper = Launcher.terminalScript(dir, dir.resolve("history"), "");
        try (Tmux tmux = new Tmux("nnsh-views-" + ProcessHandle.current().pid(), wrapper.toString())) {
            tmux.awaitPrompt(1, 30);
            // Linear(3, 2): (3 + 1)·2 = 8 parameters, output [4, 2] for an input of [4, 3]
            tmux.enter("quiz(new Linear(3, 2), 4, 3)");
            tmux.await("How many parameters? ", 1, 60);
            tmux.awaitLineEditor(20); // the answer's line editor starts just after the question shows
            tmux.enter("eight");
            tmux.await("is not a whole number", 1, 20);
            tmux.await("How many parameters? ", 2, 20);
            tmux.awaitLineEditor(20);
            tmux.enter("8");
            tmux.await("Right.", 1, 20);
            tmux.await("Output shape for an input of [4, 3]? ", 1, 20);
            tmux.awaitLineEditor(20);
            tmux.enter("[4, 1]");
            tmux.await("Not quite: it is [4, 2].", 1, 20);
            tmux.await("Score: 1 of 2 right", 1, 20);
            tmux.awaitPrompt(2, 20);
            tmux.enter("quiz(new Linear(3, 2), 4, 3)");
            tmux.await("How many parameters? ", 3, 60);
            tmux.awaitLineEditor(20);
            tmux.key("C-d");
            tmux.await("Score: 0 of 0 right", 1, 20);
            assertTrue(tmux.screen().contains("Quiz ended early."), tmux.screen());
            tmux.awaitPrompt(3, 20);
            assertFalse(tmux.screen().contains("engine stopped"), tmux.screen()); // Ctrl-D ended the quiz, not the engine
            tmux.enter("1 + 1");
            tmux.await("Out[3]: 2", 1, 20);
            // the answers are not cells: the history holds the cells only
            tmux.awaitPrompt(4, 20);
            String history = Files.readString(dir.resolve("history"));
            assertFalse(history.contains("eight"), history);
            assertTrue(history.contains("quiz(new Linear(3, 2), 4, 3)"), history);
        }
    }
}
