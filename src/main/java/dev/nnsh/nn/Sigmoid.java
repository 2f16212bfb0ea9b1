package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** 1/(1 + e^−x), {@code nn.Sigmoid()}. */
public class Sigmoid extends Module {
    @Override public Tensor forward(Tensor x) { return F.sigmoid(x); }
}
