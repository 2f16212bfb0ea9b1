package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** {@code nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)}. */
public class MaxPool2d extends Module implements Windowed {
    private int[] kernel;
    private int[] stride;
    private int[] padding = {0, 0};
    private int[] dilation = {1, 1};
    private boolean ceilMode;
    private boolean squareKernel = true;

    public MaxPool2d(int kernelSize) {
        Args.positive("MaxPool2d", "kernel_size", kernelSize);
        kernel = new int[]{kernelSize, kernelSize};
        stride = kernel.clone();
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

    public MaxPool2d kernelSize(int kH, int kW) {
        kernel = new int[]{Args.positive("MaxPool2d", "kernel_size", kH), Args.positive("MaxPool2d", "kernel_size", kW)};
        squareKernel = false;
        return this;
    }

    public MaxPool2d stride(int s) { return stride(s, s); }

    public MaxPool2d stride(int sH, int sW) {
        stride = new int[]{Args.positive("MaxPool2d", "stride", sH), Args.positive("MaxPool2d", "stride", sW)};
        return this;
    }

    public MaxPool2d padding(int p) { return padding(p, p); }

    public MaxPool2d padding(int pH, int pW) {
        padding = new int[]{Args.nonNegative("MaxPool2d", "padding", pH), Args.nonNegative("MaxPool2d", "padding", pW)};
        for (int i = 0; i < 2; i++) {
            if (padding[i] * 2 > kernel[i]) {
                throw new IllegalArgumentException("MaxPool2d: padding (" + padding[i] + ") should be at most half of kernel_size ("
                        + kernel[i] + ")");
            }
        }
        return this;
    }

    public MaxPool2d dilation(int d) {
        dilation = new int[]{Args.positive("MaxPool2d", "dilation", d), d};
        return this;
    }

    public MaxPool2d ceilMode(boolean on) {
        ceilMode = on;
        return this;
    }

    @Override public int[] kernelSize() { return kernel.clone(); }

    @Override public boolean kernelGivenAsInt() { return squareKernel; }

    @Override public Tensor forward(Tensor x) {
        return F.maxPool2d(x, kernel, stride, padding, dilation, ceilMode);
    }

    private String value(int[] v) { return squareKernel && v[0] == v[1] ? String.valueOf(v[0]) : Args.pair(v); }

    @Override public String extraRepr() {
        return "kernel_size=" + value(kernel) + ", stride=" + value(stride) + ", padding=" + value(padding)
                + ", dilation=" + value(dilation) + ", ceil_mode=" + (ceilMode ? "True" : "False");
    }
}
