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

    /** (a, b) as PyTorch prints a pair. */
    static String pair(int[] v) { return "(" + v[0] + ", " + v[1] + ")"; }
}
