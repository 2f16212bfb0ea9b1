package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

/**
 * {@code nn.Dropout2d(p=0.5, inplace=False)}: in training, zeroes whole channels of [N, C, H, W]
 * (or [N, C, L]) input with probability p and scales the rest by 1/(1−p); identity in eval mode.
 */
public class Dropout2d extends Module {
    private final double p;
    private boolean inplace;

    public Dropout2d() { this(0.5); }

    public Dropout2d(double p) { this.p = Args.probability(typeName(), "p (dropout probability)", p); }

    public Dropout2d(double p, boolean inplace) {
        this(p);
        this.inplace = inplace;
    }

    public Dropout2d inplace(boolean on) {
        inplace = on;
        return this;
    }

    public double p() { return p; }

    @Override public Tensor forward(Tensor x) { return F.dropout2d(x, p, isTraining()); }

    @Override public String extraRepr() { return "p=" + PyFormat.floatRepr(p) + ", inplace=" + PyFormat.bool(inplace); }
}
