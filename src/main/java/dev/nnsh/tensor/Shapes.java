package dev.nnsh.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by every operation: the rules are PyTorch's. */
public final class Shapes {
    private Shapes() {}

    public static String format(long[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }

    public static long numel(long[] shape) {
        long n = 1;
        for (long s : shape) n = Math.multiplyExact(n, s);
        return n;
    }

    /** A dim in [-rank, rank) as a dim in [0, rank); {@code what} names the operation for the error. */
    public static int normalizeDim(int dim, int rank, String what) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new ShapeException(what + ": dimension out of range (expected to be in range of ["
                    + (-r) + ", " + (r - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    /** PyTorch broadcasting: align from the right; sizes must match or be 1. */
    public static long[] broadcast(long[] a, long[] b, String what) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (x != y && x != 1 && y != 1) {
                throw new ShapeException(what + ": shapes " + format(a) + " and " + format(b)
                        + " cannot be broadcast (size " + x + " vs " + y + " at dimension " + i + ")");
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    /** The shape of view/reshape with at most one -1 inferred from the element count. */
    public static long[] inferView(long[] from, long[] requested, String what) {
        long[] out = requested.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (inferred >= 0) throw new ShapeException(what + ": only one dimension can be inferred (-1), got "
                        + format(requested));
                inferred = i;
            } else if (out[i] < 0) {
                throw new ShapeException(what + ": invalid size " + out[i] + " in " + format(requested));
            } else {
                known *= out[i];
            }
        }
        long total = numel(from);
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw new ShapeException(what + ": shape " + format(requested) + " is invalid for input of size "
                        + total + " (shape " + format(from) + ")");
            }
            out[inferred] = total / known;
        } else if (known != total) {
            throw new ShapeException(what + ": shape " + format(requested) + " is invalid for input of size "
                    + total + " (shape " + format(from) + ")");
        }
        return out;
    }

    public static long[] checkSizes(long[] shape, String what) {
        for (long s : shape) {
            if (s < 0) throw new ShapeException(what + ": negative dimension " + s + " in " + format(shape));
        }
        return shape.clone();
    }

    public static long[] remove(long[] shape, int dim) {
        long[] out = new long[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != dim) out[j++] = shape[i];
        return out;
    }

    public static long[] insert(long[] shape, int dim, long size) {
        long[] out = new long[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) out[i] = i == dim ? size : shape[j++];
        return out;
    }

    public static boolean same(long[] a, long[] b) { return Arrays.equals(a, b); }
}
