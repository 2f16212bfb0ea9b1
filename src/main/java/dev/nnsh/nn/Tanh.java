package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** {@code nn.Tanh()}. */
public class Tanh extends Module {
    @Override public Tensor forward(Tensor x) { return F.tanh(x); }
}
