package dev.nnsh.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an interactive cell's time goes, for scripts/bench-cell: with {@code -Dnnsh.latency=FILE}
 * each cell appends one line "cell N enter>accepted=… accepted>eval=… eval=… eval>shown=… ms"
 * (Enter pressed, JLine returned the line, the session started the first snippet, its eval ended, the
 * result was printed). Off (no file, no cost beyond a null check) without the property.
 */
final class LatencyTrace {
    private static final Path FILE = file();
    private static final Map<String, Long> marks = new LinkedHashMap<>();
    private static long cpuAtFirstMark = -1; // issue 11 (shell): the shell thread's CPU time, less load-bound than wall time

    private LatencyTrace() {}

    private static Path file() {
        String f = System.getProperty("nnsh.latency");
        return f == null || f.isBlank() ? null : Path.of(f);
    }

    static boolean on() {
        return FILE != null;
    }

    /** Records a moment of the current cell; the first mark of a cell is its "enter". */
    static void mark(String name) {
        if (FILE == null) return;
        long now = System.nanoTime();
        synchronized (LatencyTrace.class) {
            if (marks.isEmpty()) cpuAtFirstMark = threadCpu();
            marks.putIfAbsent(name, now);
        }
    }

    private static long threadCpu() {
        java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : -1;
    }

    /** Writes the cell's line and starts a new one. */
    static synchronized void cellDone(int cell) {
        if (FILE == null || marks.isEmpty()) return;
        StringBuilder line = new StringBuilder("cell " + cell);
        String before = null;
        long previous = 0;
        for (Map.Entry<String, Long> m : marks.entrySet()) {
            if (before != null) {
                line.append(String.format(java.util.Locale.ROOT, " %s>%s=%.2f", before, m.getKey(), (m.getValue() - previous) / 1e6));
            }
            before = m.getKey();
            previous = m.getValue();
        }
        marks.clear();
        if (cpuAtFirstMark >= 0) line.append(String.format(java.util.Locale.ROOT, " thread-cpu=%.2f", (threadCpu() - cpuAtFirstMark) / 1e6)); // issue 11 (shell)
        try {
            Files.writeString(FILE, line.append(" ms\n"), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a trace is best effort
        }
    }
}
