package dev.nnsh.ops;

/** Argument checks with messages that name the layer or op and the argument. */
public final class Args {
    private Args() {}

    public static long positive(String who, String arg, long value) {
        if (value <= 0) throw new IllegalArgumentException(who + ": " + arg + " must be positive, got " + value);
        return value;
    }

    public static int positive(String who, String arg, int value) {
        if (value <= 0) throw new IllegalArgumentException(who + ": " + arg + " must be positive, got " + value);
        return value;
    }

    public static int nonNegative(String who, String arg, int value) {
        if (value < 0) throw new IllegalArgumentException(who + ": " + arg + " must be non-negative, got " + value);
        return value;
    }

    public static double probability(String who, String arg, double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException(who + ": " + arg + " must be between 0 and 1, got " + p);
        return p;
    }

    /** Each entry positive (kernel sizes, strides, dilations). */
    public static int[] positive(String who, String arg, int[] values) {
        for (int v : values) positive(who, arg, v);
        return values;
    }

    public static int[] nonNegative(String who, String arg, int[] values) {
        for (int v : values) nonNegative(who, arg, v);
        return values;
    }

    /** Pooling: PyTorch requires padding ≤ ⌊kernel/2⌋ in every dim. */
    public static void padAtMostHalfKernel(String who, int[] padding, int[] kernel) {
        for (int i = 0; i < padding.length; i++) {
            if (padding[i] > kernel[i] / 2) {
                throw new IllegalArgumentException(who + ": padding should be at most half of kernel_size, got padding "
                        + padding[i] + " for kernel_size " + kernel[i]);
            }
        }
    }

    public static int[] filled(int dims, int value) {
        int[] v = new int[dims];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
