package dev.nnsh.tensor;

import java.util.function.BiFunction;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.CumSum;
import org.nd4j.linalg.factory.Nd4j;

/** Reductions over one, several or all dims, with keepdim: sum, mean, amax/amin, max/min with indices, std/var, prod, any/all. */
final class Reductions {
    private Reductions() {}

    /** The dims normalised (all dims when none given), each once. */
    static int[] dims(Tensor x, int[] dims, String what) {
        if (dims.length == 0 || x.dim() == 0) {
            int[] all = new int[x.dim()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            if (x.dim() == 0) for (int d : dims) Shapes.normalizeDim(d, 0, what);
            return all;
        }
        return Views.distinctDims(x, dims, what);
    }

    static long[] reducedShape(long[] shape, int[] dims, boolean keepdim) {
        boolean[] reduced = new boolean[shape.length];
        for (int d : dims) reduced[d] = true;
        int n = 0;
        for (int i = 0; i < shape.length; i++) if (keepdim || !reduced[i]) n++;
        long[] out = new long[n];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (!reduced[i]) out[j++] = shape[i];
            else if (keepdim) out[j++] = 1;
        }
        return out;
    }

    private static long count(long[] shape, int[] dims) {
        long n = 1;
        for (int d : dims) n *= shape[d];
        return n;
    }

    /** A reduction ND4J computes with {@code op(array, keepDims, dims)}; an empty reduction gives {@code empty}. */
    static Tensor reduce(Tensor x, int[] dims, boolean keepdim, DType type, String what, double empty,
                         BiFunction<INDArray, int[], INDArray> op) {
        int[] ds = dims(x, dims, what);
        long[] out = reducedShape(x.shape(), ds, keepdim);
        Tensor in = x.to(type);
        return in.derive(out, type, a -> {
            if (Shapes.numel(out) == 0) return Nd4j.create(type.nd4j(), out);
            if (count(x.shape(), ds) == 0 || x.numel() == 0) return Nd4j.valueArrayOf(out, empty, type.nd4j());
            if (ds.length == 0) return a.dup();
            return op.apply(a, ds);
        });
    }

    static DType sumType(Tensor x) { return x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64; }

    static DType floatType(Tensor x) { return x.dtype().isFloatingPoint() ? x.dtype() : DType.FLOAT32; }

    static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        return reduce(x, dims, keepdim, sumType(x), "sum()", 0, (a, d) -> a.sum(true, d));
    }

    static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a floating "
                    + "point or complex dtype. Got: " + x.dtype() + " (call toFloat() first)");
        }
        return reduce(x, dims, keepdim, floatType(x), "mean()", Double.NaN, (a, d) -> a.mean(true, d));
    }

    static Tensor prod(Tensor x, int[] dims, boolean keepdim) {
        return reduce(x, dims, keepdim, sumType(x), "prod()", 1, (a, d) -> a.prod(true, d));
    }

    static Tensor amax(Tensor x, int[] dims, boolean keepdim, boolean max) {
        String what = max ? "amax()" : "amin()";
        nonEmpty(x, dims(x, dims, what), what);
        return reduce(x, dims, keepdim, x.dtype() == DType.BOOL ? DType.BOOL : x.dtype(), what, 0,
                (a, d) -> max ? a.max(true, d) : a.min(true, d));
    }

    static Tensor extremeAll(Tensor x, boolean max) {
        String what = max ? "max()" : "min()";
        if (x.numel() == 0 && !x.isShapeOnly()) {
            throw new ShapeException(what + ": expected a non-empty tensor to reduce (shape " + Shapes.format(x.shape()) + ")");
        }
        if (x.numel() == 0) throw new ShapeException(what + ": expected a non-empty tensor to reduce (shape " + Shapes.format(x.shape()) + ")");
        return amax(x, new int[0], false, max);
    }

    private static void nonEmpty(Tensor x, int[] dims, String what) {
        for (int d : dims) {
            if (x.shape()[d] == 0) {
                throw new ShapeException(what + ": expected reduction dim " + d + " to have non-zero size (shape "
                        + Shapes.format(x.shape()) + ")");
            }
        }
        if (dims.length == 0 && x.numel() == 0) throw new ShapeException(what + ": expected a non-empty tensor to reduce");
    }

    /** max/min over a dim: values and the int64 position of the first extreme. */
    static ValuesIndices extremeDim(Tensor x, int dim, boolean keepdim, boolean max) {
        Tensor values = amax(x, new int[]{Shapes.normalizeDim(dim, x.dim(), max ? "max()" : "min()")}, keepdim, max);
        return new ValuesIndices(values, argExtreme(x, dim, keepdim, max));
    }

    static Tensor argExtreme(Tensor x, int dim, boolean keepdim, boolean max) {
        String what = max ? "argmax()" : "argmin()";
        int d = Shapes.normalizeDim(dim, x.dim(), what);
        if (x.dim() == 0) return x.derive(new long[0], DType.INT64, a -> Nd4j.scalar(0L));
        nonEmpty(x, new int[]{d}, what);
        long[] out = reducedShape(x.shape(), new int[]{d}, keepdim);
        return x.derive(out, DType.INT64, a -> x.numel() == 0 ? Nd4j.create(DType.INT64.nd4j(), out)
                : max ? Nd4j.argMax(a, d) : Nd4j.argMin(a, d));
    }

    /** Variance with {@code correction} (1: unbiased, PyTorch's default; 0: biased). */
    static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("var()/std(): input dtype should be floating point, got " + x.dtype());
        }
        int[] ds = dims(x, dims, "var()");
        long n = count(x.shape(), ds);
        double scale = n - correction <= 0 ? Double.NaN : n / (n - correction);
        return reduce(x, dims, keepdim, x.dtype(), "var()", Double.NaN, (a, d) -> {
            INDArray v = a.var(false, d);
            return v.muli(scale).reshape('c', reducedShape(x.shape(), ds, keepdim));
        });
    }

    static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        return var(x, dims, correction, keepdim).sqrt();
    }

    static Tensor cumsum(Tensor x, int dim) {
        int d = Shapes.normalizeDim(dim, x.dim(), "cumsum()");
        DType type = sumType(x);
        Tensor in = x.to(type);
        return in.derive(x.shape(), type, a -> {
            if (a.length() == 0 || x.dim() == 0) return a.dup();
            // ND4J's cumsum takes floating types only; integers go through float64 (exact below 2^53)
            DType work = type.isFloatingPoint() ? type : DType.FLOAT64;
            INDArray z = Nd4j.create(work.nd4j(), x.shape());
            Nd4j.exec(new CumSum(a.castTo(work.nd4j()).dup('c'), z, false, false, d));
            return z.castTo(type.nd4j());
        });
    }

    /** any (or all) over dims: a bool result. */
    static Tensor anyAll(Tensor x, int[] dims, boolean keepdim, boolean any) {
        String what = any ? "any()" : "all()";
        int[] ds = dims(x, dims, what);
        long[] out = reducedShape(x.shape(), ds, keepdim);
        Tensor truth = x.dtype() == DType.BOOL ? x : x.ne(0);
        Tensor counted = reduce(truth.to(DType.INT64), ds, keepdim, DType.INT64, what, 0, (a, d) -> a.sum(true, d));
        if (any) return counted.gt(0).reshape(out);
        long n = count(x.shape(), ds);
        return counted.eq(n).reshape(out);
    }
}
