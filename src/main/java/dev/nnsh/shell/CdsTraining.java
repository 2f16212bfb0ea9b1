package dev.nnsh.shell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The training run for the launcher's class-data-sharing archive: loads the classes a session
 * needs (JLine, JShell, javac, the API) so the next launches map them instead of loading them.
 */
final class CdsTraining {
    private CdsTraining() {}

    static void run(String classpath) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(false).dumb(true)
                .streams(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream()).build()) {
            Path history = Files.createTempFile("nnsh-cds", ".history");
            Repl.reader(terminal, null, history);
            Files.deleteIfExists(history);
        }
        CountingOutputStream sink = new CountingOutputStream(OutputStream.nullOutputStream());
        try (Session session = new Session(false, classpath, sink, false).start()) {
            session.run("""
                    class Net extends Module {
                        Linear fc = new Linear(4, 2);
                        @Override public Tensor forward(Tensor x) { return fc.apply(x).relu(); }
                    }
                    var net = new Net();
                    """, Origin.script(1, "training", 1));
            session.run("net.apply(Tensor.shapeOnly(3, 4)).shape()", Origin.script(2, "training", 6));
            session.run("undefinedName + 1", Origin.script(3, "training", 7));
            session.engine().analysis().completionSuggestions("Tensor.ra", 9, new int[1]);
        }
    }
}
