package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Batched declarations on the separate-JVM engine: a dead engine's replay compiles them together too. */
@Tag("e2e") // spawns execution JVMs
class BatchReplayTest {
    @Test
    void aPastedRunOfDeclarationsIsReplayedIntoANewEngine() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Session s = new Session(true, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            String paste = IntStream.range(0, 150).mapToObj(i -> "long q" + i + " = " + (i == 0 ? "1" : "q" + (i - 1) + " * 2 % 1000003") + ";")
                    .collect(Collectors.joining("\n")) + "\nSystem.out.println(\"last \" + q149);";
            long before = BatchCompile.COMPILED_TOGETHER.get();
            CellResult pasted = s.run(paste, Origin.interactive(1));
            assertTrue(pasted.succeeded(), String.valueOf(pasted.message()));
            assertTrue(BatchCompile.COMPILED_TOGETHER.get() - before >= 149, "compiled together: " + (BatchCompile.COMPILED_TOGETHER.get() - before));
            long expected = 1;
            for (int i = 1; i < 150; i++) expected = expected * 2 % 1000003;
            assertTrue(printed.toString().contains("last " + expected), printed.toString());
            assertEquals(151, s.done().size());

            CellResult died = s.run("System.exit(3)", Origin.interactive(2));
            assertEquals(CellResult.Status.ENGINE_DIED, died.status());
            assertTrue(died.message().contains("replayed 151 earlier snippets"), died.message());
            CellResult after = s.run("q149 + q0", Origin.interactive(3));
            assertEquals(String.valueOf(expected + 1), after.value(), String.valueOf(after.message()));
            assertEquals(150, s.engine().jshell().variables().filter(v -> s.engine().jshell().status(v).isActive())
                    .filter(v -> v.name().startsWith("q")).count());
        }
    }
}
