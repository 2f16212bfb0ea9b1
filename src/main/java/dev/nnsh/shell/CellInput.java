package dev.nnsh.shell;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The engine's {@code System.in} in the interactive shell: when a cell reads (a quiz's answer), one
 * line is read from the terminal and handed over with its newline; Ctrl-D (or Ctrl-C) there is the end
 * of input for that read only, so the cell sees it and the shell carries on.
 */
final class CellInput extends InputStream {
    private final Supplier<String> lines;
    private byte[] pending = new byte[0];
    private int next;

    /** {@code lines} returns the next line typed, or null for Ctrl-D / Ctrl-C. */
    CellInput(Supplier<String> lines) { this.lines = lines; }

    @Override public synchronized int read() {
        if (!fill()) return -1;
        return pending[next++] & 0xff;
    }

    @Override public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, pending.length - next);
        System.arraycopy(pending, next, b, off, n);
        next += n;
        return n;
    }

    @Override public synchronized int available() { return pending.length - next; }

    private boolean fill() {
        if (next < pending.length) return true;
        String line = lines.get();
        if (line == null) return false;
        pending = (line + "\n").getBytes(StandardCharsets.UTF_8);
        next = 0;
        return true;
    }
}
