package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 11 (shell): the execution JVM's class-data archive options, and a separate-JVM session that
 * still starts and evaluates when the archive it is given is no archive at all (the JVM ignores it).
 */
class EngineClassDataTest {
    @TempDir Path dir;

    @Test
    void optionsFollowTheProperties() throws Exception {
        Path archive = dir.resolve("engine.jsa");
        try {
            System.setProperty("nnsh.engine.cds", archive.toString());
            assertEquals(List.of(), EngineClassData.options(), "no file, no option");
            Files.write(archive, new byte[] {1, 2, 3});
            assertEquals(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), EngineClassData.options());
            System.setProperty("nnsh.engine.cds", "off");
            assertEquals(List.of(), EngineClassData.options());
        } finally {
            System.clearProperty("nnsh.engine.cds");
        }
    }

    @Test
    void aSessionStartsOnAnArchiveThatIsNoArchive() throws Exception {
        Path junk = dir.resolve("junk.jsa");
        byte[] bytes = new byte[100_000];
        new Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        System.setProperty("nnsh.engine.cds", junk.toString());
        try (Session s = new Session(true, Launcher.classpath(), new CountingOutputStream(new ByteArrayOutputStream()), false).start()) {
            CellResult r = s.run("6 * 7", Origin.interactive(1));
            assertTrue(r.succeeded(), r.message());
            assertEquals("42", r.value());
        } finally {
            System.clearProperty("nnsh.engine.cds");
        }
    }
}
