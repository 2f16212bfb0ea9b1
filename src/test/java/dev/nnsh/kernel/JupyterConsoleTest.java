package dev.nnsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Debian's jupyter-console drives the installed kernel: a declaration, then an expression's Out. */
@Tag("e2e")
class JupyterConsoleTest {
    @Test void jupyterConsoleShowsAValue() throws Exception {
        Jupyter.Run run = Jupyter.run(List.of("/usr/bin/jupyter", "console", "--kernel", "nnsh", "--simple-prompt"),
                Map.of("JUPYTER_PATH", Jupyter.installed().resolve("share/jupyter").toString()),
                "int a = 20;\na * 2 + 2\n", 120);
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("Java (JShell) with the nnsh API imported"), run.output());
        assertTrue(run.output().contains("Out[2]: 42"), run.output());
    }
}
