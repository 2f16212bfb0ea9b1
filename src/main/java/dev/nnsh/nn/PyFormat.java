package dev.nnsh.nn;

/**
 * The old package-private home of the Python-style formatting, now {@link dev.nnsh.tensor.PyFormat}.
 * Kept only so layer code written against it before the move still compiles when merged; new code
 * imports dev.nnsh.tensor.PyFormat. Delete once nothing uses it.
 */
final class PyFormat {
    private PyFormat() {}

    static String floatRepr(double v) { return dev.nnsh.tensor.PyFormat.floatRepr(v); }

    static String bool(boolean b) { return dev.nnsh.tensor.PyFormat.bool(b); }

    static String tuple(long[] values) { return dev.nnsh.tensor.PyFormat.tuple(values); }
}
