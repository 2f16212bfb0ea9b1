package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * 2-D convolution, {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * dilation=1, groups=1, bias=True)}; keyword options are fluent setters.
 */
public class Conv2d extends Module implements Windowed, Grouped {
    private final long inChannels;
    private final long outChannels;
    private int[] kernel;
    private int[] stride = {1, 1};
    private int[] padding = {0, 0};
    private boolean samePadding;
    private int[] dilation = {1, 1};
    private int groups = 1;
    private boolean bias = true;

    public Conv2d(long inChannels, long outChannels, int kernelSize) {
        this.inChannels = Args.positive("Conv2d", "in_channels", inChannels);
        this.outChannels = Args.positive("Conv2d", "out_channels", outChannels);
        this.kernel = new int[]{Args.positive("Conv2d", "kernel_size", kernelSize), kernelSize};
        resetParameters();
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

    public Conv2d kernelSize(int kH, int kW) {
        kernel = new int[]{Args.positive("Conv2d", "kernel_size", kH), Args.positive("Conv2d", "kernel_size", kW)};
        resetParameters();
        return this;
    }

    public Conv2d stride(int s) { return stride(s, s); }

    public Conv2d stride(int sH, int sW) {
        stride = new int[]{Args.positive("Conv2d", "stride", sH), Args.positive("Conv2d", "stride", sW)};
        checkSame();
        return this;
    }

    public Conv2d padding(int p) { return padding(p, p); }

    public Conv2d padding(int pH, int pW) {
        padding = new int[]{Args.nonNegative("Conv2d", "padding", pH), Args.nonNegative("Conv2d", "padding", pW)};
        samePadding = false;
        return this;
    }

    /** {@code "same"} (output size = input size, stride 1 only) or {@code "valid"} (no padding). */
    public Conv2d padding(String mode) {
        switch (mode) {
            case "same" -> samePadding = true;
            case "valid" -> padding(0);
            default -> throw new IllegalArgumentException("Conv2d: padding must be \"same\", \"valid\" or a number, got \"" + mode + "\"");
        }
        checkSame();
        return this;
    }

    public Conv2d dilation(int d) { return dilation(d, d); }

    public Conv2d dilation(int dH, int dW) {
        dilation = new int[]{Args.positive("Conv2d", "dilation", dH), Args.positive("Conv2d", "dilation", dW)};
        return this;
    }

    public Conv2d groups(int g) {
        Args.positive("Conv2d", "groups", g);
        if (inChannels % g != 0) throw new IllegalArgumentException("Conv2d: in_channels (" + inChannels + ") must be divisible by groups (" + g + ")");
        if (outChannels % g != 0) throw new IllegalArgumentException("Conv2d: out_channels (" + outChannels + ") must be divisible by groups (" + g + ")");
        groups = g;
        resetParameters();
        return this;
    }

    public Conv2d bias(boolean on) {
        bias = on;
        resetParameters();
        return this;
    }

    private void checkSame() {
        if (samePadding && (stride[0] != 1 || stride[1] != 1)) {
            throw new IllegalArgumentException("Conv2d: padding=\"same\" is not supported for strided convolutions (stride "
                    + Args.pair(stride) + ")");
        }
    }

    private void resetParameters() {
        long fanIn = inChannels / groups * kernel[0] * kernel[1];
        addParameter("weight", Init.kaimingUniformDefault(fanIn), outChannels, inChannels / groups, kernel[0], kernel[1]);
        if (bias) addParameter("bias", Init.kaimingUniformDefault(fanIn), outChannels);
        else removeParameter("bias");
    }

    @Override public int[] kernelSize() { return kernel.clone(); }

    @Override public int groups() { return groups; }

    /** {top, bottom, left, right}; "same" puts the odd extra pixel on the bottom/right, as PyTorch does. */
    private int[] effectivePadding() {
        if (!samePadding) return new int[]{padding[0], padding[0], padding[1], padding[1]};
        int totalH = dilation[0] * (kernel[0] - 1), totalW = dilation[1] * (kernel[1] - 1);
        return new int[]{totalH / 2, totalH - totalH / 2, totalW / 2, totalW - totalW / 2};
    }

    @Override public Tensor forward(Tensor x) {
        Parameter w = ownParameters().get("weight");
        Parameter b = ownParameters().get("bias");
        return F.conv2d(x, w.valueFor(x), b == null ? null : b.valueFor(x), stride, effectivePadding(), dilation, groups);
    }

    @Override public String extraRepr() {
        StringBuilder sb = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(Args.pair(kernel)).append(", stride=").append(Args.pair(stride));
        if (samePadding) sb.append(", padding=same");
        else if (padding[0] != 0 || padding[1] != 0) sb.append(", padding=").append(Args.pair(padding));
        if (dilation[0] != 1 || dilation[1] != 1) sb.append(", dilation=").append(Args.pair(dilation));
        if (groups != 1) sb.append(", groups=").append(groups);
        if (!bias) sb.append(", bias=False");
        return sb.toString();
    }
}
