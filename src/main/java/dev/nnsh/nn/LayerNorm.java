package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.ops.NormOps;
import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

/**
 * Normalises over the trailing dimensions {@code normalized_shape}, {@code nn.LayerNorm(normalized_shape,
 * eps=1e-05, elementwise_affine=True, bias=True)}; weight 1 and bias 0 of that shape.
 */
public class LayerNorm extends Module {
    private final long[] normalizedShape;
    private double eps = 1e-5;
    private boolean elementwiseAffine = true;
    private boolean bias = true;

    public LayerNorm(long... normalizedShape) {
        if (normalizedShape.length == 0) throw new IllegalArgumentException("LayerNorm: normalized_shape must not be empty");
        for (long s : normalizedShape) Args.positive("LayerNorm", "normalized_shape", s);
        this.normalizedShape = normalizedShape.clone();
        resetParameters();
    }

    public LayerNorm eps(double value) {
        eps = value;
        return this;
    }

    public LayerNorm elementwiseAffine(boolean on) {
        elementwiseAffine = on;
        resetParameters();
        return this;
    }

    /** Whether the affine part has a bias (PyTorch 2.1's {@code bias} argument). */
    public LayerNorm bias(boolean on) {
        bias = on;
        resetParameters();
        return this;
    }

    public long[] normalizedShape() { return normalizedShape.clone(); }

    private void resetParameters() {
        if (elementwiseAffine) addParameter("weight", Init.constant(1), normalizedShape);
        else removeParameter("weight");
        if (elementwiseAffine && bias) addParameter("bias", Init.constant(0), normalizedShape);
        else removeParameter("bias");
    }

    @Override public Tensor forward(Tensor x) {
        Parameter w = ownParameters().get("weight");
        Parameter b = ownParameters().get("bias");
        return NormOps.layerNorm(typeName(), x, normalizedShape, w == null ? null : w.valueFor(x),
                b == null ? null : b.valueFor(x), eps);
    }

    @Override public String extraRepr() {
        return PyFormat.tuple(normalizedShape) + ", eps=" + PyFormat.floatRepr(eps) + ", elementwise_affine="
                + PyFormat.bool(elementwiseAffine);
    }

    // --- issue 9: getters ---
    public double eps() { return eps; }

    public boolean elementwiseAffine() { return elementwiseAffine; }
}
