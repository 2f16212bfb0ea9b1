package dev.nnsh.bench;

import java.util.Arrays;

import dev.nnsh.Nnsh;
import dev.nnsh.testnets.SeedVGG11;

/**
 * Shape-only summary of the seed network at batch 12 in a warm JVM: builds the statistics and renders
 * the table, without printing. Not a test; run with scripts/bench summary [runs].
 */
public final class SummaryBench {
    private SummaryBench() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        var net = new SeedVGG11();
        var options = Nnsh.options().inputSize(12, 1, 224, 224).verbose(0);
        for (int i = 0; i < Math.max(200, runs / 2); i++) Nnsh.summary(net, options).toString(); // warm-up
        long[] nanos = new long[runs];
        int length = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            length += Nnsh.summary(net, options).toString().length();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("summary(seed, 12, 1, 224, 224), shape-only, %d runs: median %.3f ms, p10 %.3f ms, p90 %.3f ms (%d chars)%n",
                runs, nanos[runs / 2] / 1e6, nanos[runs / 10] / 1e6, nanos[runs * 9 / 10] / 1e6, length / runs);
    }
}
