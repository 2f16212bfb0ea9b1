package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * Transposed 2-D convolution, {@code nn.ConvTranspose2d(in_channels, out_channels, kernel_size,
 * stride=1, padding=0, output_padding=0, groups=1, bias=True, dilation=1)}; weight
 * [in, out/groups, kH, kW]; output size (H−1)·s − 2p + d·(k−1) + output_padding + 1.
 */
public class ConvTranspose2d extends ConvNd<ConvTranspose2d> {
    public ConvTranspose2d(long inChannels, long outChannels, int kernelSize) {
        super("ConvTranspose2d", inChannels, outChannels, new int[]{kernelSize, kernelSize}, true);
    }

    public ConvTranspose2d(long inChannels, long outChannels, int kernelSize, int stride) {
        this(inChannels, outChannels, kernelSize, stride, 0, 0, 1, true, 1);
    }

    public ConvTranspose2d(long inChannels, long outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, 0, 1, true, 1);
    }

    public ConvTranspose2d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int outputPadding) {
        this(inChannels, outChannels, kernelSize, stride, padding, outputPadding, 1, true, 1);
    }

    public ConvTranspose2d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int outputPadding,
                           int groups) {
        this(inChannels, outChannels, kernelSize, stride, padding, outputPadding, groups, true, 1);
    }

    public ConvTranspose2d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int outputPadding,
                           int groups, boolean bias) {
        this(inChannels, outChannels, kernelSize, stride, padding, outputPadding, groups, bias, 1);
    }

    public ConvTranspose2d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int outputPadding,
                           int groups, boolean bias, int dilation) {
        this(inChannels, outChannels, kernelSize);
        stride(stride);
        padding(padding);
        outputPadding(outputPadding);
        groups(groups);
        bias(bias);
        dilation(dilation);
        checkOutputPadding();
    }

    public ConvTranspose2d kernelSize(int kH, int kW) { return setKernel(new int[]{kH, kW}); }

    public ConvTranspose2d stride(int sH, int sW) { return setStride(new int[]{sH, sW}); }

    public ConvTranspose2d padding(int pH, int pW) { return setPadding(new int[]{pH, pW}); }

    public ConvTranspose2d dilation(int dH, int dW) { return setDilation(new int[]{dH, dW}); }

    /** Extra size added after the last row/column; must be smaller than stride or dilation (checked at forward). */
    public ConvTranspose2d outputPadding(int p) { return setOutputPadding(new int[]{p, p}); }

    public ConvTranspose2d outputPadding(int pH, int pW) { return setOutputPadding(new int[]{pH, pW}); }

    @Override public Tensor forward(Tensor x) {
        checkOutputPadding();
        Parameter w = ownParameters().get("weight");
        Parameter b = ownParameters().get("bias");
        return F.convTranspose2d(x, w.valueFor(x), b == null ? null : b.valueFor(x), stride, padding, outputPadding,
                groups, dilation);
    }
}
