package dev.nnsh.shell;

import java.io.PrintStream;

import dev.nnsh.tensor.Numbers;

/**
 * Runs a cell, dispatching its magic first: nnsh has one, {@code %time <code>}, like IPython's; a
 * cell without a magic goes to the session as it is.
 */
final class Magics {
    private Magics() {}

    static CellResult run(Session session, String text, Origin origin, PrintStream out) {
        String t = text.stripLeading();
        if (!t.startsWith("%")) return session.run(text, origin);
        if (!t.startsWith("%time ") && !t.startsWith("%time\n")) {
            return CellResult.failed(CellResult.Status.FAILED,
                    origin.at(1) + ": error: unknown magic " + t.split("\\s", 2)[0] + " (nnsh has %time)");
        }
        long start = System.nanoTime();
        CellResult result = session.run(t.substring("%time".length()), origin);
        out.println("Wall time: " + human(System.nanoTime() - start));
        out.flush();
        return result;
    }

    static String human(long nanos) {
        if (nanos < 1_000_000) return Numbers.format("%.1f µs", nanos / 1e3);
        if (nanos < 1_000_000_000) return Numbers.format("%.1f ms", nanos / 1e6);
        return Numbers.format("%.2f s", nanos / 1e9);
    }
}
