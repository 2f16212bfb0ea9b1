package dev.nnsh.ops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Element-wise ND4J kernels for activations that need more than Tensor's operations (Mish). */
public final class ElementwiseKernels {
    private ElementwiseKernels() {}

    /** x·tanh(softplus(x)), softplus(x) = log(1 + eˣ) (taken as x above 20, as PyTorch's threshold). */
    public static INDArray mish(INDArray a) {
        INDArray x = a.dup();
        INDArray softplus = Transforms.log(Transforms.exp(x.dup(), false).addi(1), false);
        INDArray large = x.gt(20).castTo(x.dataType());
        softplus = softplus.muli(large.rsub(1)).addi(x.mul(large));
        return x.muli(Transforms.tanh(softplus, false));
    }
}
