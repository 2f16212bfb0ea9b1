package dev.nnsh.nn;

import dev.nnsh.ops.ActivationOps;
import dev.nnsh.tensor.Tensor;

/** x·tanh(softplus(x)), {@code nn.Mish(inplace=False)}. */
public class Mish extends Module {
    @Override public Tensor forward(Tensor x) { return ActivationOps.mish(x); }
}
