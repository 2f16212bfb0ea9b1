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

    CountingOutputStream(OutputStream target) {
        this.target = target;
    }

    long count() {
        return count;
    }

    void mute(boolean on) {
        muted = on;
    }

    @Override
    public void write(int b) throws IOException {
        if (muted) return;
        count++;
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (muted) return;
        count += len;
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
