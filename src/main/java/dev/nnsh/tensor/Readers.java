package dev.nnsh.tensor;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Reading values out of a real tensor into Java: flat arrays and nested lists, like {@code tolist()}. */
final class Readers {
    private Readers() {}

    private static INDArray flat(Tensor t, DType as) {
        return t.nd().castTo(as.nd4j()).dup('c').reshape(Math.max(1, t.numel()));
    }

    static float[] floats(Tensor t) { return t.numel() == 0 ? new float[0] : flat(t, DType.FLOAT32).toFloatVector(); }

    static double[] doubles(Tensor t) { return t.numel() == 0 ? new double[0] : flat(t, DType.FLOAT64).toDoubleVector(); }

    static long[] longs(Tensor t) {
        if (t.numel() == 0) return new long[0];
        INDArray a = t.dtype().isFloatingPoint() ? flat(t, DType.FLOAT64) : flat(t, DType.INT64);
        if (t.dtype().isFloatingPoint()) {
            double[] d = a.toDoubleVector();
            long[] out = new long[d.length];
            for (int i = 0; i < d.length; i++) out[i] = (long) d[i]; // truncation toward zero, as PyTorch's .long()
            return out;
        }
        return a.toLongVector();
    }

    /** Nested lists of Double (floating), Long (integer) or Boolean (bool); a 0-dim tensor gives the number. */
    static Object toList(Tensor t) {
        double[] d = doubles(t);
        long[] l = t.dtype().isFloatingPoint() ? null : longs(t);
        int[] pos = {0};
        return nest(t.shape(), 0, t.dtype(), d, l, pos);
    }

    private static Object nest(long[] shape, int dim, DType type, double[] d, long[] l, int[] pos) {
        if (dim == shape.length) {
            int i = pos[0]++;
            if (type == DType.BOOL) return d[i] != 0;
            return type.isFloatingPoint() ? (Object) d[i] : (Object) l[i];
        }
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < shape[dim]; i++) out.add(nest(shape, dim + 1, type, d, l, pos));
        return out;
    }
}
