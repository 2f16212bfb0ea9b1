package dev.nnsh.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine's {@code System.in} in the interactive shell: a cell that prints a question and reads
 * (a quiz) gets the line typed at the terminal, with the question as the line editor's prompt.
 * <p>
 * JShell asks for a cell's input one byte at a time, on the thread that also forwards the cell's
 * output, and asks ahead of time; an end of stream would close the cell's input for good. So this
 * stream never blocks for long and never ends: until a line is typed it fails with {@value #NOT_YET}
 * (the cell waits and reads again; the output meanwhile reaches the terminal), the line editor
 * starts only once the cell's question is on the screen, and Ctrl-D (or Ctrl-C) at an answer fails
 * with "end of input", which the cell reads as the end of its answers.
 */
final class CellInput extends InputStream {
    /** The message of the IOException that says "no line typed yet, read again". */
    static final String NOT_YET = dev.nnsh.summary.Quiz.Answers.NOT_YET;

    private final Function<String, String> readLine;
    private final Supplier<String> question;
    private final Runnable typed;
    private byte[] pending = new byte[0];
    private int next;
    private CompletableFuture<String> reading;

    /**
     * {@code readLine} reads a line at the terminal with the given prompt (null for Ctrl-D / Ctrl-C);
     * {@code question} is the text printed since the last line break; {@code typed} is told a line was typed.
     */
    CellInput(Function<String, String> readLine, Supplier<String> question, Runnable typed) {
        this.readLine = readLine;
        this.question = question;
        this.typed = typed;
    }

    @Override public synchronized int read() throws IOException {
        if (next < pending.length) return pending[next++] & 0xff;
        if (reading == null) {
            String prompt = question.get();
            if (prompt.isEmpty()) throw new IOException(NOT_YET); // asked ahead of time: no question on the screen yet
            reading = CompletableFuture.supplyAsync(() -> readLine.apply(prompt), r -> {
                Thread t = new Thread(r, "nnsh-cell-input");
                t.setDaemon(true);
                t.start();
            });
        }
        String line;
        try {
            line = reading.get(50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(NOT_YET);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(NOT_YET);
        } catch (ExecutionException e) {
            line = null;
        }
        reading = null;
        typed.run();
        if (line == null) throw new IOException("end of input (Ctrl-D)");
        pending = (line + "\n").getBytes(StandardCharsets.UTF_8);
        next = 0;
        return pending[next++] & 0xff;
    }

    @Override public synchronized int available() { return pending.length - next; }
}
