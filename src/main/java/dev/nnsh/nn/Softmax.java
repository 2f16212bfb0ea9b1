package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** e^x normalised to sum 1 along {@code dim}, {@code nn.Softmax(dim)}. */
public class Softmax extends Module {
    private final int dim;

    public Softmax(int dim) { this.dim = dim; }

    public int dim() { return dim; }

    @Override public Tensor forward(Tensor x) { return F.softmax(x, dim); }

    @Override public String extraRepr() { return "dim=" + dim; }
}
