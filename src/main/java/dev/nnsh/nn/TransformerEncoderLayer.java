package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.tensor.Tensor;

/**
 * {@code nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1, activation="relu",
 * layer_norm_eps=1e-5, batch_first=False, norm_first=False)}: self-attention and a feed-forward block,
 * each with dropout and a residual connection, normalised after (default) or before each block.
 * Sub-modules carry PyTorch's names in PyTorch's order, so print and summary read the same.
 * <p>
 * {@code apply(src[, srcMask[, srcKeyPaddingMask]])}; {@link #applyWithMasks} accepts null masks.
 */
public class TransformerEncoderLayer extends Module {
    private final long dModel;
    private final int nhead;
    private long dimFeedforward = 2048;
    private double dropoutProbability = 0.1;
    private String activationName = "relu";
    private double layerNormEps = 1e-5;
    private boolean batchFirst;
    private boolean normFirst;

    // PyTorch's names: they are the var names print and summary show.
    MultiheadAttention self_attn;
    Linear linear1;
    Dropout dropout;
    Linear linear2;
    LayerNorm norm1;
    LayerNorm norm2;
    Dropout dropout1;
    Dropout dropout2;
    Module activation; // only when the activation is a module; a named one ("relu", "gelu") is a function


    public TransformerEncoderLayer(long dModel, int nhead) {
        this.dModel = Args.positive("TransformerEncoderLayer", "d_model", dModel);
        this.nhead = Args.positive("TransformerEncoderLayer", "nhead", nhead);
        self_attn = new MultiheadAttention(dModel, nhead).dropout(dropoutProbability);
        buildFeedForward();
        norm1 = new LayerNorm(dModel).eps(layerNormEps);
        norm2 = new LayerNorm(dModel).eps(layerNormEps);
        buildDropouts();
    }

    public TransformerEncoderLayer(long dModel, int nhead, long dimFeedforward) {
        this(dModel, nhead);
        dimFeedforward(dimFeedforward);
    }

    public TransformerEncoderLayer(long dModel, int nhead, long dimFeedforward, double dropout) {
        this(dModel, nhead, dimFeedforward);
        dropout(dropout);
    }

    // ---------------------------------------------------------------- settings

    /** Width of the feed-forward block (new linear1 and linear2). */
    public TransformerEncoderLayer dimFeedforward(long value) {
        dimFeedforward = Args.positive("TransformerEncoderLayer", "dim_feedforward", value);
        buildFeedForward();
        return this;
    }

    /** One probability for the attention weights and the three dropout layers. */
    public TransformerEncoderLayer dropout(double p) {
        dropoutProbability = Args.probability("TransformerEncoderLayer", "dropout", p);
        self_attn.dropout(p);
        buildDropouts();
        return this;
    }

    /** "relu" or "gelu", applied as a function between linear1 and linear2. */
    public TransformerEncoderLayer activation(String name) {
        if (!"relu".equals(name) && !"gelu".equals(name)) {
            throw new IllegalArgumentException("TransformerEncoderLayer: activation should be \"relu\" or \"gelu\", not \""
                    + name + "\"");
        }
        activationName = name;
        activation = null;
        return this;
    }

    /** A module as activation: it becomes the sub-module {@code activation}, as in PyTorch. */
    public TransformerEncoderLayer activation(Module module) {
        if (module == null) throw new IllegalArgumentException("TransformerEncoderLayer: activation module is null");
        activation = module;
        activationName = null;
        return this;
    }

    public TransformerEncoderLayer layerNormEps(double eps) {
        layerNormEps = eps;
        norm1.eps(eps);
        norm2.eps(eps);
        return this;
    }

    /** Input and output as [N, L, E] instead of [L, N, E]. */
    public TransformerEncoderLayer batchFirst(boolean on) {
        batchFirst = on;
        self_attn.batchFirst(on);
        return this;
    }

    /** Normalise before each block (pre-norm) instead of after it. */
    public TransformerEncoderLayer normFirst(boolean on) {
        normFirst = on;
        return this;
    }

    private void buildFeedForward() {
        linear1 = new Linear(dModel, dimFeedforward);
        linear2 = new Linear(dimFeedforward, dModel);
    }

    private void buildDropouts() {
        dropout = new Dropout(dropoutProbability);
        dropout1 = new Dropout(dropoutProbability);
        dropout2 = new Dropout(dropoutProbability);
    }

    public long dModel() { return dModel; }

    public int nhead() { return nhead; }

    public MultiheadAttention selfAttn() { return self_attn; }

    /**
     * A new layer with the same settings, like {@code copy.deepcopy}: parameter values the source
     * already has are copied; parameters it has not materialised yet are initialised anew in the copy.
     * An activation given as a module is shared, not copied.
     */
    public TransformerEncoderLayer copy() {
        var copy = new TransformerEncoderLayer(dModel, nhead).dimFeedforward(dimFeedforward).dropout(dropoutProbability)
                .layerNormEps(layerNormEps).batchFirst(batchFirst).normFirst(normFirst);
        if (activation != null) copy.activation(activation); else copy.activation(activationName);
        var targets = copy.namedParameters();
        for (var e : namedParameters().entrySet()) {
            if (e.getValue().isMaterialized()) targets.get(e.getKey()).set(Tensor.of(e.getValue().data().nd().dup()));
            targets.get(e.getKey()).requiresGrad(e.getValue().requiresGrad());
        }
        copy.train(isTraining());
        return copy;
    }

    // ---------------------------------------------------------------- calling

    /** {@code apply(src, srcMask, srcKeyPaddingMask)}, where either mask may be null. */
    public Tensor applyWithMasks(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        return apply(src, srcMask, srcKeyPaddingMask);
    }

    @Override public Tensor forward(Tensor... inputs) {
        EncoderInputs in = EncoderInputs.of(typeName(), inputs);
        Tensor srcMask = in.mask(), keyPaddingMask = in.keyPaddingMask();
        Tensor x = in.src();
        if (normFirst) {
            x = x.add(selfAttentionBlock(norm1.apply(x), srcMask, keyPaddingMask));
            return x.add(feedForwardBlock(norm2.apply(x)));
        }
        x = norm1.apply(x.add(selfAttentionBlock(x, srcMask, keyPaddingMask)));
        return norm2.apply(x.add(feedForwardBlock(x)));
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor attnMask, Tensor keyPaddingMask) {
        Tensor attended = attnMask == null && keyPaddingMask == null ? self_attn.apply(x, x, x)
                : self_attn.applyWithMasks(x, x, x, keyPaddingMask, attnMask);
        return dropout1.apply(attended);
    }

    private static final Module FUSED_GELU = new GELU(), FUSED_RELU = new ReLU(); // issue 11 (tf): post-op kinds only, never called

    private Tensor feedForwardBlock(Tensor x) {
        Tensor fused = activation == null && !Module.everyCallObserved() // issue 11 (tf): linear1 → relu/gelu as one matmul in eval
                ? LinearFusion.run(linear1, "gelu".equals(activationName) ? FUSED_GELU : FUSED_RELU, x) : null;
        Tensor hidden = fused != null ? fused : linear1.apply(x);
        if (fused == null) hidden = activation != null ? activation.apply(hidden)
                : "gelu".equals(activationName) ? F.gelu(hidden) : F.relu(hidden);
        return dropout2.apply(linear2.apply(dropout.apply(hidden)));
    }

    // --- issue 9: getters ---
    public long dimFeedforward() { return dimFeedforward; }
    public String activation() { return activationName; }
    public double layerNormEps() { return layerNormEps; }
    public boolean batchFirst() { return batchFirst; }
    public boolean normFirst() { return normFirst; }
}
