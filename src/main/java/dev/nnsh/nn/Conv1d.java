package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * 1-D convolution over [N, C, L], {@code nn.Conv1d(in_channels, out_channels, kernel_size, stride=1,
 * padding=0, dilation=1, groups=1, bias=True)}; keyword options are fluent setters.
 */
public class Conv1d extends ConvNd<Conv1d> {
    public Conv1d(long inChannels, long outChannels, int kernelSize) {
        super("Conv1d", inChannels, outChannels, new int[]{kernelSize}, false);
    }

    public Conv1d(long inChannels, long outChannels, int kernelSize, int stride) {
        this(inChannels, outChannels, kernelSize);
        stride(stride);
    }

    public Conv1d(long inChannels, long outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride);
        padding(padding);
    }

    public Conv1d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int dilation) {
        this(inChannels, outChannels, kernelSize, stride, padding);
        dilation(dilation);
    }

    public Conv1d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int dilation, int groups) {
        this(inChannels, outChannels, kernelSize, stride, padding, dilation);
        groups(groups);
    }

    public Conv1d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean bias) {
        this(inChannels, outChannels, kernelSize, stride, padding, dilation, groups);
        bias(bias);
    }

    @Override public Tensor forward(Tensor x) {
        Parameter w = ownParameters().get("weight");
        Parameter b = ownParameters().get("bias");
        return F.conv1d(x, w.valueFor(x), b == null ? null : b.valueFor(x), stride[0], effectivePadding(), dilation[0], groups);
    }
}
