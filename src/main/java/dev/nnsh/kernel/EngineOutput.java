package dev.nnsh.kernel;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One of the execution JVM's output streams (stdout or stderr) turned into Jupyter output: text
 * becomes {@code stream} messages as it is printed (a flusher sends what has gathered every few
 * milliseconds), and the rich-display frames that {@link Displays} writes into stdout become
 * display messages at their place in the text.
 */
final class EngineOutput extends OutputStream {
    /** Where the output goes: the kernel's iopub channel. */
    interface Sink {
        void stream(String name, String text);

        /** {@code kind} is "display" or "result"; {@code bundle} is {@link Displays}' encoding. */
        void display(String kind, String bundle);
    }

    private final String name;
    private final Sink sink;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer undecoded = ByteBuffer.allocate(8);
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder frame = new StringBuilder();
    private boolean inFrame;

    EngineOutput(String name, Sink sink) {
        this.name = name;
        this.sink = sink;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        ByteBuffer in = ByteBuffer.allocate(undecoded.position() + len);
        undecoded.flip();
        in.put(undecoded).put(b, off, len).flip();
        undecoded.clear();
        CharBuffer chars = CharBuffer.allocate(in.remaining());
        decoder.decode(in, chars, false);
        if (in.hasRemaining()) undecoded.put(in); // a character split between writes: wait for its rest
        chars.flip();
        for (int i = 0; i < chars.length(); i++) accept(chars.charAt(i));
    }

    private void accept(char c) {
        if (!inFrame) {
            if (c == Displays.FRAME_START) {
                inFrame = true;
                frame.setLength(0);
            } else {
                pending.append(c);
            }
            return;
        }
        if (c != Displays.FRAME_END) {
            frame.append(c);
            return;
        }
        inFrame = false;
        send();
        int space = frame.indexOf(" ");
        if (space > 0) sink.display(frame.substring(0, space), frame.substring(space + 1));
    }

    /** The engine's PrintStream flushes after every write: gather instead, {@link #drain} sends. */
    @Override
    public void flush() {}

    /** Sends the text gathered so far (the flusher, and the kernel before a cell's result or error). */
    synchronized void drain() {
        send();
    }

    private void send() {
        if (pending.length() == 0) return;
        String text = pending.toString();
        pending.setLength(0);
        sink.stream(name, text);
    }
}
