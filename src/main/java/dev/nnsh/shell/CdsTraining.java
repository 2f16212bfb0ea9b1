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
        // issue 11 (shell): the interactive shell itself, cells typed on a dumb terminal: its engine in a
        // separate JVM (JShell's JDI launch, ~650 classes otherwise loaded from the modules at each launch)
        byte[] typed = "1 + 1\nint t = 2;\nt * 3\nTensor.zeros(2, 3).shape()\n/help\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (Terminal terminal = TerminalBuilder.builder().system(false).dumb(true)
                .streams(new ByteArrayInputStream(typed), OutputStream.nullOutputStream()).build()) {
            Path history = Files.createTempFile("nnsh-cds", ".history");
            if ("off".equals(System.getProperty("nnsh.cds.interactive"))) Repl.reader(terminal, null, history);
            else new Repl(classpath).run(terminal, history);
            Files.deleteIfExists(history);
        }
        JavacWarmUp.run(5); // issue 11 (shell)
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
