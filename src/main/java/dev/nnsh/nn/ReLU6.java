package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** min(max(0, x), 6), {@code nn.ReLU6(inplace=False)}; inplace=True overwrites and returns the input, as in PyTorch. */
public class ReLU6 extends Module {
    private boolean inplace;

    public ReLU6() {}

    public ReLU6(boolean inplace) { this.inplace = inplace; }

    public ReLU6 inplace(boolean on) {
        inplace = on;
        return this;
    }

    @Override public Tensor forward(Tensor x) { return inplace ? dev.nnsh.tensor.InPlace.relu6(x, F::relu6) : F.relu6(x); }

    @Override public String extraRepr() { return inplace ? "inplace=True" : ""; }
}
