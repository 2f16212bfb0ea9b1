package dev.nnsh.nn;

import dev.nnsh.ops.ActivationOps;
import dev.nnsh.tensor.Tensor;

/** relu6(x + 3)/6, {@code nn.Hardsigmoid(inplace=False)}; PyTorch prints it as {@code Hardsigmoid()} either way. */
public class Hardsigmoid extends Module {
    public Hardsigmoid() {}

    public Hardsigmoid(boolean inplace) {}

    @Override public Tensor forward(Tensor x) { return ActivationOps.hardsigmoid(x); }
}
