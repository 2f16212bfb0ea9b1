package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * max(0, x), {@code nn.ReLU(inplace=False)}. With inplace=True the input tensor is overwritten and
 * returned, as in PyTorch.
 */
public class ReLU extends Module {
    private boolean inplace;

    public ReLU() {}

    public ReLU(boolean inplace) { this.inplace = inplace; }

    public ReLU inplace(boolean on) {
        inplace = on;
        return this;
    }

    @Override public Tensor forward(Tensor x) { return inplace ? dev.nnsh.tensor.InPlace.relu(x) : F.relu(x); }

    @Override public String extraRepr() { return inplace ? "inplace=True" : ""; }
}
