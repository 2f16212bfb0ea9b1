package dev.nnsh.bench;

import java.util.Arrays;

import dev.nnsh.nn.Module;
import dev.nnsh.ops.fast.DnnlLinear;
import dev.nnsh.tensor.Tensor;

/**
 * Whole eval passes at batch 12 with the Linear layers on oneDNN's matmul and on ND4J's gemm,
 * alternating in one process (every other fast path stays on): {@code LinearPathBench NAME [runs]}.
 * Prints {@code RESULT name nd4j_median_s dnnl_median_s ratio max_relative_difference}. Not a test.
 */
public final class LinearPathBench {
    private LinearPathBench() {}

    public static void main(String[] args) {
        String name = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Module net = ZooForwardBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, name.equals("seed") ? 1 : 3, 224, 224);
        for (boolean on : new boolean[]{false, true}) { // warm-up: parameters materialise, primitives are created
            DnnlLinear.setEnabled(on);
            net.apply(input);
        }
        double[] off = new double[runs], on = new double[runs];
        double maxRelative = 0;
        for (int r = 0; r < runs; r++) {
            DnnlLinear.setEnabled(false);
            long t0 = System.nanoTime();
            Tensor a = net.apply(input);
            off[r] = (System.nanoTime() - t0) / 1e9;
            DnnlLinear.setEnabled(true);
            t0 = System.nanoTime();
            Tensor b = net.apply(input);
            on[r] = (System.nanoTime() - t0) / 1e9;
            double scale = a.nd().amaxNumber().doubleValue();
            maxRelative = Math.max(maxRelative, a.nd().sub(b.nd()).amaxNumber().doubleValue() / scale);
        }
        Arrays.sort(off);
        Arrays.sort(on);
        System.out.printf("RESULT %s nd4j %.4f dnnl %.4f ratio %.3f maxrel %.2e%n", name, off[runs / 2], on[runs / 2],
                on[runs / 2] / off[runs / 2], maxRelative);
    }
}
