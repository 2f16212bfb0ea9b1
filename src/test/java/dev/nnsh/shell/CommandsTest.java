package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The commands table: what /help lists, what Tab completes and what runs are the same commands. */
class CommandsTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Commands commands = new Commands(null, null, new PrintStream(printed, true, StandardCharsets.UTF_8), () -> false);

    private String help() {
        assertTrue(commands.run("/help"));
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test void helpListsExactlyTheCommandsThatCompleteIncludingQuit() {
        Matcher m = Pattern.compile("(?m)^  (/\\w+)").matcher(help());
        List<String> listed = m.results().map(r -> r.group(1)).toList();
        assertEquals(Commands.NAMES, listed);
        assertTrue(listed.contains("/quit"), listed.toString());
        assertTrue(listed.contains("/exit"), listed.toString());
    }

    @Test void exitAndQuitEndTheShell() {
        assertFalse(commands.run("/exit"));
        assertFalse(commands.run("/quit"));
    }

    @Test void anUnknownCommandSaysSoAndKeepsTheShell() {
        assertTrue(commands.run("/frobnicate now"));
        assertEquals("Unknown command /frobnicate. /help lists the commands.\n", printed.toString(StandardCharsets.UTF_8));
    }

    @Test void helpShowsUsageAndTheMagic() {
        String text = help();
        assertTrue(text.contains("\n  /save FILE      save those cells as a runnable .jsh script\n"), text);
        assertTrue(text.contains("\n  %time CODE      run CODE and report its wall time\n"), text);
    }
}
