package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * max(0, x), {@code nn.ReLU(inplace=False)}. The inplace flag is kept for printing only: the result
 * is always a new tensor, which gives the same values.
 */
public class ReLU extends Module {
    private boolean inplace;

    public ReLU() {}

    public ReLU(boolean inplace) { this.inplace = inplace; }

    public ReLU inplace(boolean on) {
        inplace = on;
        return this;
    }

    @Override public Tensor forward(Tensor x) { return F.relu(x); }

    @Override public String extraRepr() { return inplace ? "inplace=True" : ""; }
}
