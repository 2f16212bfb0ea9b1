package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every tutorial runs through scripts/nnsh and prints exactly its tutorials/expected/NAME.out. */
@Tag("e2e") // spawns JVMs (scripts/nnsh, JShell engines) or drives tmux: excluded from the fast loop
class TutorialsTest {
    private static final Path TUTORIALS = Launcher.ROOT.resolve("tutorials");

    static List<Path> tutorials() throws IOException {
        try (Stream<Path> files = Files.list(TUTORIALS)) {
            return files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
        }
    }

    @Test void everyLessonIsListedInTheReadmeAndHasAnExpectedOutput() throws IOException {
        List<Path> lessons = tutorials();
        assertTrue(lessons.size() >= 6, "expected the six lessons, found " + lessons);
        String readme = Files.readString(TUTORIALS.resolve("README.md"));
        for (Path lesson : lessons) {
            String name = lesson.getFileName().toString();
            assertTrue(readme.contains("`" + name + "`"), name + " is not listed in tutorials/README.md");
            assertTrue(Files.exists(expected(lesson)), name + " has no expected output " + expected(lesson));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tutorials")
    void runsAndPrintsItsExpectedOutput(Path lesson) throws Exception {
        Launcher.Run run = Launcher.run("", lesson.toString());
        assertEquals("", run.err(), "stderr of " + lesson.getFileName());
        assertEquals(0, run.status(), "exit status of " + lesson.getFileName());
        assertEquals(Files.readString(expected(lesson)), run.out(),
                "output of " + lesson.getFileName() + " (scripts/update-tutorial-outputs rewrites the expected files)");
    }

    private static Path expected(Path lesson) {
        String name = lesson.getFileName().toString().replace(".jsh", ".out");
        return TUTORIALS.resolve("expected").resolve(name);
    }
}
