package dev.nnsh.nn;

import dev.nnsh.ops.Conv3dKernel;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * 3-D convolution over [N, C, D, H, W], {@code nn.Conv3d(in_channels, out_channels, kernel_size,
 * stride=1, padding=0, dilation=1, groups=1, bias=True)}; weight [out, in/groups, kD, kH, kW].
 * Per-dim arguments are fluent setters taking (d, h, w).
 */
public class Conv3d extends ConvNd<Conv3d> {
    public Conv3d(long inChannels, long outChannels, int kernelSize) {
        super("Conv3d", inChannels, outChannels, new int[]{kernelSize, kernelSize, kernelSize}, false);
    }

    public Conv3d(long inChannels, long outChannels, int kernelSize, int stride) {
        this(inChannels, outChannels, kernelSize);
        stride(stride);
    }

    public Conv3d(long inChannels, long outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride);
        padding(padding);
    }

    public Conv3d kernelSize(int kD, int kH, int kW) { return setKernel(new int[]{kD, kH, kW}); }

    public Conv3d stride(int sD, int sH, int sW) { return setStride(new int[]{sD, sH, sW}); }

    public Conv3d padding(int pD, int pH, int pW) { return setPadding(new int[]{pD, pH, pW}); }

    public Conv3d dilation(int dD, int dH, int dW) { return setDilation(new int[]{dD, dH, dW}); }

    @Override public Tensor forward(Tensor x) {
        if (x.dim() != 5) {
            throw new ShapeException(typeName() + ": expected 5D input [N, C, D, H, W], got " + x.dim() + "D input of shape "
                    + Shapes.format(x.shape()));
        }
        if (x.size(1) != inChannels) {
            throw new ShapeException(typeName() + ": expected input with " + inChannels + " channels, got " + x.size(1)
                    + " (input shape " + Shapes.format(x.shape()) + ")");
        }
        int[] pad = padding();
        long[] out = {x.size(0), outChannels, 0, 0, 0};
        for (int i = 0; i < 3; i++) {
            long size = (x.size(2 + i) + 2L * pad[i] - (long) dilation[i] * (kernel[i] - 1) - 1) / stride[i] + 1;
            if (x.size(2 + i) + 2L * pad[i] < (long) dilation[i] * (kernel[i] - 1) + 1) {
                throw new ShapeException(typeName() + ": input " + Shapes.format(x.shape()) + " (padded) is smaller than the kernel "
                        + Args.tuple(kernel) + " in spatial dim " + i);
            }
            out[2 + i] = size;
        }
        Parameter w = ownParameters().get("weight");
        Parameter b = ownParameters().get("bias");
        Tensor wv = w.valueFor(x);
        Tensor bv = b == null ? null : b.valueFor(x);
        if (x.isShapeOnly()) return Tensor.shapeOnly(x.dtype(), out);
        return x.derive(out, x.dtype(), a -> Conv3dKernel.conv3d(a, wv.nd(), bv == null ? null : bv.nd(), stride, pad, dilation, groups, out));
    }
}
