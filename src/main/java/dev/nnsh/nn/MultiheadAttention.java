package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.ops.AttentionOps;
import dev.nnsh.ops.AttentionShapes;
import dev.nnsh.tensor.Tensor;

/**
 * {@code nn.MultiheadAttention(embed_dim, num_heads, dropout=0.0, bias=True, kdim=None, vdim=None,
 * batch_first=False)}. Parameters as PyTorch's: {@code in_proj_weight} [3E, E] (or {@code q_proj_weight},
 * {@code k_proj_weight}, {@code v_proj_weight} when kdim or vdim differ from E), {@code in_proj_bias}
 * [3E], and the sub-module {@code out_proj}, whose weights the forward uses directly (PyTorch never
 * calls it, so the summary shows no row for it).
 * <p>
 * Inputs [L, N, E] ([N, L, E] with batchFirst) or unbatched [L, E]. {@code apply(x)} is self-attention,
 * {@code apply(query, key, value[, keyPaddingMask[, attnMask]])} PyTorch's positional call; both return
 * the attention output. {@link #attend} also returns the attention weights and accepts null masks.
 */
public class MultiheadAttention extends Module {
    private final long embedDim;
    private final int numHeads;
    private double dropout;
    private boolean bias = true;
    private boolean batchFirst;
    private long kdim;
    private long vdim;
    NonDynamicallyQuantizableLinear out_proj; // PyTorch's name: it is the var name print and summary show

    public MultiheadAttention(long embedDim, int numHeads) {
        this.embedDim = Args.positive("MultiheadAttention", "embed_dim", embedDim);
        this.numHeads = Args.positive("MultiheadAttention", "num_heads", numHeads);
        if (embedDim % numHeads != 0) {
            throw new IllegalArgumentException("MultiheadAttention: embed_dim (" + embedDim
                    + ") must be divisible by num_heads (" + numHeads + ")");
        }
        this.kdim = embedDim;
        this.vdim = embedDim;
        resetParameters();
    }

    /** Dropout probability on the attention weights (in training only). */
    public MultiheadAttention dropout(double p) {
        dropout = Args.probability("MultiheadAttention", "dropout", p);
        return this;
    }

    /** Whether the input and output projections have biases. */
    public MultiheadAttention bias(boolean on) {
        bias = on;
        resetParameters();
        return this;
    }

    /** Inputs and output as [N, L, E] instead of [L, N, E]. */
    public MultiheadAttention batchFirst(boolean on) {
        batchFirst = on;
        return this;
    }

    /** Feature size of the key input (default embed_dim). */
    public MultiheadAttention kdim(long value) {
        kdim = Args.positive("MultiheadAttention", "kdim", value);
        resetParameters();
        return this;
    }

    /** Feature size of the value input (default embed_dim). */
    public MultiheadAttention vdim(long value) {
        vdim = Args.positive("MultiheadAttention", "vdim", value);
        resetParameters();
        return this;
    }

    /** The output projection (PyTorch's {@code out_proj}). */
    public NonDynamicallyQuantizableLinear outProj() { return out_proj; }

    public long embedDim() { return embedDim; }

    public int numHeads() { return numHeads; }

    public long headDim() { return embedDim / numHeads; }

    public double dropoutProbability() { return dropout; }

    public boolean isBatchFirst() { return batchFirst; }

    private boolean packedProjection() { return kdim == embedDim && vdim == embedDim; }

    /** PyTorch's order: projection weights, in_proj_bias, then out_proj (weight default, bias zero). */
    private void resetParameters() {
        for (String name : new String[]{"in_proj_weight", "q_proj_weight", "k_proj_weight", "v_proj_weight", "in_proj_bias"}) {
            removeParameter(name);
        }
        if (packedProjection()) {
            addParameter("in_proj_weight", xavierUniform(3 * embedDim, embedDim), 3 * embedDim, embedDim);
        } else {
            addParameter("q_proj_weight", xavierUniform(embedDim, embedDim), embedDim, embedDim);
            addParameter("k_proj_weight", xavierUniform(embedDim, kdim), embedDim, kdim);
            addParameter("v_proj_weight", xavierUniform(embedDim, vdim), embedDim, vdim);
        }
        if (bias) addParameter("in_proj_bias", Init.constant(0), 3 * embedDim);
        out_proj = new NonDynamicallyQuantizableLinear(embedDim, embedDim, bias);
        out_proj.zeroBias();
    }

    /** xavier_uniform_: U(−b, b) with b = √(6 / (fan_in + fan_out)). */
    private static Init xavierUniform(long fanOut, long fanIn) {
        return Init.uniform(Math.sqrt(6.0 / (fanIn + fanOut)));
    }

    // ---------------------------------------------------------------- calling

    /** Output and head-averaged weights; masks may be null. Recorded by a summary like {@code apply}. */
    public AttentionOutput attend(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask) {
        return attend(query, key, value, keyPaddingMask, attnMask, true);
    }

    public AttentionOutput attend(Tensor query, Tensor key, Tensor value) {
        return attend(query, key, value, null, null, true);
    }

    /** With {@code averageAttnWeights} false the weights are per head: [N, num_heads, L, S]. */
    public AttentionOutput attend(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask,
                                  boolean averageAttnWeights) {
        return call(in -> compute(in[0], in[1], in[2], in[3], in[4], true, averageAttnWeights), AttentionOutput::output,
                query, key, value, keyPaddingMask, attnMask);
    }

    /** The attention output only (no weights computed); masks may be null. */
    Tensor applyWithMasks(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask) {
        return apply(query, key, value, keyPaddingMask, attnMask);
    }

    @Override public Tensor forward(Tensor... inputs) {
        switch (inputs.length) {
            case 1: return compute(inputs[0], inputs[0], inputs[0], null, null, false, true).output();
            case 3: return compute(inputs[0], inputs[1], inputs[2], null, null, false, true).output();
            case 4: return compute(inputs[0], inputs[1], inputs[2], inputs[3], null, false, true).output();
            case 5: return compute(inputs[0], inputs[1], inputs[2], inputs[3], inputs[4], false, true).output();
            default:
                throw new IllegalArgumentException(typeName() + " takes 1 input (self-attention), 3 (query, key, value),"
                        + " 4 (and key_padding_mask) or 5 (and attn_mask), got " + inputs.length);
        }
    }

    private AttentionOutput compute(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask,
                                    boolean needWeights, boolean average) {
        var dims = AttentionShapes.check(typeName(), query, key, value, keyPaddingMask, attnMask, embedDim, kdim, vdim,
                numHeads, batchFirst);
        if (!needWeights && query == key && key == value && keyPaddingMask == null && attnMask == null && !isTraining()
                && dims.batched() && packedProjection()) { // issue 11 (tf): eval self-attention on oneDNN
            Parameter ob = out_proj.ownParameters().get("bias");
            Tensor fast = AttentionFastPath.selfAttention(query, ownParameters().get("in_proj_weight").valueFor(query),
                    bias ? ownParameters().get("in_proj_bias").valueFor(query) : null,
                    out_proj.ownParameters().get("weight").valueFor(query), ob == null ? null : ob.valueFor(query), numHeads, batchFirst);
            if (fast != null) return new AttentionOutput(fast, null);
        }
        Tensor q = sequenceFirst(query, dims.batched()), k = sequenceFirst(key, dims.batched());
        Tensor v = sequenceFirst(value, dims.batched());
        Tensor padding = keyPaddingMask != null && !dims.batched() ? keyPaddingMask.unsqueeze(0) : keyPaddingMask;
        AttentionOps.Result out = AttentionOps.attend(q, k, v, padding, attnMask, projections(query), numHeads, dropout,
                isTraining(), needWeights, average);
        Tensor output = out.output(), weights = out.weights();
        if (!dims.batched()) {
            output = output.squeeze(1);
            if (weights != null) weights = weights.squeeze(0);
        } else if (batchFirst) {
            output = output.transpose(0, 1);
        }
        return new AttentionOutput(output, weights);
    }

    /** issue 11 (tf): residual + self-attention(x) in eval on oneDNN (residual added by the out-projection), or null where that does not apply. */
    Tensor evalSelfAttentionPlus(Tensor x, Tensor residual) {
        if (isTraining() || !packedProjection() || x.dim() != 3 || x.isShapeOnly() || x.size(2) != embedDim) return null;
        Parameter ob = out_proj.ownParameters().get("bias");
        return AttentionFastPath.selfAttention(x, ownParameters().get("in_proj_weight").valueFor(x),
                bias ? ownParameters().get("in_proj_bias").valueFor(x) : null, out_proj.ownParameters().get("weight").valueFor(x),
                ob == null ? null : ob.valueFor(x), numHeads, batchFirst, residual);
    }

    private Tensor sequenceFirst(Tensor x, boolean batched) {
        if (!batched) return x.unsqueeze(1);
        return batchFirst ? x.transpose(0, 1) : x;
    }

    private AttentionOps.Projections projections(Tensor input) {
        var own = ownParameters();
        Tensor q, k, v;
        if (packedProjection()) {
            Tensor w = own.get("in_proj_weight").valueFor(input);
            q = AttentionOps.rows(w, 0, embedDim);
            k = AttentionOps.rows(w, embedDim, 2 * embedDim);
            v = AttentionOps.rows(w, 2 * embedDim, 3 * embedDim);
        } else {
            q = own.get("q_proj_weight").valueFor(input);
            k = own.get("k_proj_weight").valueFor(input);
            v = own.get("v_proj_weight").valueFor(input);
        }
        Tensor qb = null, kb = null, vb = null;
        if (bias) {
            Tensor b = own.get("in_proj_bias").valueFor(input);
            qb = AttentionOps.rows(b, 0, embedDim);
            kb = AttentionOps.rows(b, embedDim, 2 * embedDim);
            vb = AttentionOps.rows(b, 2 * embedDim, 3 * embedDim);
        }
        var outParams = out_proj.ownParameters();
        Parameter outBias = outParams.get("bias");
        return new AttentionOps.Projections(q, k, v, qb, kb, vb, outParams.get("weight").valueFor(input),
                outBias == null ? null : outBias.valueFor(input));
    }

    // --- issue 9: getters ---
    public double dropout() { return dropout; }
    public boolean batchFirst() { return batchFirst; }
    public long kdim() { return kdim; }
    public long vdim() { return vdim; }
}
