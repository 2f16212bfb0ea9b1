package dev.nnsh.ops;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;

/** Output sizes of sliding-window operations (convolution, pooling), PyTorch's formulas. */
public final class Window {
    private Window() {}

    /**
     * ⌊(in + 2·pad − dilation·(kernel−1) − 1) / stride⌋ + 1, or ⌈…⌉ with ceil mode, where a last
     * window that would start inside the right padding is dropped.
     */
    public static long outputSize(String what, long[] inputShape, int dim, long in, int kernel, int stride,
                                  int padLeft, int padRight, int dilation, boolean ceilMode) {
        long span = (long) dilation * (kernel - 1) + 1;
        long padded = in + padLeft + padRight;
        if (padded < span) {
            throw new ShapeException(what + ": input " + Shapes.format(inputShape) + " is too small: size " + in
                    + " at dimension " + dim + " with padding " + padLeft + (padLeft == padRight ? "" : "+" + padRight)
                    + " is " + padded + ", smaller than the " + (dilation > 1 ? "dilated " : "") + "kernel size " + span);
        }
        long numerator = padded - span;
        long out = (ceilMode ? Math.floorDiv(numerator + stride - 1, stride) : Math.floorDiv(numerator, stride)) + 1;
        if (ceilMode && (out - 1) * stride >= in + padLeft) out--;
        return out;
    }
}
