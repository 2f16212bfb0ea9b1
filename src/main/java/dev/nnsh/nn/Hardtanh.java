package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.ops.ActivationOps;
import dev.nnsh.tensor.Tensor;

/** min(max(x, min_val), max_val), {@code nn.Hardtanh(min_val=-1.0, max_val=1.0, inplace=False)}. */
public class Hardtanh extends Module {
    private final double minVal;
    private final double maxVal;

    public Hardtanh() { this(-1.0, 1.0); }

    public Hardtanh(double minVal, double maxVal) {
        if (!(maxVal > minVal)) throw new IllegalArgumentException("Hardtanh: max_val (" + maxVal + ") must be larger than min_val (" + minVal + ")");
        this.minVal = minVal;
        this.maxVal = maxVal;
    }

    @Override public Tensor forward(Tensor x) { return ActivationOps.hardtanh(typeName(), x, minVal, maxVal); }

    @Override public String extraRepr() { return "min_val=" + PyFormat.floatRepr(minVal) + ", max_val=" + PyFormat.floatRepr(maxVal); }
}
