package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** {@code nn.Flatten(start_dim=1, end_dim=-1)}. */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    public Flatten() { this(1, -1); }

    public Flatten(int startDim) { this(startDim, -1); }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override public Tensor forward(Tensor x) { return x.flatten(startDim, endDim); }

    @Override public String extraRepr() { return "start_dim=" + startDim + ", end_dim=" + endDim; }

    // --- issue 9: getters ---
    public int startDim() { return startDim; }
    public int endDim() { return endDim; }
}
