package dev.nnsh.ops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Element-wise ND4J kernels for nn.Elementwise and the activation layers that need more than Tensor's operations. */
public final class ElementwiseKernels {
    private ElementwiseKernels() {}

    public static INDArray sqrt(INDArray a) { return Transforms.sqrt(a, true); }

    public static INDArray clampMax(INDArray a, double max) { return Transforms.min(a, max, true); }

    public static INDArray clampMin(INDArray a, double min) { return Transforms.max(a, min, true); }

    /** x·tanh(softplus(x)), softplus(x) = log(1 + eˣ) (taken as x above 20, as PyTorch's threshold). */
    public static INDArray mish(INDArray a) {
        INDArray x = a.dup();
        INDArray softplus = Transforms.log(Transforms.exp(x.dup(), false).addi(1), false);
        INDArray large = x.gt(20).castTo(x.dataType());
        softplus = softplus.muli(large.rsub(1)).addi(x.mul(large));
        return x.muli(Transforms.tanh(softplus, false));
    }
}
