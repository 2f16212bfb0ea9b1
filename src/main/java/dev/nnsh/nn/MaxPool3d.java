package dev.nnsh.nn;

import dev.nnsh.ops.Pool3dKernel;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
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
        if (x.dim() != 5) {
            throw new ShapeException(typeName() + ": expected 5D input [N, C, D, H, W], got shape " + Shapes.format(x.shape()));
        }
        int[] k = kernelSize(), s = stride(), p = padding(), d = dilation();
        Args.padAtMostHalfKernel("MaxPool3d", p, k);
        long[] out = {x.size(0), x.size(1), 0, 0, 0};
        for (int i = 0; i < 3; i++) {
            long span = (long) d[i] * (k[i] - 1) + 1;
            long room = x.size(2 + i) + 2L * p[i] - span;
            if (room < 0) {
                throw new ShapeException(typeName() + ": input " + Shapes.format(x.shape()) + " is smaller than the window "
                        + Args.tuple(k) + " in spatial dim " + i);
            }
            long size = (ceilMode() ? Math.floorDiv(room + s[i] - 1, s[i]) : room / s[i]) + 1;
            // PyTorch: in ceil mode the last window must start inside the input or its left padding
            if (ceilMode() && (size - 1) * s[i] >= x.size(2 + i) + p[i]) size--;
            out[2 + i] = size;
        }
        return x.derive(out, x.dtype(), a -> Pool3dKernel.maxPool3d(a, k, s, p, d, out));
    }

    @Override public String extraRepr() {
        return window.repr(true) + ", dilation=" + window.dilation + ", ceil_mode=" + PyFormat.bool(window.ceilMode);
    }
}
