package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each tutorial with a tutorials/expected/NAME.out runs in script mode and prints exactly that. */
class TutorialsTest {
    private static final Path TUTORIALS = Launcher.ROOT.resolve("tutorials");

    @TestFactory
    Stream<DynamicTest> tutorialsPrintTheirExpectedOutput() throws Exception {
        List<Path> expected;
        try (Stream<Path> files = Files.list(TUTORIALS.resolve("expected"))) {
            expected = files.filter(p -> p.toString().endsWith(".out")).sorted().toList();
        }
        assertFalse(expected.isEmpty(), "no expected outputs in tutorials/expected");
        return expected.stream().map(out -> DynamicTest.dynamicTest(out.getFileName().toString(), () -> {
            String name = out.getFileName().toString().replaceFirst("\\.out$", ".jsh");
            Launcher.Run r = Launcher.run("", TUTORIALS.resolve(name).toString());
            assertEquals("", r.err());
            assertEquals(0, r.status());
            assertEquals(Files.readString(out), r.out());
        }));
    }
}
