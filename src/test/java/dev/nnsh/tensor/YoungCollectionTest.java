package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * issue 11 (shell): the pool finds a dead buffer through a young collection, without a full one, in a JVM
 * like script mode's (Serial collector, -Xms32m); with {@code -Dnnsh.memory.young=off} no collection runs
 * for a buffer this small and a new one is allocated.
 */
class YoungCollectionTest {
    private static String check(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xms32m", "-Xmn8m"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), YoungCollectionCheck.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the check's JVM did not end");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("available=")).findFirst().orElse(out);
    }

    @Test void aDeadBufferComesBackThroughAYoungCollectionAlone() throws Exception {
        assertEquals("available=true sameBuffer=true full=0 young=1", check());
    }

    @Test void switchedOffNoCollectionRunsForASmallBuffer() throws Exception {
        assertEquals("available=false sameBuffer=false full=0 young=0", check("-Dnnsh.memory.young=off"));
    }
}
