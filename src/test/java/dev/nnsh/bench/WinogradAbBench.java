package dev.nnsh.bench;

import java.util.Arrays;

import dev.nnsh.nn.Module;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/**
 * issue 11 (wino): one network's eval forward at batch 12 with oneDNN's Winograd off and on,
 * passes alternating in one JVM: {@code WinogradAbBench NAME [runs=3]} (names as ZooForwardBench's).
 * Prints {@code WINO name median_off_s median_on_s ratio max_rel_diff} (the largest output
 * difference relative to the largest output magnitude). Not part of the test suite.
 */
public final class WinogradAbBench {
    private WinogradAbBench() {}

    public static void main(String[] args) {
        String name = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Module net = ZooForwardBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, name.equals("seed") ? 1 : 3, 224, 224);
        for (boolean on : new boolean[]{false, true}) { // warm-up: both sets of primitives and weights
            DnnlConv.setWinogradEnabled(on);
            net.apply(input);
        }
        double[] off = new double[runs], on = new double[runs];
        double maxRelative = 0;
        for (int r = 0; r < runs; r++) {
            DnnlConv.setWinogradEnabled(false);
            long t0 = System.nanoTime();
            Tensor a = net.apply(input);
            off[r] = (System.nanoTime() - t0) / 1e9;
            DnnlConv.setWinogradEnabled(true);
            t0 = System.nanoTime();
            Tensor b = net.apply(input);
            on[r] = (System.nanoTime() - t0) / 1e9;
            double scale = a.nd().amaxNumber().doubleValue();
            maxRelative = Math.max(maxRelative, a.nd().sub(b.nd()).amaxNumber().doubleValue() / scale);
            System.out.printf("run %d: off %.3f s, on %.3f s%n", r + 1, off[r], on[r]);
        }
        Arrays.sort(off);
        Arrays.sort(on);
        System.out.printf("WINO %s %.4f %.4f ratio %.3f max_rel_diff %.2g%n", name, off[runs / 2], on[runs / 2],
                on[runs / 2] / off[runs / 2], maxRelative);
    }
}
