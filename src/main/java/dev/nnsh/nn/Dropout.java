package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

/**
 * {@code nn.Dropout(p=0.5, inplace=False)}: identity in eval mode; in training, zeroes each element
 * with probability p and scales the rest by 1/(1−p). The result is always a new tensor.
 */
public class Dropout extends Module {
    private final double p;
    private boolean inplace;

    public Dropout() { this(0.5); }

    public Dropout(double p) { this.p = Args.probability(typeName(), "p (dropout probability)", p); }

    public Dropout(double p, boolean inplace) {
        this(p);
        this.inplace = inplace;
    }

    public Dropout inplace(boolean on) {
        inplace = on;
        return this;
    }

    public double p() { return p; }

    @Override public Tensor forward(Tensor x) { return F.dropout(x, p, isTraining()); }

    @Override public String extraRepr() { return "p=" + PyFormat.floatRepr(p) + ", inplace=" + PyFormat.bool(inplace); }
}
