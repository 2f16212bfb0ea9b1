package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlAttention;
import dev.nnsh.ops.fast.DnnlLinear;
import dev.nnsh.ops.fast.DnnlLinearResidual;
import dev.nnsh.ops.fast.DnnlPostOps;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Eval-mode self-attention without masks on oneDNN (issue 11, tf): the packed in-projection and the
 * out-projection on {@link DnnlLinear} (weights read where they lie), the heads on
 * {@link DnnlAttention} with no split or merge copies, intermediates given back to the pool at once.
 * Returns null where it does not apply; the caller then runs the Tensor-op path.
 */
final class AttentionFastPath {
    private AttentionFastPath() {}

    /**
     * Self-attention of x ([N, L, E] with batchFirst, else [L, N, E]) with a packed in-projection
     * weight [3E, E] and bias [3E] (may be null) and the out-projection's weight and bias (may be null).
     */
    static Tensor selfAttention(Tensor x, Tensor inWeight, Tensor inBias, Tensor outWeight, Tensor outBias, int heads,
                                boolean batchFirst) {
        return selfAttention(x, inWeight, inBias, outWeight, outBias, heads, batchFirst, null);
    }

    /** As above, plus {@code residual} (shaped as x; null: none) added by the out-projection's matmul. */
    static Tensor selfAttention(Tensor x, Tensor inWeight, Tensor inBias, Tensor outWeight, Tensor outBias, int heads,
                                boolean batchFirst, Tensor residual) {
        if (residual != null && (residual.isShapeOnly() || residual.dtype() != DType.FLOAT32
                || !java.util.Arrays.equals(residual.shape(), x.shape()))) return null;
        if (x.isShapeOnly() || x.dtype() != DType.FLOAT32 || x.dim() != 3 || !DnnlAttention.enabled() || !DnnlLinear.enabled()) return null;
        for (Tensor t : new Tensor[]{inWeight, inBias, outWeight, outBias}) {
            if (t != null && (t.isShapeOnly() || t.dtype() != DType.FLOAT32)) return null;
        }
        long[] shape = x.shape();
        long n = batchFirst ? shape[0] : shape[1], l = batchFirst ? shape[1] : shape[0], e = shape[2], d = e / heads;
        var layout = batchFirst ? new DnnlAttention.Layout(n, l, heads, d, l * 3 * e, 3 * e, l * e, e)
                : new DnnlAttention.Layout(n, l, heads, d, 3 * e, n * 3 * e, e, n * e);
        try {
            return Tensor.derive(shape, DType.FLOAT32, a -> {
                INDArray qkv = DnnlLinear.linear(a[0], a[1], a[2], DnnlPostOps.NONE);
                if (qkv == null) throw new NotFused();
                INDArray merged = DnnlAttention.attend(qkv, layout, (float) (1 / Math.sqrt(d)), null, shape);
                NativeBuffers.release(Tensor.of(qkv), "attention in-projection");
                if (merged == null) throw new NotFused();
                INDArray y = a[5] == null ? DnnlLinear.linear(merged, a[3], a[4], DnnlPostOps.NONE)
                        : DnnlLinearResidual.linear(merged, a[3], a[4], null, a[5]);
                NativeBuffers.release(Tensor.of(merged), "attention heads");
                if (y == null) throw new NotFused();
                return y;
            }, x, inWeight, inBias, outWeight, outBias, residual);
        } catch (NotFused e2) {
            return null;
        }
    }

    private static final class NotFused extends RuntimeException {
        NotFused() { super(null, null, false, false); }
    }
}
