package dev.nnsh.kernel;

import com.google.gson.JsonObject;
import dev.nnsh.shell.ForwardedInput;

/**
 * The execution JVM's System.in in a notebook: when a cell reads and nothing is buffered, asks the
 * front end with an {@code input_request} on the stdin channel and waits for its {@code input_reply}.
 * The bytes travel through {@link ForwardedInput}. A read ends (no line) when the request
 * disallows stdin, no cell runs, or the cell was interrupted while waiting.
 */
final class StdinBridge implements ForwardedInput.Lines {
    /** Asks for a line; null when none can come (no stdin, interrupted). */
    interface Asker {
        String ask(Message execute);
    }

    private final Asker asker;
    private volatile Message execute;
    private volatile boolean allowed;

    StdinBridge(Asker asker) {
        this.asker = asker;
    }

    /** A cell starts: its request, whether its front end takes input. */
    void begin(Message request, boolean allowStdin) {
        execute = request;
        allowed = allowStdin;
    }

    void end() {
        execute = null;
    }

    /** Whether the cell of {@code request} still runs (and may be given a line). */
    boolean asking(Message request) {
        return execute == request;
    }

    @Override public String next() {
        Message m = execute;
        return m == null || !allowed ? null : asker.ask(m);
    }

    static JsonObject request(String prompt) {
        JsonObject c = new JsonObject();
        c.addProperty("prompt", prompt);
        c.addProperty("password", false);
        return c;
    }
}
