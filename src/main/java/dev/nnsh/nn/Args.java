package dev.nnsh.nn;

/**
 * The old package-private home of the argument checks, now {@link dev.nnsh.ops.Args} (and tuples in
 * {@link dev.nnsh.tensor.PyFormat}). Kept only so layer code written against it before the move
 * still compiles when merged; new code imports dev.nnsh.ops.Args. Delete once nothing uses it.
 */
final class Args {
    private Args() {}

    static long positive(String who, String arg, long value) { return dev.nnsh.ops.Args.positive(who, arg, value); }

    static int positive(String who, String arg, int value) { return dev.nnsh.ops.Args.positive(who, arg, value); }

    static int nonNegative(String who, String arg, int value) { return dev.nnsh.ops.Args.nonNegative(who, arg, value); }

    static double probability(String who, String arg, double p) { return dev.nnsh.ops.Args.probability(who, arg, p); }

    static int[] positive(String who, String arg, int[] values) { return dev.nnsh.ops.Args.positive(who, arg, values); }

    static int[] nonNegative(String who, String arg, int[] values) { return dev.nnsh.ops.Args.nonNegative(who, arg, values); }

    static void padAtMostHalfKernel(String who, int[] padding, int[] kernel) {
        dev.nnsh.ops.Args.padAtMostHalfKernel(who, padding, kernel);
    }

    static int[] filled(int dims, int value) { return dev.nnsh.ops.Args.filled(dims, value); }

    static String tuple(int[] v) { return dev.nnsh.tensor.PyFormat.tuple(v); }

    static String intOrTuple(int[] v, boolean givenAsInt) { return dev.nnsh.tensor.PyFormat.intOrTuple(v, givenAsInt); }

    static String pair(int[] v) { return dev.nnsh.tensor.PyFormat.tuple(v); }
}
