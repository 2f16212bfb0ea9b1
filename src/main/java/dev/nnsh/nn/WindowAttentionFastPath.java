package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlAttention;
import dev.nnsh.ops.fast.DnnlLinear;
import dev.nnsh.ops.fast.DnnlLinearResidual;
import dev.nnsh.ops.fast.DnnlPostOps;
import dev.nnsh.ops.fast.DnnlWindowRows;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Swin's shifted-window attention in eval on oneDNN (issue 11, tf): the qkv projection on the image
 * rows as they lie (a per-pixel Linear commutes with the roll and the window partition), one row copy
 * into window order, the heads on {@link DnnlAttention} with the relative position bias and the
 * shift mask added to the scaled scores, the out-projection, and one row copy back (window reverse
 * and the roll back). Returns null where it does not apply; the caller runs the Tensor-op path.
 */
public final class WindowAttentionFastPath {
    private WindowAttentionFastPath() {}

    /**
     * x + attention(norm(x)) for unpadded images x [B, H, W, C] (H, W multiples of ws), with the residual
     * added in window order by the out-projection's matmul (issue 11, tf): x is copied into window order
     * once (C wide, where the plain path copied the 3C-wide qkv result), normalised there (a per-pixel
     * LayerNorm commutes with the partition), projected, attended, projected with x's rows added as a
     * post-op, and copied back once; the separate residual pass is gone. norm a plain LayerNorm; null where
     * it does not apply (the caller runs norm, attention and the add). Off with -Dnnsh.tf.windowres=off or
     * -Dnnsh.tf.residual=off.
     */
    public static Tensor runPlus(Tensor x, LayerNorm norm, Tensor qkvWeight, Tensor qkvBias, Tensor projWeight, Tensor projBias,
                                 Tensor additive, int ws, int shiftH, int shiftW, int heads) {
        if ("off".equals(System.getProperty("nnsh.tf.windowres")) || "off".equals(System.getProperty("nnsh.tf.residual"))
                || "off".equals(System.getProperty("nnsh.tf.windows")) || Module.everyCallObserved() || norm.getClass() != LayerNorm.class) return null;
        if (!takes(x, ws, heads, additive, qkvWeight, qkvBias, projWeight, projBias)) return null;
        long[] shape = x.shape();
        long b = shape[0], h = shape[1], w = shape[2], c = shape[3], n = (long) ws * ws;
        long windows = (h / ws) * (w / ws), d = c / heads;
        INDArray add = additive == null ? null : additive.nd();
        INDArray rows = DnnlWindowRows.gather(x.nd(), ws, shiftH, shiftW);
        if (rows == null) return null;
        Tensor residual = Tensor.of(rows), normed = norm.apply(residual);
        INDArray qkv = DnnlLinear.linear(normed.nd(), qkvWeight.nd(), qkvBias == null ? null : qkvBias.nd(), DnnlPostOps.NONE);
        NativeBuffers.release(normed, "window attention");
        INDArray merged = null, projected = null;
        if (qkv != null) {
            var layout = new DnnlAttention.Layout(b * windows, n, heads, d, n * 3 * c, 3 * c, n * c, c);
            merged = DnnlAttention.attend(qkv, layout, (float) Math.pow(d, -0.5), add, new long[]{b * windows * n, c});
            NativeBuffers.release(Tensor.of(qkv), "window attention");
        }
        if (merged != null) {
            projected = DnnlLinearResidual.linear(merged, projWeight.nd(), projBias == null ? null : projBias.nd(), null, rows);
            NativeBuffers.release(Tensor.of(merged), "window attention");
        }
        NativeBuffers.release(residual, "window attention");
        if (projected == null) return null;
        INDArray out = DnnlWindowRows.scatter(projected, shape, ws, shiftH, shiftW);
        NativeBuffers.release(Tensor.of(projected), "window attention");
        return out == null ? null : Tensor.of(out);
    }

    /**
     * Swin's patch merging gather in eval as one row copy into a pooled buffer: x [B, H, W, C] with H, W
     * even into [B, H/2, W/2, 4C] (quarters (0,0), (1,0), (0,1), (1,1) as torchvision concatenates them), or
     * null where it does not apply (off with -Dnnsh.tf.merge=off; odd sizes, other dtypes, views).
     */
    public static Tensor mergePatches(Tensor x) {
        if ("off".equals(System.getProperty("nnsh.tf.merge")) || !DnnlAttention.enabled()) return null;
        if (x.isShapeOnly() || x.dtype() != DType.FLOAT32 || x.dim() != 4) return null;
        INDArray out = DnnlWindowRows.mergePatches(x.nd());
        return out == null ? null : Tensor.of(out);
    }

    /**
     * Attention of padded images x [B, H, W, C] (H, W multiples of ws) in ws×ws windows after a roll
     * by (−shiftH, −shiftW), with {@code additive} [G, heads, ws², ws²] (G divides the number of
     * windows per batch or is 1); the result [B, H, W, C] rolled back.
     */
    public static Tensor run(Tensor x, Tensor qkvWeight, Tensor qkvBias, Tensor projWeight, Tensor projBias, Tensor additive,
                             int ws, int shiftH, int shiftW, int heads) {
        if ("off".equals(System.getProperty("nnsh.tf.windows"))) return null;
        if (!takes(x, ws, heads, additive, qkvWeight, qkvBias, projWeight, projBias)) return null;
        long[] shape = x.shape();
        long b = shape[0], h = shape[1], w = shape[2], c = shape[3], n = (long) ws * ws;
        long windows = (h / ws) * (w / ws), d = c / heads;
        var layout = new DnnlAttention.Layout(b * windows, n, heads, d, n * 3 * c, 3 * c, n * c, c);
        INDArray add = additive == null ? null : additive.nd();
        INDArray xa = x.nd();
        INDArray qkv = DnnlLinear.linear(xa, qkvWeight.nd(), qkvBias == null ? null : qkvBias.nd(), DnnlPostOps.NONE);
        if (qkv == null) return null;
        INDArray rows = DnnlWindowRows.gather(qkv, ws, shiftH, shiftW);
        NativeBuffers.release(Tensor.of(qkv), "window attention");
        if (rows == null) return null;
        INDArray merged = DnnlAttention.attend(rows, layout, (float) Math.pow(d, -0.5), add, new long[]{b * windows * n, c});
        NativeBuffers.release(Tensor.of(rows), "window attention");
        if (merged == null) return null;
        INDArray projected = DnnlLinear.linear(merged, projWeight.nd(), projBias == null ? null : projBias.nd(), DnnlPostOps.NONE);
        NativeBuffers.release(Tensor.of(merged), "window attention");
        if (projected == null) return null;
        INDArray out = DnnlWindowRows.scatter(projected, shape, ws, shiftH, shiftW);
        NativeBuffers.release(Tensor.of(projected), "window attention");
        return out == null ? null : Tensor.of(out);
    }

    /**
     * Whether the oneDNN window attention takes these: float32 tensors with values, x [B, H, W, C] with H and W
     * multiples of ws and C of heads, an additive mask whose groups divide the windows per batch.
     */
    private static boolean takes(Tensor x, int ws, int heads, Tensor additive, Tensor... weights) {
        if (x.isShapeOnly() || x.dtype() != DType.FLOAT32 || x.dim() != 4 || !DnnlAttention.enabled() || !DnnlLinear.enabled()) return false;
        for (Tensor t : weights) {
            if (t != null && (t.isShapeOnly() || t.dtype() != DType.FLOAT32)) return false;
        }
        if (additive != null && (additive.isShapeOnly() || additive.dtype() != DType.FLOAT32)) return false;
        long[] shape = x.shape();
        if (shape[1] % ws != 0 || shape[2] % ws != 0 || shape[3] % heads != 0) return false;
        return additive == null || (shape[1] / ws) * (shape[2] / ws) % additive.shape()[0] == 0;
    }
}
