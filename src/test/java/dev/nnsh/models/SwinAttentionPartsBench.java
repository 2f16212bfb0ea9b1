package dev.nnsh.models;

import java.util.Arrays;
import java.util.function.Supplier;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlAttention;
import dev.nnsh.ops.fast.DnnlLinear;
import dev.nnsh.ops.fast.DnnlPostOps;
import dev.nnsh.ops.fast.DnnlWindowRows;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): the steps of Swin-T's eval window attention timed one by one at batch 12, per stage
 * shape (the additive's construction, qkv Linear, window gather, heads, proj, scatter), and the whole
 * module: {@code SwinAttentionPartsBench [runs=5]}. A main, not a test (lives here for package access).
 */
public final class SwinAttentionPartsBench {
    private SwinAttentionPartsBench() {}

    private static double median(Supplier<Object> s, int runs) {
        double[] t = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Object o = s.get();
            t[r] = (System.nanoTime() - t0) / 1e6;
            if (o instanceof INDArray a) NativeBuffers.release(Tensor.of(a), "bench");
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[][] stages = {{56, 96, 3}, {28, 192, 6}, {14, 384, 12}, {7, 768, 24}};
        for (int[] st : stages) {
            int hw = st[0], c = st[1], heads = st[2], ws = 7, shift = hw > ws ? 3 : 0;
            var attn = new ShiftedWindowAttention(c, ws, shift, heads);
            attn.eval();
            Tensor x = Tensor.rand(12, hw, hw, c);
            attn.apply(x);
            long windows = (hw / ws) * (hw / ws), n = ws * ws, d = c / heads;
            INDArray wq = attn.qkv.ownParameters().get("weight").valueFor(x).nd(), bq = attn.qkv.ownParameters().get("bias").valueFor(x).nd();
            INDArray wp = attn.proj.ownParameters().get("weight").valueFor(x).nd(), bp = attn.proj.ownParameters().get("bias").valueFor(x).nd();
            double bias = median(() -> attn.relativePositionBias(x), runs);
            double additive = median(() -> shift == 0 ? null : attn.relativePositionBias(x).add(
                    Tensor.of(ShiftedWindowAttention.shiftMask(hw, hw, ws, shift, shift), windows, 1, n, n)), runs);
            Tensor add = shift == 0 ? attn.relativePositionBias(x) : attn.relativePositionBias(x).add(
                    Tensor.of(ShiftedWindowAttention.shiftMask(hw, hw, ws, shift, shift), windows, 1, n, n));
            INDArray qkv = DnnlLinear.linear(x.nd(), wq, bq, DnnlPostOps.NONE);
            INDArray rows = DnnlWindowRows.gather(qkv, ws, shift, shift);
            var layout = new DnnlAttention.Layout(12 * windows, n, heads, d, n * 3 * c, 3 * c, n * c, c);
            INDArray merged = DnnlAttention.attend(rows, layout, (float) Math.pow(d, -0.5), add.nd(), new long[]{12 * windows * n, c});
            INDArray projected = DnnlLinear.linear(merged, wp, bp, DnnlPostOps.NONE);
            double tq = median(() -> DnnlLinear.linear(x.nd(), wq, bq, DnnlPostOps.NONE), runs);
            double tg = median(() -> DnnlWindowRows.gather(qkv, ws, shift, shift), runs);
            double ta = median(() -> DnnlAttention.attend(rows, layout, (float) Math.pow(d, -0.5), add.nd(), new long[]{12 * windows * n, c}), runs);
            double tp = median(() -> DnnlLinear.linear(merged, wp, bp, DnnlPostOps.NONE), runs);
            double ts = median(() -> DnnlWindowRows.scatter(projected, x.shape(), ws, shift, shift), runs);
            double whole = median(() -> attn.apply(x), runs);
            System.out.printf("stage %dx%dx%d heads %d: bias %.1f additive %.1f qkv %.1f gather %.1f heads %.1f proj %.1f scatter %.1f | module %.1f ms%n",
                    hw, hw, c, heads, bias, additive, tq, tg, ta, tp, ts, whole);
        }
    }
}
