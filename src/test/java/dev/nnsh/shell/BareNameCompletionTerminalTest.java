package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 11 (shell): Tab on a bare name in a session of many variables, in a real terminal (tmux). The
 * completion compiles only the variables that start with the name (and those the line names); the
 * candidates on the screen must be all of those and only those.
 */
@Tag("e2e")
class BareNameCompletionTerminalTest {
    @Test
    void tabOnABareNameListsEveryVariableStartingWithItAndCompletesAUniqueOne(@TempDir Path dir) throws Exception {
        Path wrapper = Launcher.terminalScript(dir, dir.resolve("history"), "");
        try (Tmux tmux = new Tmux("nnsh-bare-" + ProcessHandle.current().pid(), wrapper.toString())) {
            tmux.awaitPrompt(1, 30);
            String others = IntStream.range(0, 30).mapToObj(i -> "int other" + i + " = " + i + ";").collect(Collectors.joining(" "));
            String ws = IntStream.range(0, 13).mapToObj(i -> "int w" + i + " = " + i + ";").collect(Collectors.joining(" "));
            tmux.enter(others + " " + ws + " String widest = \"abc\";");
            tmux.awaitPrompt(2, 120);
            // the names are on the screen once already (the cell): each candidate listed shows it once more
            String[] candidates = {"w10", "w11", "w12"}, notCandidates = {"w2", "widest", "other1", "w0"};
            int[] before = new int[notCandidates.length];
            for (int k = 0; k < notCandidates.length; k++) before[k] = tmux.count(notCandidates[k]);
            int listedBefore = tmux.count("w10");
            tmux.type("w1");
            tmux.key("Tab");
            for (String name : candidates) tmux.await(name, listedBefore + 1, 20);
            for (int k = 0; k < notCandidates.length; k++) {
                assertEquals(before[k], tmux.count(notCandidates[k]), notCandidates[k] + " is no candidate for w1:\n" + tmux.screen());
            }
            tmux.key("C-c");
            tmux.awaitPrompt(2, 10);
            int widest = tmux.count("widest");
            tmux.type("wid");
            tmux.key("Tab");
            tmux.await("widest", widest + 1, 20); // the only candidate: completed on the line
            tmux.type(".length() + other3");
            tmux.key("Enter");
            tmux.await("Out[2]: 6", 1, 30);
            assertTrue(tmux.screen().contains("Out[2]: 6"), tmux.screen());
        }
    }
}
