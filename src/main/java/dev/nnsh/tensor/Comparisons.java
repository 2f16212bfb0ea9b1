package dev.nnsh.tensor;

import java.util.function.BiFunction;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.Select;
import org.nd4j.linalg.api.ops.impl.transforms.bool.IsInf;
import org.nd4j.linalg.api.ops.impl.transforms.bool.IsNaN;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Comparisons and logic giving bool tensors, and selection by a condition: where, masked_fill. */
final class Comparisons {
    private Comparisons() {}

    enum Cmp {
        EQ("eq", INDArray::eq), NE("ne", INDArray::neq), LT("lt", INDArray::lt), LE("le", (x, y) -> Transforms.or(x.lt(y), x.eq(y))),
        GT("gt", INDArray::gt), GE("ge", (x, y) -> Transforms.or(x.gt(y), x.eq(y)));

        final String name;
        final BiFunction<INDArray, INDArray, INDArray> op;

        Cmp(String name, BiFunction<INDArray, INDArray, INDArray> op) {
            this.name = name;
            this.op = op;
        }
    }

    static Tensor compare(Tensor a, Tensor b, Cmp cmp) {
        long[] out = Shapes.broadcast(a.shape(), b.shape(), cmp.name + "()");
        DType common = DType.promote(a.dtype(), b.dtype());
        DType work = common == DType.BOOL ? DType.INT32 : common;
        return Kernels.result(out, DType.BOOL, Kernels.anyShapeOnly(a, b), () -> {
            if (Shapes.numel(out) == 0) return Nd4j.create(DType.BOOL.nd4j(), out);
            INDArray x = Kernels.broadcast(a.nd(), work, out).dup('c');
            INDArray y = Kernels.broadcast(b.nd(), work, out).dup('c');
            return cmp.op.apply(x, y);
        });
    }

    static Tensor compare(Tensor a, double value, Cmp cmp) {
        return compare(a, scalarLike(a, value), cmp);
    }

    /** A 0-dim tensor for a Python number next to a: integral values keep integer tensors integral. */
    static Tensor scalarLike(Tensor a, double value) {
        boolean whole = value == Math.rint(value) && !Double.isInfinite(value);
        DType t = a.dtype().isFloatingPoint() ? a.dtype() : whole && a.dtype() != DType.BOOL ? a.dtype()
                : whole ? DType.INT64 : DType.FLOAT32;
        return Tensor.of(Nd4j.scalar(value).castTo(t.nd4j()));
    }

    static Tensor logical(Tensor a, Tensor b, String what) {
        long[] out = Shapes.broadcast(a.shape(), b.shape(), what + "()");
        return Kernels.result(out, DType.BOOL, Kernels.anyShapeOnly(a, b), () -> {
            if (Shapes.numel(out) == 0) return Nd4j.create(DType.BOOL.nd4j(), out);
            INDArray x = Kernels.broadcast(a.nd(), DType.BOOL, out).dup('c');
            INDArray y = Kernels.broadcast(b.nd(), DType.BOOL, out).dup('c');
            return switch (what) {
                case "logical_and" -> Transforms.and(x, y);
                case "logical_or" -> Transforms.or(x, y);
                default -> Transforms.xor(x, y);
            };
        });
    }

    static Tensor logicalNot(Tensor a) {
        return a.derive(a.shape(), DType.BOOL, x -> x.length() == 0 ? Nd4j.create(DType.BOOL.nd4j(), a.shape())
                : Transforms.not(x.castTo(DType.BOOL.nd4j())));
    }

    /** {@code torch.where(cond, x, y)}: x where cond is true, else y; all three broadcast. */
    static Tensor where(Tensor cond, Tensor x, Tensor y) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where(): condition must be a bool tensor, got " + cond.dtype());
        }
        long[] out = Kernels.broadcastAll("where()", cond, x, y);
        DType type = DType.resultType(x.dtype(), x.dim() == 0, y.dtype(), y.dim() == 0);
        return Kernels.result(out, type, Kernels.anyShapeOnly(cond, x, y), () -> {
            if (Shapes.numel(out) == 0) return Nd4j.create(type.nd4j(), out);
            INDArray c = Kernels.broadcast(cond.nd(), DType.BOOL, out).dup('c');
            INDArray a = Kernels.broadcast(x.nd(), type, out).dup('c');
            INDArray b = Kernels.broadcast(y.nd(), type, out).dup('c');
            INDArray result = Nd4j.create(type.nd4j(), out);
            Nd4j.exec(new Select(new INDArray[]{c, a, b}, new INDArray[]{result}));
            return result;
        });
    }

    static Tensor where(Tensor cond, Tensor x, double y) { return where(cond, x, scalarLike(x, y)); }

    /** {@code x.masked_fill(mask, value)}: the mask broadcasts to x's shape, which the result keeps. */
    static Tensor maskedFill(Tensor x, Tensor mask, Tensor value) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_fill(): mask must be a bool tensor, got " + mask.dtype()
                    + " (compare first, e.g. mask.eq(0))");
        }
        if (value.dim() != 0) {
            throw new IllegalArgumentException("masked_fill(): only supports a 0-dimensional value tensor, but got tensor with "
                    + value.dim() + " dimension(s)");
        }
        long[] out = Shapes.broadcast(x.shape(), mask.shape(), "masked_fill()");
        if (!Shapes.same(out, x.shape())) {
            throw new ShapeException("masked_fill(): the mask of shape " + Shapes.format(mask.shape())
                    + " must broadcast to the tensor's shape " + Shapes.format(x.shape()) + ", not grow it to " + Shapes.format(out));
        }
        Tensor filler = value.dtype() == x.dtype() ? value : value.to(x.dtype());
        return where(mask, filler, x).to(x.dtype());
    }

    static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        return maskedFill(x, mask, Tensor.of(Nd4j.scalar(value).castTo(x.dtype().nd4j())));
    }

    static Tensor isNan(Tensor a) {
        if (!a.dtype().isFloatingPoint()) return Factories.fill(a, DType.BOOL, 0);
        return a.derive(a.shape(), DType.BOOL, x -> x.length() == 0 ? Nd4j.create(DType.BOOL.nd4j(), a.shape())
                : Nd4j.exec(new IsNaN(x, Nd4j.create(DType.BOOL.nd4j(), x.shape()))));
    }

    static Tensor isInf(Tensor a) {
        if (!a.dtype().isFloatingPoint()) return Factories.fill(a, DType.BOOL, 0);
        return a.derive(a.shape(), DType.BOOL, x -> x.length() == 0 ? Nd4j.create(DType.BOOL.nd4j(), a.shape())
                : Nd4j.exec(new IsInf(x, Nd4j.create(DType.BOOL.nd4j(), x.shape()))));
    }
}
