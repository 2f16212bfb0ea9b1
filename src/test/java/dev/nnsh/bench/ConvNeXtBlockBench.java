package dev.nnsh.bench;

import dev.nnsh.models.vision.Permute;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.GELU;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): the steps of a first-stage ConvNeXt-T block at batch 12 ([12, 96, 56, 56],
 * channels-last input) timed alone, median ms: {@code ConvNeXtBlockBench [runs=5]}. Not a test.
 */
public final class ConvNeXtBlockBench {
    private ConvNeXtBlockBench() {}

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
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int c = Integer.parseInt(args.length > 1 ? args[1] : "96"), hw = Integer.parseInt(args.length > 2 ? args[2] : "56");
        Conv2d dw = new Conv2d(c, c, 7, 1, 3).groups(c);
        Module seqConv = new Sequential(dw, new Permute(0, 2, 3, 1));
        LayerNorm ln = new LayerNorm(c).eps(1e-6);
        Module mlp = new Sequential(new Linear(c, 4L * c), new GELU());
        Linear fc2 = new Linear(4L * c, c);
        for (Module m : new Module[]{dw, seqConv, ln, mlp, fc2}) m.eval();
        Tensor nhwc = Tensor.rand(12, hw, hw, c);
        Tensor x = Tensor.of(nhwc.nd().permute(0, 3, 1, 2));
        Tensor y = seqConv.apply(x), z = ln.apply(y), h = mlp.apply(z);
        for (int round = 0; round < 2; round++) {
            System.out.printf("dwconv+permute %.1f ms, LayerNorm %.1f ms, Linear+GELU %.1f ms, Linear %.1f ms, add %.1f ms%n",
                    median(() -> seqConv.apply(x), runs), median(() -> ln.apply(y), runs), median(() -> mlp.apply(z), runs),
                    median(() -> fc2.apply(h), runs), median(() -> nhwc.add(z), runs));
        }
    }
}
