package dev.nnsh.shell;

import java.io.PrintStream;

/** The old name of {@link Magics}, kept so callers written against it compile; use Magics. */
final class TimedCell {
    private TimedCell() {}

    static CellResult run(Session session, String text, Origin origin, PrintStream out) {
        return Magics.run(session, text, origin, out);
    }
}
