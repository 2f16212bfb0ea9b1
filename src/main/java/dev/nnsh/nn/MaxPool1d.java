package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

/** {@code nn.MaxPool1d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)} over [N, C, L]. */
public class MaxPool1d extends PoolLayer {

    public MaxPool1d(int kernelSize) {
        super("MaxPool1d", 1);
        window.kernel(kernelSize);
    }

    public MaxPool1d(int kernelSize, int stride) {
        this(kernelSize);
        stride(stride);
    }

    public MaxPool1d(int kernelSize, int stride, int padding) {
        this(kernelSize, stride);
        padding(padding);
    }

    public MaxPool1d(int kernelSize, int stride, int padding, int dilation) {
        this(kernelSize, stride, padding);
        dilation(dilation);
    }

    public MaxPool1d stride(int s) { window.stride(s); return this; }

    public MaxPool1d padding(int p) { window.padding(p); return this; }

    public MaxPool1d dilation(int d) { window.dilation(d); return this; }

    public MaxPool1d ceilMode(boolean on) { window.ceilMode = on; return this; }

    @Override public boolean kernelGivenAsInt() { return true; }

    @Override public Tensor forward(Tensor x) {
        return F.maxPool1d(x, window.kernel.v()[0], window.stride().v()[0], window.padding.v()[0], window.dilation.v()[0],
                window.ceilMode);
    }

    @Override public String extraRepr() {
        return window.repr(true) + ", dilation=" + window.dilation + ", ceil_mode=" + PyFormat.bool(window.ceilMode);
    }
}
