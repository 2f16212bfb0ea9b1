package dev.nnsh.bench;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlLinear;
import dev.nnsh.ops.fast.DnnlPostOps;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): Swin-T's Linear shapes at batch 12 on the oneDNN matmul alone (median ms and GFLOP/s),
 * the counterpart of a torch.nn.functional.linear loop: {@code SwinLinearShapesBench [runs=5] [POST=NONE]} (POST a
 * DnnlPostOps name, e.g. GELU_ERF: the fused activation's cost). Not a test.
 */
public final class SwinLinearShapesBench {
    private SwinLinearShapesBench() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        DnnlPostOps post = args.length > 1 ? DnnlPostOps.valueOf(args[1]) : DnnlPostOps.NONE;
        long[][] shapes = {{37632, 96, 288}, {37632, 96, 384}, {37632, 384, 96}, {9408, 192, 576}, {2352, 384, 1152}, {2352, 384, 1536}, {2352, 1536, 384}, {9408, 192, 768}, {9408, 768, 192}};
        for (long[] s : shapes) {
            INDArray x = Tensor.rand(s[0], s[1]).nd(), w = Tensor.rand(s[2], s[1]).nd(), b = Tensor.rand(s[2]).nd();
            for (int i = 0; i < 2; i++) NativeBuffers.release(Tensor.of(DnnlLinear.linear(x, w, b, post)), "bench");
            double[] t = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                INDArray y = DnnlLinear.linear(x, w, b, post);
                t[r] = (System.nanoTime() - t0) / 1e6;
                NativeBuffers.release(Tensor.of(y), "bench");
            }
            Arrays.sort(t);
            double ms = t[runs / 2];
            System.out.printf("nnsh linear %dx%d->%d %s: %.1f ms %.0f GFLOP/s%n", s[0], s[1], s[2], post, ms, 2.0 * s[0] * s[1] * s[2] / ms / 1e6);
        }
    }
}
