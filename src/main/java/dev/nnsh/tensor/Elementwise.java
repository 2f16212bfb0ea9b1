package dev.nnsh.tensor;

import java.util.function.Function;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.RSqrt;
import org.nd4j.linalg.api.ops.impl.transforms.same.Reciprocal;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Rint;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Elementwise math: abs, neg, pow, sqrt, exp, log, erf, rounding, clamp, maximum/minimum. */
final class Elementwise {
    private Elementwise() {}

    /** A function that keeps the dtype (abs, neg, sign; floor/ceil/round of integers are the identity). */
    static Tensor same(Tensor x, Function<INDArray, INDArray> f) {
        return x.derive(x.shape(), x.dtype(), a -> a.length() == 0 ? a.dup() : f.apply(a));
    }

    /** A function with a floating-point result: integer inputs are computed as float32, like PyTorch. */
    static Tensor floating(Tensor x, Function<INDArray, INDArray> f) {
        DType type = x.dtype().isFloatingPoint() ? x.dtype() : DType.FLOAT32;
        Tensor in = x.to(type);
        return in.derive(in.shape(), type, a -> a.length() == 0 ? a.dup() : f.apply(a));
    }

    static Tensor abs(Tensor x) { return same(x, a -> Transforms.abs(a, true)); }
    static Tensor neg(Tensor x) {
        if (x.dtype() == DType.BOOL) throw new IllegalArgumentException("neg(): negation, the `-` operator, on a bool tensor is not supported; use logicalNot()");
        return same(x, a -> Transforms.neg(a, true));
    }
    static Tensor sign(Tensor x) { return same(x, a -> Transforms.sign(a, true)); }
    static Tensor sqrt(Tensor x) { return floating(x, a -> Transforms.sqrt(a, true)); }
    static Tensor rsqrt(Tensor x) { return floating(x, a -> Nd4j.exec(new RSqrt(a, a.ulike()))); }
    static Tensor exp(Tensor x) { return floating(x, a -> Transforms.exp(a, true)); }
    static Tensor log(Tensor x) { return floating(x, a -> Transforms.log(a, true)); }
    static Tensor log1p(Tensor x) { return floating(x, a -> Transforms.log1p(a, true)); }
    static Tensor sin(Tensor x) { return floating(x, a -> Transforms.sin(a, true)); }
    static Tensor cos(Tensor x) { return floating(x, a -> Transforms.cos(a, true)); }
    static Tensor erf(Tensor x) { return floating(x, a -> Nd4j.exec(new Erf(a, a.ulike()))); }
    static Tensor reciprocal(Tensor x) { return floating(x, a -> Nd4j.exec(new Reciprocal(a, a.ulike()))); }

    static Tensor floor(Tensor x) { return x.dtype().isFloatingPoint() ? same(x, a -> Transforms.floor(a, true)) : x; }
    static Tensor ceil(Tensor x) { return x.dtype().isFloatingPoint() ? same(x, a -> Transforms.ceil(a, true)) : x; }
    /** Halves round to even, as in PyTorch. */
    static Tensor round(Tensor x) { return x.dtype().isFloatingPoint() ? same(x, a -> Nd4j.exec(new Rint(a, a.ulike()))) : x; }

    static Tensor pow(Tensor x, double exponent) {
        boolean integral = !x.dtype().isFloatingPoint() && exponent == Math.rint(exponent) && exponent >= 0;
        if (integral) return same(x, a -> Transforms.pow(a.castTo(DType.FLOAT64.nd4j()), exponent, false).castTo(a.dataType()));
        return floating(x, a -> Transforms.pow(a, exponent, true));
    }

    static Tensor pow(Tensor x, Tensor exponent) {
        long[] out = Shapes.broadcast(x.shape(), exponent.shape(), "pow()");
        DType type = DType.resultType(x.dtype(), x.dim() == 0, exponent.dtype(), exponent.dim() == 0);
        DType work = type.isFloatingPoint() ? type : DType.FLOAT64;
        return Kernels.result(out, type, Kernels.anyShapeOnly(x, exponent), () -> {
            if (Shapes.numel(out) == 0) return Nd4j.create(type.nd4j(), out);
            INDArray a = Kernels.broadcast(x.nd(), work, out).dup('c');
            INDArray b = Kernels.broadcast(exponent.nd(), work, out).dup('c');
            return Transforms.pow(a, b, false);
        });
    }

    static Tensor clamp(Tensor x, Double min, Double max) {
        if (min == null && max == null) throw new IllegalArgumentException("clamp(): at least one of min or max must not be None");
        Tensor out = x;
        if (min != null) out = bound(out, min, true);
        if (max != null) out = bound(out, max, false);
        return out;
    }

    private static Tensor bound(Tensor x, double v, boolean lower) {
        boolean whole = v == Math.rint(v) && !Double.isInfinite(v);
        Tensor in = x.dtype().isFloatingPoint() || whole ? x : x.to(DType.FLOAT32);
        return in.derive(in.shape(), in.dtype(), a -> a.length() == 0 ? a.dup()
                : lower ? Transforms.max(a, v, true) : Transforms.min(a, v, true));
    }

    static Tensor extreme(Tensor x, Tensor y, boolean max) {
        long[] out = Shapes.broadcast(x.shape(), y.shape(), max ? "maximum()" : "minimum()");
        DType type = DType.resultType(x.dtype(), x.dim() == 0, y.dtype(), y.dim() == 0);
        return Kernels.result(out, type, Kernels.anyShapeOnly(x, y), () -> {
            if (Shapes.numel(out) == 0) return Nd4j.create(type.nd4j(), out);
            INDArray a = Kernels.broadcast(x.nd(), type, out).dup('c');
            INDArray b = Kernels.broadcast(y.nd(), type, out).dup('c');
            return max ? Transforms.max(a, b, false) : Transforms.min(a, b, false);
        });
    }
}
