package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.ops.ActivationOps;
import dev.nnsh.tensor.Tensor;

/** x for x > 0, α·(eˣ − 1) otherwise, {@code nn.ELU(alpha=1.0, inplace=False)}. */
public class ELU extends Module {
    private final double alpha;

    public ELU() { this(1.0); }

    public ELU(double alpha) {
        if (!(alpha > 0)) throw new IllegalArgumentException("ELU: alpha must be positive here, got " + alpha);
        this.alpha = alpha;
    }

    @Override public Tensor forward(Tensor x) { return ActivationOps.elu(x, alpha); }

    @Override public String extraRepr() { return "alpha=" + PyFormat.floatRepr(alpha); }
}
