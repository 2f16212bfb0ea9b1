package dev.nnsh.bench;

import dev.nnsh.models.ShiftedWindowAttention;
import dev.nnsh.models.vision.MLP;
import dev.nnsh.nn.GELU;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): a first-stage Swin-T block's parts at batch 12 ([12, 56, 56, 96], window 7, shift
 * 3) timed alone, the window attention with its fast path on and off: {@code SwinBlockBench [runs=3]}.
 */
public final class SwinBlockBench {
    private SwinBlockBench() {}

    interface Step { Tensor run(); }

    private static double median(Step s, int runs) {
        double[] t = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            s.run();
            t[r] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(t);
        return t[runs / 2];
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        var attn = new ShiftedWindowAttention(96, 7, 3, 3);
        var norm = new LayerNorm(96);
        Module mlp = new MLP(96, new long[]{384, 96}, null, GELU::new, null, true, 0.0);
        for (Module m : new Module[]{attn, norm, mlp}) m.eval();
        Tensor x = Tensor.rand(12, 56, 56, 96);
        attn.apply(x);
        mlp.apply(x);
        for (int round = 0; round < 2; round++) {
            System.clearProperty("nnsh.tf.windows");
            double on = median(() -> attn.apply(x), runs);
            System.setProperty("nnsh.tf.windows", "off");
            double off = median(() -> attn.apply(x), runs);
            System.clearProperty("nnsh.tf.windows");
            System.out.printf("window attention on %.1f ms, off %.1f ms; LayerNorm %.1f ms; MLP %.1f ms; add %.1f ms%n", on, off,
                    median(() -> norm.apply(x), runs), median(() -> mlp.apply(x), runs), median(() -> x.add(x), runs));
        }
    }
}
