package dev.nnsh.shell;

/** How a cell's result reads: Jupyter's {@code Out[n]: value}, or the failure's explanation. */
final class Display {
    private Display() {}

    /** The text to show after cell {@code n} ran, or "" when there is nothing to show. */
    static String render(CellResult r, int n) {
        if (!r.succeeded()) return r.message().endsWith("\n") ? r.message() : r.message() + "\n";
        if (r.value() == null || shownAlready(r) || isStream(r.valueType())) return "";
        return "Out[" + n + "]: " + r.value() + "\n";
    }

    /** System.out.printf(...) returns the stream: what it printed is the point, not the stream. */
    private static boolean isStream(String type) {
        return type != null && (type.endsWith("PrintStream") || type.endsWith("PrintWriter"));
    }

    /**
     * summary(...) prints its table and returns the ModelStatistics whose toString() is that table:
     * show it once. With verbose(0) nothing was printed, so the value is shown.
     */
    private static boolean shownAlready(CellResult r) {
        String type = r.valueType();
        return r.printed() && type != null
                && (type.equals("ModelStatistics") || type.endsWith(".ModelStatistics"));
    }
}
