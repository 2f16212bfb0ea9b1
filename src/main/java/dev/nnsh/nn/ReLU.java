package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** max(0, x). */
public class ReLU extends Module {
    @Override public Tensor forward(Tensor x) { return F.relu(x); }
}
