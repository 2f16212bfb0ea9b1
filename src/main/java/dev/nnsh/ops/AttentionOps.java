package dev.nnsh.ops;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * PyTorch's {@code multi_head_attention_forward} on sequence-first tensors, built from Tensor ops so
 * that shape-only tensors go through the same code: per head, softmax(q·kᵀ/√d + mask)·v, heads
 * concatenated, then the output projection.
 */
public final class AttentionOps {
    private AttentionOps() {}

    /** The projection weights of one call: q/k/v weights [E, E], [E, kdim], [E, vdim]; biases may be null. */
    public record Projections(Tensor qWeight, Tensor kWeight, Tensor vWeight, Tensor qBias, Tensor kBias, Tensor vBias,
                       Tensor outWeight, Tensor outBias) {}

    /**
     * q [L, N, E], k [S, N, kdim], v [S, N, vdim]; keyPaddingMask [N, S] and attnMask [L, S] or
     * [N·heads, L, S] (either may be null), shapes already checked. Output [L, N, E]; weights [N, L, S]
     * (averaged) or [N, heads, L, S], or null when not needed.
     */
    /** The attention output [L, N, E] and the weights (null when not asked for). */
    public record Result(Tensor output, Tensor weights) {}

    public static Result attend(Tensor q, Tensor k, Tensor v, Tensor keyPaddingMask, Tensor attnMask, Projections p,
                                  int heads, double dropout, boolean training, boolean needWeights, boolean average) {
        long targetLength = q.size(0), batch = q.size(1), embed = q.size(2), sourceLength = k.size(0);
        long headDim = embed / heads, stacked = batch * heads;
        Tensor queries = splitHeads(LinearOps.linear(q, p.qWeight(), p.qBias()), stacked, headDim).mul(1 / Math.sqrt(headDim));
        Tensor keys = splitHeads(LinearOps.linear(k, p.kWeight(), p.kBias()), stacked, headDim);
        Tensor values = splitHeads(LinearOps.linear(v, p.vWeight(), p.vBias()), stacked, headDim);

        Tensor scores = queries.matmul(keys.transpose(1, 2)); // [N·heads, L, S]
        if (attnMask != null) scores = scores.add(additive(attnMask, scores.dtype()));
        if (keyPaddingMask != null) {
            Tensor padding = additive(keyPaddingMask, scores.dtype()).reshape(batch, 1, 1, sourceLength);
            scores = scores.reshape(batch, heads, targetLength, sourceLength).add(padding)
                    .reshape(stacked, targetLength, sourceLength);
        }
        Tensor weights = scores.softmax(-1);
        if (dropout > 0) weights = DropoutOps.dropout("dropout", weights, dropout, training);

        Tensor merged = weights.matmul(values).transpose(0, 1).reshape(targetLength, batch, embed);
        Tensor output = LinearOps.linear(merged, p.outWeight(), p.outBias());
        if (!needWeights) return new Result(output, null);
        Tensor perHead = weights.reshape(batch, heads, targetLength, sourceLength);
        return new Result(output, average ? perHead.mean(1) : perHead);
    }

    /** [len, N, heads·headDim] → [N·heads, len, headDim]. */
    private static Tensor splitHeads(Tensor x, long stacked, long headDim) {
        return x.reshape(x.size(0), stacked, headDim).transpose(0, 1);
    }

    /** A bool mask (true = not allowed) as 0 / −∞, a float mask as it is, both in the scores' type. */
    private static Tensor additive(Tensor mask, DType type) {
        if (mask.dtype() != DType.BOOL) return mask.to(type);
        return mask.derive(mask.shape(), type, a -> {
            INDArray out = a.castTo(type.nd4j());
            BooleanIndexing.replaceWhere(out, Double.NEGATIVE_INFINITY, Conditions.greaterThan(0.5));
            return out;
        });
    }

    /** Rows [from, to) of a weight [R, C] or bias [R]. */
    public static Tensor rows(Tensor t, long from, long to) {
        long[] shape = t.shape();
        shape[0] = to - from;
        return t.derive(shape, t.dtype(), a -> {
            INDArrayIndex[] index = new INDArrayIndex[a.rank()];
            index[0] = NDArrayIndex.interval(from, to);
            for (int i = 1; i < index.length; i++) index[i] = NDArrayIndex.all();
            return a.get(index).dup('c');
        });
    }
}
