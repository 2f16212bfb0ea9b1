package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlAttention;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * softmax(scale·q·kᵀ + bias)·v per head over a packed projection, on oneDNN in eval (issue 11, tf),
 * for models that project q, k and v with one Linear (MaxViT's relative-position attention).
 */
public final class AttentionHeads {
    private AttentionHeads() {}

    /**
     * qkv [..., L, 3·heads·headDim] dense (q, k, v thirds, each heads × headDim), every leading dim a
     * batch; bias null or [G, heads, L, L] (G divides the batch count; batch i uses i mod G). The
     * merged heads [..., L, heads·headDim], or null where the fast path does not apply.
     */
    public static Tensor attend(Tensor qkv, int heads, long headDim, double scale, Tensor bias) {
        if (qkv.isShapeOnly() || qkv.dtype() != DType.FLOAT32 || qkv.dim() < 2 || !DnnlAttention.enabled()) return null;
        if (bias != null && (bias.isShapeOnly() || bias.dtype() != DType.FLOAT32)) return null;
        long e = heads * headDim, l = qkv.size(-2);
        if (qkv.size(-1) != 3 * e) return null;
        long[] shape = qkv.shape();
        shape[shape.length - 1] = e;
        long batch = qkv.numel() / (l * 3 * e);
        var layout = new DnnlAttention.Layout(batch, l, heads, headDim, l * 3 * e, 3 * e, l * e, e);
        INDArray out = DnnlAttention.attend(qkv.nd(), layout, (float) scale, bias == null ? null : bias.nd(), shape);
        return out == null ? null : Tensor.of(out);
    }
}
