package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

/** {@code nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)}; stride defaults to the kernel. */
public class MaxPool2d extends PoolLayer {

    public MaxPool2d(int kernelSize) {
        super("MaxPool2d", 2);
        window.kernel(kernelSize);
    }

    public MaxPool2d(int kernelSize, int stride) {
        this(kernelSize);
        stride(stride);
    }

    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(kernelSize, stride);
        padding(padding);
    }

    public MaxPool2d(int kernelSize, int stride, int padding, int dilation) {
        this(kernelSize, stride, padding);
        dilation(dilation);
    }

    public MaxPool2d kernelSize(int kH, int kW) { window.kernel(kH, kW); return this; }

    public MaxPool2d stride(int s) { window.stride(s); return this; }

    public MaxPool2d stride(int sH, int sW) { window.stride(sH, sW); return this; }

    public MaxPool2d padding(int p) { window.padding(p); return this; }

    public MaxPool2d padding(int pH, int pW) { window.padding(pH, pW); return this; }

    public MaxPool2d dilation(int d) { window.dilation(d); return this; }

    public MaxPool2d dilation(int dH, int dW) { window.dilation(dH, dW); return this; }

    public MaxPool2d ceilMode(boolean on) { window.ceilMode = on; return this; }

    @Override public Tensor forward(Tensor x) {
        return F.maxPool2d(x, window.kernel.values(), window.stride().values(), window.padding.values(),
                window.dilation.values(), window.ceilMode);
    }

    @Override public String extraRepr() {
        return window.repr(true) + ", dilation=" + window.dilation + ", ceil_mode=" + PyFormat.bool(window.ceilMode);
    }
}
