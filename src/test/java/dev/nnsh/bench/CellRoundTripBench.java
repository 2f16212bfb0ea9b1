package dev.nnsh.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import jdk.jshell.JShell;

import dev.nnsh.shell.NoDelayExecutionControlProvider;

/**
 * A trivial cell's round trip ({@code eval("1 + 1")}) on JShell's own separate-JVM engine and on
 * nnsh's no-delay one, alternately in one JVM so that machine load hits both alike. Not a test:
 * scripts/bench CellRoundTripBench [cells=30]. Prints medians and the ratio.
 */
public final class CellRoundTripBench {
    private CellRoundTripBench() {}

    public static void main(String[] args) {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String classpath = System.getProperty("java.class.path");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        JShell jdk = JShell.builder().out(quiet).err(quiet).in(InputStream.nullInputStream())
                .remoteVMOptions("--class-path", classpath).build();
        JShell noDelay = JShell.builder().out(quiet).err(quiet).in(InputStream.nullInputStream())
                .remoteVMOptions("--class-path", classpath)
                .executionEngine(new NoDelayExecutionControlProvider(), null).build();
        for (int i = 0; i < 10; i++) { // javac warm-up on both
            jdk.eval("int w" + i + " = " + i + ";");
            noDelay.eval("int w" + i + " = " + i + ";");
        }
        long[] a = new long[cells], b = new long[cells];
        for (int i = 0; i < cells; i++) {
            a[i] = time(jdk, i);
            b[i] = time(noDelay, i);
        }
        jdk.close();
        noDelay.close();
        double ma = median(a), mb = median(b);
        System.out.printf("trivial cell round trip, %d cells each: JShell's engine %.1f ms, no-delay engine %.1f ms, ratio %.3f%n",
                cells, ma, mb, mb / ma);
    }

    /** Nanoseconds of one trivial cell {@code 1 + i}, checked for its value. */
    static long time(JShell shell, int i) {
        long start = System.nanoTime();
        var events = shell.eval("1 + " + i);
        long t = System.nanoTime() - start;
        if (events.isEmpty() || !String.valueOf(1 + i).equals(events.get(0).value())) {
            throw new IllegalStateException("unexpected result " + events);
        }
        return t;
    }

    static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1e6;
    }
}
