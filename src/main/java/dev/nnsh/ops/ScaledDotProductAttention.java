package dev.nnsh.ops;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * {@code F.scaled_dot_product_attention(q, k, v, attn_mask, dropout_p, is_causal, scale)} written with
 * tensor operations, so shape-only tensors go through it: softmax(q·kᵀ·scale + mask)·v over [..., L, E].
 */
public final class ScaledDotProductAttention {
    private ScaledDotProductAttention() {}

    /**
     * @param mask   null, a bool mask (true = may attend) or a float mask added to the scores; broadcasts to [..., L, S]
     * @param scale  null for 1/√E
     */
    public static Tensor compute(Tensor q, Tensor k, Tensor v, Tensor mask, double dropoutP, boolean isCausal, Double scale) {
        if (q.dim() < 2 || k.dim() < 2 || v.dim() < 2) {
            throw new ShapeException("scaled_dot_product_attention(): query, key and value need at least 2 dims, got "
                    + Shapes.format(q.shape()) + ", " + Shapes.format(k.shape()) + ", " + Shapes.format(v.shape()));
        }
        if (q.size(-1) != k.size(-1)) {
            throw new ShapeException("scaled_dot_product_attention(): query and key must have the same embedding size, got "
                    + Shapes.format(q.shape()) + " and " + Shapes.format(k.shape()));
        }
        if (k.size(-2) != v.size(-2)) {
            throw new ShapeException("scaled_dot_product_attention(): key and value must have the same sequence length, got "
                    + Shapes.format(k.shape()) + " and " + Shapes.format(v.shape()));
        }
        if (dropoutP < 0 || dropoutP > 1) {
            throw new IllegalArgumentException("scaled_dot_product_attention(): dropout_p must be in [0, 1], got " + dropoutP);
        }
        if (isCausal && mask != null) {
            throw new IllegalArgumentException("scaled_dot_product_attention(): give either attn_mask or is_causal, not both");
        }
        long l = q.size(-2), s = k.size(-2);
        double factor = scale != null ? scale : 1 / Math.sqrt(q.size(-1));
        Tensor scores = q.matmul(k.transpose(-2, -1)).mul(factor);
        if (isCausal) mask = Tensor.ones(l, s).tril().bool();
        if (mask != null) {
            scores = mask.dtype() == DType.BOOL ? scores.maskedFill(mask.logicalNot(), Double.NEGATIVE_INFINITY) : scores.add(mask);
        }
        Tensor weights = scores.softmax(-1);
        if (dropoutP > 0) {
            Tensor keep = Tensor.randLike(weights).ge(dropoutP);
            weights = dropoutP == 1 ? weights.mul(0) : weights.mul(keep.toFloat()).div(1 - dropoutP);
        }
        return weights.matmul(v);
    }
}
