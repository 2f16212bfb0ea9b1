package dev.nnsh.shell;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;

/**
 * Runs scripts cell by cell, printing what they print and their Out values. Stops at the first
 * failing cell unless told to keep going.
 */
final class ScriptRunner {
    private final Session session;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean keepGoing;
    private final BooleanSupplier midLine;
    private int cell;
    private boolean failed;
    private boolean exitRequested;

    ScriptRunner(Session session, PrintStream out, PrintStream err, boolean keepGoing, int firstCell,
                 BooleanSupplier midLine) {
        this.session = session;
        this.midLine = midLine;
        this.cell = firstCell;
        this.out = out;
        this.err = err;
        this.keepGoing = keepGoing;
    }

    /** Runs one script; false when it should end the run (a failure without keep-going, or /exit). */
    boolean run(String name, String text) {
        text = text.replace("\r\n", "\n"); // scripts saved on Windows: no stray \r in echoed lines
        for (Snippets.Chunk chunk : Snippets.chunks(session.engine().analysis(), text)) {
            String line = chunk.text().strip();
            if (line.equals("/exit")) {
                exitRequested = true;
                return false;
            }
            if (line.startsWith("/") && !line.startsWith("//") && !line.startsWith("/*")) {
                fail(name + ":" + chunk.firstLine() + ": error: shell commands work only interactively: "
                        + line + "\n");
                if (!keepGoing) return false;
                continue;
            }
            if (Snippets.split(session.engine().analysis(), chunk.text()).isEmpty()) continue;
            Origin origin = Origin.script(cell, name, chunk.firstLine());
            CellResult result = Magics.run(session, chunk.text(), origin, out);
            String shown = Display.render(result, cell);
            if (!shown.isEmpty() && midLine.getAsBoolean()) out.println();
            if (result.succeeded()) {
                out.print(shown);
            } else {
                out.flush();
                fail(shown);
                if (!keepGoing) return false;
            }
            cell++;
        }
        return true;
    }

    private void fail(String message) {
        failed = true;
        err.print(message);
        err.flush();
    }

    boolean anyFailed() {
        return failed;
    }

    /** The number the next cell will get. */
    int nextCell() {
        return cell;
    }

    boolean exitRequested() {
        return exitRequested;
    }
}
