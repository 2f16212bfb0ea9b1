package dev.nnsh.nn;

import dev.nnsh.ops.ConvOps;
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
        Parameter b = ownParameters().get("bias");
        return ConvOps.conv3d(typeName(), x, ownParameters().get("weight").valueFor(x), b == null ? null : b.valueFor(x), stride,
                padding(), dilation, groups);
    }
}
