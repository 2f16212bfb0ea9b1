package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** log(softmax(x)) along {@code dim}, computed stably, {@code nn.LogSoftmax(dim)}. */
public class LogSoftmax extends Module {
    private final int dim;

    public LogSoftmax(int dim) { this.dim = dim; }

    public int dim() { return dim; }

    @Override public Tensor forward(Tensor x) { return F.logSoftmax(x, dim); }

    @Override public String extraRepr() { return "dim=" + dim; }
}
