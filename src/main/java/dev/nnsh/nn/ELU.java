package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** x for x > 0, α·(eˣ − 1) otherwise, {@code nn.ELU(alpha=1.0, inplace=False)}. */
public class ELU extends Module {
    private final double alpha;

    public ELU() { this(1.0); }

    public ELU(double alpha) {
        if (!(alpha > 0)) throw new IllegalArgumentException("ELU: alpha must be positive here, got " + alpha);
        this.alpha = alpha;
    }

    /** For α > 0: relu(x) + min(0, α·(eˣ − 1)), which is x above 0 and α·(eˣ − 1) below. */
    @Override public Tensor forward(Tensor x) {
        return x.relu().add(Elementwise.clampMax(x.exp().sub(1).mul(alpha), 0));
    }

    @Override public String extraRepr() { return "alpha=" + PyFormat.floatRepr(alpha); }
}
