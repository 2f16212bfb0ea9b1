package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** x·σ(x), {@code nn.SiLU(inplace=False)}; inplace only changes the printed form. */
public class SiLU extends Module {
    private boolean inplace;

    public SiLU() {}

    public SiLU(boolean inplace) { this.inplace = inplace; }

    public SiLU inplace(boolean on) {
        inplace = on;
        return this;
    }

    @Override public Tensor forward(Tensor x) { return F.silu(x); }

    @Override public String extraRepr() { return inplace ? "inplace=True" : ""; }
}
