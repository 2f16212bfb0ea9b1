package dev.nnsh.shell;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes through and counts them, so the shell can tell whether a cell printed anything;
 * {@link #mute} swallows output while an engine replays a session.
 */
final class CountingOutputStream extends OutputStream {
    private final OutputStream target;
    private volatile long count;
    private volatile boolean muted;
    private volatile int last = '\n';

    CountingOutputStream(OutputStream target) {
        this.target = target;
    }

    long count() {
        return count;
    }

    /** True when the last byte written was not a newline: what comes next needs a line of its own. */
    boolean midLine() {
        return last != '\n';
    }

    void mute(boolean on) {
        muted = on;
    }

    @Override
    public void write(int b) throws IOException {
        if (muted) return;
        count++;
        last = b & 0xff;
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (muted) return;
        count += len;
        if (len > 0) last = b[off + len - 1] & 0xff;
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    // --- issue 12: the kernel mutes its stderr with the replay too ---
    boolean muted() {
        return muted;
    }
}
