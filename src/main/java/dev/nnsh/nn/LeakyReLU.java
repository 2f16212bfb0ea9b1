package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

/** x for x ≥ 0, negative_slope·x otherwise; {@code nn.LeakyReLU(negative_slope=0.01, inplace=False)}. */
public class LeakyReLU extends Module {
    private final double negativeSlope;
    private boolean inplace;

    public LeakyReLU() { this(0.01); }

    public LeakyReLU(double negativeSlope) { this.negativeSlope = negativeSlope; }

    public LeakyReLU(double negativeSlope, boolean inplace) {
        this(negativeSlope);
        this.inplace = inplace;
    }

    public LeakyReLU inplace(boolean on) {
        inplace = on;
        return this;
    }

    public double negativeSlope() { return negativeSlope; }

    @Override public Tensor forward(Tensor x) { return F.leakyRelu(x, negativeSlope); }

    @Override public String extraRepr() {
        return "negative_slope=" + PyFormat.floatRepr(negativeSlope) + (inplace ? ", inplace=True" : "");
    }

    // --- issue 9: getters ---
    public boolean inplace() { return inplace; }
}
