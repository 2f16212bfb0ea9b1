package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.tensor.PyFormat;

/**
 * What the dropout layers share, like PyTorch's {@code _DropoutNd}: the probability p (default 0.5),
 * the inplace flag (printed; the result is always a new tensor) and {@code extra_repr}.
 */
public abstract class DropoutNd<T extends DropoutNd<T>> extends Module {
    private final double p;
    private boolean inplace;

    protected DropoutNd(double p) { this.p = Args.probability(typeName(), "p (dropout probability)", p); }

    @SuppressWarnings("unchecked")
    public T inplace(boolean on) {
        inplace = on;
        return (T) this;
    }

    public double p() { return p; }

    @Override public String extraRepr() { return "p=" + PyFormat.floatRepr(p) + ", inplace=" + PyFormat.bool(inplace); }
}
