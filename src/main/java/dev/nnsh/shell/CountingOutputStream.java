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
        return last != '\n' && last != '\r';
    }

    void mute(boolean on) {
        muted = on;
    }

    @Override
    public void write(int b) throws IOException {
        if (muted) return;
        count++;
        last = b & 0xff;
        line(b);
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (muted) return;
        count += len;
        if (len > 0) last = b[off + len - 1] & 0xff;
        for (int i = off; i < off + len; i++) line(b[i]);
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    // --- issue 13: the text of the unfinished last line (a quiz's question), to prompt with when a cell reads a line ---

    private final java.io.ByteArrayOutputStream currentLine = new java.io.ByteArrayOutputStream();

    private synchronized void line(int b) {
        if (b == '\n' || b == '\r') currentLine.reset();
        else if (currentLine.size() < 400) currentLine.write(b);
    }

    /** A line was typed at the terminal (echoed there, not through here): the cursor is on a new line. */
    synchronized void lineTyped() {
        currentLine.reset();
    }

    /** What has been printed since the last line break. */
    synchronized String currentLine() {
        return currentLine.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    // --- issue 12: the kernel mutes its stderr with the replay too ---
    boolean muted() {
        return muted;
    }
}
