package dev.nnsh.nn;

import dev.nnsh.ops.ElementwiseKernels;
import dev.nnsh.tensor.Tensor;

/** x·tanh(softplus(x)), {@code nn.Mish(inplace=False)}. */
public class Mish extends Module {
    @Override public Tensor forward(Tensor x) { return x.derive(x.shape(), x.dtype(), ElementwiseKernels::mish); }
}
