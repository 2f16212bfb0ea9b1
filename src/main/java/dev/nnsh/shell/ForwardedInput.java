package dev.nnsh.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A cell's System.in over JShell's input forwarding (the no-delay engine), safe for input that a
 * person types. JShell's execution JVM asks the shell's side for one byte per request, and now and
 * then once more than its reader needs: its pipe signals "input needed" again while the data byte
 * of the previous answer is still in flight. Answering that extra request by waiting for a person
 * stalls JShell's I/O thread, and with it the end of the cell; answering it with end of input
 * closes the execution JVM's System.in for good. So the two sides use two in-band bytes that UTF-8
 * text never contains: {@link #NOTHING_YET} (the reader drops it, waits {@link #RETRY_MS} and asks
 * again) and {@link #END_OF_READ} (this read ends, as at the end of input, but the stream stays open
 * for later cells). The shell's side asks a person only for a request that finds nothing buffered
 * and comes at least {@link #SPECULATIVE_MS} after its answer {@code NOTHING_YET}: such a request is
 * a reader's retry. The extra requests come right after an answer (the race is within one frame),
 * several of them when read-aheads pile up, and each gets {@code NOTHING_YET} at no cost.
 */
public final class ForwardedInput {
    static final int NOTHING_YET = 0xFF;
    static final int END_OF_READ = 0xFE;
    static final long RETRY_MS = 40;
    static final long SPECULATIVE_MS = 20;

    private ForwardedInput() {}

    /** Where answers come from: the next line a person typed, or null when none can come for this read. */
    public interface Lines {
        String next();
    }

    /** The execution JVM's side: what System.in reads from JShell's forwarded stream. */
    static InputStream reader(InputStream forwarded) {
        return new InputStream() {
            @Override public int read() throws IOException {
                while (true) {
                    int b = forwarded.read();
                    if (b == NOTHING_YET) {
                        try {
                            Thread.sleep(RETRY_MS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new java.io.InterruptedIOException("interrupted while waiting for input");
                        }
                        continue;
                    }
                    return b == END_OF_READ ? -1 : b;
                }
            }

            /** One byte at a time: a request may fail, and bytes already read must not be lost with it. */
            @Override public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                int c = read();
                if (c < 0) return -1;
                b[off] = (byte) c;
                return 1;
            }
        };
    }

    /** The shell's side: answers JShell's requests for input, byte by byte, from {@code lines}. */
    public static InputStream answers(Lines lines) {
        return new InputStream() {
            private byte[] line = new byte[0];
            private int next;
            private int last = -1;
            private long answeredAt = System.nanoTime();

            @Override public synchronized int read() {
                int answer;
                boolean retry = last == NOTHING_YET
                        && System.nanoTime() - answeredAt >= java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(SPECULATIVE_MS);
                if (next < line.length) {
                    answer = line[next++] & 0xff;
                } else if (!retry) {
                    answer = NOTHING_YET;
                } else {
                    String typed = lines.next();
                    if (typed == null) {
                        answer = END_OF_READ;
                    } else {
                        line = (typed + "\n").getBytes(StandardCharsets.UTF_8);
                        next = 1;
                        answer = line[0] & 0xff;
                    }
                }
                last = answer;
                answeredAt = System.nanoTime();
                return answer;
            }

            @Override public int read(byte[] b, int off, int len) {
                if (len == 0) return 0;
                b[off] = (byte) read();
                return 1;
            }
        };
    }
}
