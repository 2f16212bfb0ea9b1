package dev.nnsh.bench;

import dev.nnsh.nn.GELU;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): ViT-B/16-sized LayerNorm and GELU calls, the transformer fast paths off and on
 * alternately in one JVM ({@code TransformerOpsBench [runs=10]}): median ms per call. Not a test.
 */
public final class TransformerOpsBench {
    private TransformerOpsBench() {}

    private static double median(Module m, Tensor x, int runs) {
        double[] t = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            m.apply(x);
            t[r] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(t);
        return t[runs / 2];
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Module ln = new LayerNorm(768).eps(1e-6), gelu = new GELU(), ln96 = new LayerNorm(96);
        ln.eval();
        Tensor x = Tensor.rand(12, 197, 768), h = Tensor.rand(12, 197, 3072), s = Tensor.rand(12, 56, 56, 96);
        for (int round = 0; round < 2; round++) {
            for (boolean on : new boolean[]{false, true}) {
                TransformerAbBench.set(on);
                System.out.printf("%s LayerNorm(768) %.2f ms, GELU [12,197,3072] %.2f ms, LayerNorm(96) [12,56,56,96] %.2f ms%n",
                        on ? "on " : "off", median(ln, x, runs), median(gelu, h, runs), median(ln96, s, runs));
            }
        }
    }
}
