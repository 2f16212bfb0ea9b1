package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.ops.PoolOps;
import dev.nnsh.tensor.Tensor;

/**
 * {@code nn.MaxPool3d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)} over
 * [N, C, D, H, W]; stride defaults to the kernel; padding at most half the kernel.
 */
public class MaxPool3d extends PoolLayer {
    public MaxPool3d(int kernelSize) {
        super("MaxPool3d", 3);
        window.kernel(kernelSize);
    }

    public MaxPool3d(int kernelSize, int stride) {
        this(kernelSize);
        window.stride(stride);
    }

    public MaxPool3d(int kernelSize, int stride, int padding) {
        this(kernelSize, stride);
        window.padding(padding);
    }

    public MaxPool3d ceilMode(boolean on) {
        window.ceilMode = on;
        return this;
    }

    @Override public Tensor forward(Tensor x) {
        return PoolOps.maxPool3d(typeName(), x, kernelSize(), stride(), padding(), dilation(), ceilMode());
    }

    @Override public String extraRepr() {
        return window.repr(true) + ", dilation=" + window.dilation + ", ceil_mode=" + PyFormat.bool(window.ceilMode);
    }
}
