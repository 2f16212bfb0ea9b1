package dev.nnsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * issue 11 (shell): the execution JVM's class-data-sharing archive (JDK 17's dynamic AppCDS). The
 * engine JVM loads ND4J, JavaCPP and the API while the first cells are typed, on the same two cores
 * as javac; mapping its classes from an archive cuts that work. scripts/nnsh names the archive with
 * {@code -Dnnsh.engine.cds=FILE}, made by its training run ({@link EngineCdsTraining}). A
 * missing file adds nothing; a stale one (another classpath) the JVM itself ignores, silently.
 * Off with {@code -Dnnsh.engine.cds=off}.
 */
final class EngineClassData {
    private EngineClassData() {}

    /** The engine JVM's options to map its archive, or none. */
    static List<String> options() {
        String use = System.getProperty("nnsh.engine.cds");
        if (use == null || use.isBlank() || use.equals("off") || !Files.isReadable(Path.of(use))) return List.of();
        return List.of("-XX:SharedArchiveFile=" + use, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
}
