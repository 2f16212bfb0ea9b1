package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * 2-D convolution, {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * dilation=1, groups=1, bias=True)}; keyword options are fluent setters.
 */
public class Conv2d extends ConvNd<Conv2d> {
    public Conv2d(long inChannels, long outChannels, int kernelSize) {
        super("Conv2d", inChannels, outChannels, new int[]{kernelSize, kernelSize}, false);
    }

    public Conv2d(long inChannels, long outChannels, int kernelSize, int stride) {
        this(inChannels, outChannels, kernelSize);
        stride(stride);
    }

    public Conv2d(long inChannels, long outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride);
        padding(padding);
    }

    public Conv2d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int dilation) {
        this(inChannels, outChannels, kernelSize, stride, padding);
        dilation(dilation);
    }

    public Conv2d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int dilation, int groups) {
        this(inChannels, outChannels, kernelSize, stride, padding, dilation);
        groups(groups);
    }

    public Conv2d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean bias) {
        this(inChannels, outChannels, kernelSize, stride, padding, dilation, groups);
        bias(bias);
    }

    public Conv2d kernelSize(int kH, int kW) { return setKernel(new int[]{kH, kW}); }

    public Conv2d stride(int sH, int sW) { return setStride(new int[]{sH, sW}); }

    public Conv2d padding(int pH, int pW) { return setPadding(new int[]{pH, pW}); }

    public Conv2d dilation(int dH, int dW) { return setDilation(new int[]{dH, dW}); }

    @Override public Tensor forward(Tensor x) {
        Parameter w = ownParameters().get("weight");
        Parameter b = ownParameters().get("bias");
        return F.conv2d(x, w.valueFor(x), b == null ? null : b.valueFor(x), stride, effectivePadding(), dilation, groups);
    }
}
