package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.tensor.PyFormat;

/**
 * A pooling layer's window arguments, each remembered as given (an int or a tuple) because PyTorch
 * prints them so; stride defaults to the kernel size. Checks name the layer and the argument.
 */
final class PoolWindow {
    /** Sizes for each spatial dim, and whether they were given as one int. */
    record Size(int[] v, boolean givenAsInt) {
        int[] values() { return v.clone(); }

        @Override public String toString() { return PyFormat.intOrTuple(v, givenAsInt); }
    }

    private final String layer;
    private final int dims;
    Size kernel;
    private Size stride;
    Size padding;
    Size dilation;
    boolean ceilMode;

    PoolWindow(String layer, int dims) {
        this.layer = layer;
        this.dims = dims;
        padding = new Size(Args.filled(dims, 0), true);
        dilation = new Size(Args.filled(dims, 1), true);
    }

    void kernel(int... k) {
        kernel = size("kernel_size", k, 1);
        checkPadding();
    }

    void stride(int... s) { stride = size("stride", s, 1); }

    void padding(int... p) {
        padding = size("padding", p, 0);
        checkPadding();
    }

    void dilation(int... d) { dilation = size("dilation", d, 1); }

    Size stride() { return stride == null ? kernel : stride; }

    private Size size(String arg, int[] given, int min) {
        int[] v = given.length == 1 ? Args.filled(dims, given[0]) : given.clone();
        if (v.length != dims) throw new IllegalArgumentException(layer + ": " + arg + " needs 1 or " + dims + " values, got " + given.length);
        for (int x : v) {
            if (min == 1) Args.positive(layer, arg, x);
            else Args.nonNegative(layer, arg, x);
        }
        return new Size(v, given.length == 1);
    }

    private void checkPadding() {
        if (kernel != null) Args.padAtMostHalfKernel(layer, padding.v(), kernel.v());
    }

    /** "kernel_size=…, stride=…[, padding=…]". */
    String repr(boolean withPadding) {
        return "kernel_size=" + kernel + ", stride=" + stride() + (withPadding ? ", padding=" + padding : "");
    }
}
