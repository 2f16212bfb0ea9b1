package dev.nnsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** nbclient executes every tutorial notebook on the kernel: no cell fails, outputs equal tutorials/expected. */
@Tag("e2e")
class TutorialNotebooksTest {
    static List<Path> tutorials() throws IOException {
        return JshNotebookTest.tutorials();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tutorials")
    void nbclientRunsTheNotebookWithTheScriptsOutput(Path lesson) throws Exception {
        String expected = lesson.getParent().resolve("expected")
                .resolve(lesson.getFileName().toString().replace(".jsh", ".out")).toString();
        Jupyter.Run run = Jupyter.python("nnsh_notebook_run.py", 600,
                JshNotebookTest.notebookOf(lesson).toString(), expected);
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("NOTEBOOK OK"), run.output());
    }
}
