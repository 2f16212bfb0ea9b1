package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** Redefining a class says what happened to the variables of that class, as the jshell tool does. */
@Tag("e2e") // spawns JVMs (scripts/nnsh, JShell engines) or drives tmux: excluded from the fast loop
class RedefinitionNoteTest {
    @TempDir Path dir;

    @Test
    void variablesOfARedefinedClassAreNamedInANote() throws Exception {
        Path f = Launcher.script(dir, "redefine.jsh", """
                class A { int v = 1; }
                A typed = new A();
                var inferred = new A();
                class A { int v = 2; }
                typed
                """);
        Launcher.Run r = Launcher.run("", "--keep-going", f.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("note: typed was reset to null (class A was redefined)"), r.out());
        assertTrue(r.out().contains("note: inferred can no longer be used (class A was redefined); declare it again"),
                r.out());
        assertTrue(r.out().endsWith("Out[5]: null\n"), r.out());
    }
}
