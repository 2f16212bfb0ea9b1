package dev.nnsh.nn;

/** Constructor argument checks with messages that name the layer and the argument. */
final class Args {
    private Args() {}

    static long positive(String layer, String arg, long value) {
        if (value <= 0) throw new IllegalArgumentException(layer + ": " + arg + " must be positive, got " + value);
        return value;
    }

    static int positive(String layer, String arg, int value) {
        if (value <= 0) throw new IllegalArgumentException(layer + ": " + arg + " must be positive, got " + value);
        return value;
    }

    static int nonNegative(String layer, String arg, int value) {
        if (value < 0) throw new IllegalArgumentException(layer + ": " + arg + " must be non-negative, got " + value);
        return value;
    }

    static double probability(String layer, String arg, double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException(layer + ": " + arg + " must be between 0 and 1, got " + p);
        return p;
    }

    /** Each entry positive (kernel sizes, strides, dilations), for functional forms given arrays. */
    static int[] positive(String op, String arg, int[] values) {
        for (int v : values) positive(op, arg, v);
        return values;
    }

    static int[] nonNegative(String op, String arg, int[] values) {
        for (int v : values) nonNegative(op, arg, v);
        return values;
    }

    /** Pooling: PyTorch requires padding ≤ ⌊kernel/2⌋ in every dim. */
    static void padAtMostHalfKernel(String op, int[] padding, int[] kernel) {
        for (int i = 0; i < padding.length; i++) {
            if (padding[i] > kernel[i] / 2) {
                throw new IllegalArgumentException(op + ": padding should be at most half of kernel_size, got padding "
                        + padding[i] + " for kernel_size " + kernel[i]);
            }
        }
    }

    /** A tuple as Python prints it: {@code (3,)}, {@code (1, 2)}. */
    static String tuple(int[] v) {
        if (v.length == 1) return "(" + v[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? ", " : "").append(v[i]);
        return sb.append(')').toString();
    }

    /** What PyTorch prints for a size kept as given: an int, or a tuple. */
    static String intOrTuple(int[] v, boolean givenAsInt) { return givenAsInt ? String.valueOf(v[0]) : tuple(v); }

    static int[] filled(int dims, int value) {
        int[] v = new int[dims];
        java.util.Arrays.fill(v, value);
        return v;
    }

    /** (a, b) as PyTorch prints a pair. */
    static String pair(int[] v) { return "(" + v[0] + ", " + v[1] + ")"; }
}
