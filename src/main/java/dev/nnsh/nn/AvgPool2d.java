package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.tensor.Tensor;

/**
 * {@code nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
 * divisor_override=None)}; stride defaults to the kernel.
 */
public class AvgPool2d extends PoolLayer {
    private boolean countIncludePad = true;
    private int divisorOverride;

    public AvgPool2d(int kernelSize) {
        super("AvgPool2d", 2);
        window.kernel(kernelSize);
    }

    public AvgPool2d(int kernelSize, int stride) {
        this(kernelSize);
        stride(stride);
    }

    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(kernelSize, stride);
        padding(padding);
    }

    public AvgPool2d(int kernelSize, int stride, int padding, boolean ceilMode) {
        this(kernelSize, stride, padding);
        ceilMode(ceilMode);
    }

    public AvgPool2d(int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        this(kernelSize, stride, padding, ceilMode);
        countIncludePad(countIncludePad);
    }

    public AvgPool2d kernelSize(int kH, int kW) { window.kernel(kH, kW); return this; }

    public AvgPool2d stride(int s) { window.stride(s); return this; }

    public AvgPool2d stride(int sH, int sW) { window.stride(sH, sW); return this; }

    public AvgPool2d padding(int p) { window.padding(p); return this; }

    public AvgPool2d padding(int pH, int pW) { window.padding(pH, pW); return this; }

    public AvgPool2d ceilMode(boolean on) { window.ceilMode = on; return this; }

    /** Whether zero padding counts in the divisor (PyTorch's default: true). */
    public AvgPool2d countIncludePad(boolean on) { countIncludePad = on; return this; }

    /** A fixed divisor instead of the window size. */
    public AvgPool2d divisorOverride(int divisor) {
        divisorOverride = Args.positive("AvgPool2d", "divisor_override", divisor);
        return this;
    }

    /** Whether zero padding counts in the divisor. */ // issue 11 (dense): read by ChannelsLastPool
    public boolean countIncludePad() { return countIncludePad; }

    /** The fixed divisor, or 0 for the window size. */ // issue 11 (dense)
    public int divisorOverride() { return divisorOverride; }

    @Override public Tensor forward(Tensor x) {
        return F.avgPool2d(x, window.kernel.values(), window.stride().values(), window.padding.values(), window.ceilMode,
                countIncludePad, divisorOverride);
    }

    @Override public String extraRepr() { return window.repr(true); }
}
