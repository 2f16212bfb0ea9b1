package dev.nnsh.kernel;

import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The execution JVM's System.in in a notebook: when a cell reads and nothing is buffered, asks the
 * front end with an {@code input_request} on the stdin channel and waits for its {@code input_reply}.
 * JShell calls {@link #read()} only when the cell actually reads. Reads end (EOF) when the request
 * disallows stdin, or the cell was interrupted while waiting.
 */
final class StdinBridge extends InputStream {
    /** Asks for a line; null when none can come (no stdin, interrupted). */
    interface Asker {
        String ask(Message execute);
    }

    private final Asker asker;
    private volatile Message execute;
    private volatile boolean allowed;
    private byte[] buffer = new byte[0];
    private int next;

    StdinBridge(Asker asker) {
        this.asker = asker;
    }

    /** A cell starts: its request, whether its front end takes input. */
    void begin(Message request, boolean allowStdin) {
        synchronized (this) {
            buffer = new byte[0];
            next = 0;
        }
        execute = request;
        allowed = allowStdin;
    }

    void end() {
        execute = null;
    }

    @Override
    public synchronized int read() {
        if (next >= buffer.length) {
            Message m = execute;
            if (m == null || !allowed) return -1;
            String line = asker.ask(m);
            if (line == null) return -1;
            buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
            next = 0;
        }
        return buffer[next++] & 0xff;
    }

    /** What is buffered, without asking for more after the first byte. */
    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        int first = read();
        if (first < 0) return -1;
        b[off] = (byte) first;
        int n = 1;
        while (n < len && next < buffer.length) b[off + n++] = buffer[next++];
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - next;
    }

    static JsonObject request(String prompt) {
        JsonObject c = new JsonObject();
        c.addProperty("prompt", prompt);
        c.addProperty("password", false);
        return c;
    }
}
