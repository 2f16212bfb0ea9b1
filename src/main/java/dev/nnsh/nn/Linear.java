package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

/** y = x·Wᵀ + b, {@code nn.Linear(in_features, out_features, bias=True)}. */
public class Linear extends Module {
    private final long inFeatures;
    private final long outFeatures;
    private boolean bias = true;

    public Linear(long inFeatures, long outFeatures) {
        this.inFeatures = Args.positive("Linear", "in_features", inFeatures);
        this.outFeatures = Args.positive("Linear", "out_features", outFeatures);
        resetParameters();
    }

    public Linear(long inFeatures, long outFeatures, boolean bias) {
        this(inFeatures, outFeatures);
        bias(bias);
    }

    public Linear bias(boolean on) {
        bias = on;
        resetParameters();
        return this;
    }

    private void resetParameters() {
        addParameter("weight", Init.kaimingUniformDefault(inFeatures), outFeatures, inFeatures);
        if (bias) addParameter("bias", Init.kaimingUniformDefault(inFeatures), outFeatures);
        else removeParameter("bias");
    }

    public long inFeatures() { return inFeatures; }

    public long outFeatures() { return outFeatures; }

    @Override public Tensor forward(Tensor x) {
        Tensor fast = LinearFusion.run(this, null, x); // issue 11 (linear): eval forwards on oneDNN's matmul
        if (fast != null) return fast;
        Parameter b = ownParameters().get("bias");
        return F.linear(x, ownParameters().get("weight").valueFor(x), b == null ? null : b.valueFor(x));
    }

    @Override public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + PyFormat.bool(bias);
    }
}
