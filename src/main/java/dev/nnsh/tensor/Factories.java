package dev.nnsh.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Factories beyond zeros/ones/rand: arange with start and step, linspace, eye, full, the *_like forms,
 * randint, meshgrid. Inside a shape-only pass (see {@link ShapeOnlyMode}) each gives a shape-only tensor.
 */
final class Factories {
    private Factories() {}

    static boolean shapeOnly() { return ShapeOnlyMode.active(); }

    static Tensor make(String what, DType dtype, long[] shape, boolean shapeOnly, java.util.function.Supplier<INDArray> compute) {
        long[] s = Shapes.checkSizes(shape, what);
        return Kernels.result(s, dtype, shapeOnly || shapeOnly(), compute);
    }

    static long arangeLength(double start, double end, double step, String what) {
        if (step == 0) throw new ShapeException(what + ": step must be nonzero");
        if (Double.isNaN(start) || Double.isNaN(end) || Double.isInfinite(start) || Double.isInfinite(end)) {
            throw new ShapeException(what + ": unsupported range: " + start + " -> " + end);
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new ShapeException(what + ": upper bound and larger bound inconsistent with step sign (start "
                    + start + ", end " + end + ", step " + step + ")");
        }
        return (long) Math.ceil((end - start) / step);
    }

    static Tensor arangeLong(long start, long end, long step, boolean shapeOnly) {
        long n = arangeLength(start, end, step, "arange()");
        return make("arange()", DType.INT64, new long[]{n}, shapeOnly, () -> {
            long[] v = new long[Math.toIntExact(n)];
            for (int i = 0; i < n; i++) v[i] = start + i * step;
            return Nd4j.createFromArray(v);
        });
    }

    static Tensor arange(DType dtype, double start, double end, double step) {
        long n = arangeLength(start, end, step, "arange()");
        return make("arange()", dtype, new long[]{n}, false, () -> {
            double[] v = new double[Math.toIntExact(n)];
            for (int i = 0; i < n; i++) v[i] = start + i * step;
            return Nd4j.createFromArray(v).castTo(dtype.nd4j());
        });
    }

    static Tensor linspace(double start, double end, long steps) {
        if (steps < 0) throw new ShapeException("linspace(): number of steps must be non-negative, got " + steps);
        return make("linspace()", DType.FLOAT32, new long[]{steps}, false, () -> {
            double[] v = new double[Math.toIntExact(steps)];
            double step = steps > 1 ? (end - start) / (steps - 1) : 0;
            // PyTorch fills the second half from the end, so the last value is exactly `end`
            for (int i = 0; i < steps; i++) v[i] = steps == 1 || i < steps / 2 ? start + i * step : end - (steps - 1 - i) * step;
            return Nd4j.createFromArray(v).castTo(DType.FLOAT32.nd4j());
        });
    }

    static Tensor eye(long n, long m) {
        if (n < 0 || m < 0) throw new ShapeException("eye(): n and m must be non-negative, got " + n + ", " + m);
        return make("eye()", DType.FLOAT32, new long[]{n, m}, false, () -> {
            INDArray out = Nd4j.zeros(DType.FLOAT32.nd4j(), n, m);
            for (long i = 0; i < Math.min(n, m); i++) out.putScalar(new long[]{i, i}, 1.0);
            return out;
        });
    }

    static Tensor full(DType dtype, double value, long... shape) {
        return make("full()", dtype, shape, false, () -> Nd4j.valueArrayOf(shape, value, dtype.nd4j()));
    }

    /** A tensor of x's shape filled with value: shape-only when x is. */
    static Tensor fill(Tensor x, DType dtype, double value) {
        return make("full_like()", dtype, x.shape(), x.isShapeOnly(), () -> Nd4j.valueArrayOf(x.shape(), value, dtype.nd4j()));
    }

    /** A 0-dim tensor, shape-only when asked. */
    static Tensor scalar(DType dtype, double value, boolean shapeOnly) {
        return make("scalar", dtype, new long[0], shapeOnly, () -> Nd4j.scalar(value).castTo(dtype.nd4j()));
    }

    static Tensor randLike(Tensor x, boolean normal) {
        DType type = x.dtype();
        if (!type.isFloatingPoint()) {
            throw new IllegalArgumentException((normal ? "randn_like()" : "rand_like()") + ": needs a floating-point tensor, got " + type);
        }
        return make(normal ? "randn_like()" : "rand_like()", type, x.shape(), x.isShapeOnly(),
                () -> normal ? Generator.normal(type.nd4j(), x.shape()) : Generator.uniform(type.nd4j(), x.shape()));
    }

    /** Integers uniform in [low, high), int64. */
    static Tensor randint(long low, long high, long... shape) {
        if (high <= low) throw new ShapeException("randint(): random_ expects 'from' to be less than 'to', but got from="
                + low + " >= to=" + high);
        return make("randint()", DType.INT64, shape, false, () -> {
            INDArray u = Generator.uniform(DType.FLOAT64.nd4j(), shape);
            return Transforms.floor(u.muli(high - low).addi(low), false).castTo(DType.INT64.nd4j());
        });
    }

    /** {@code torch.meshgrid(..., indexing)}: "ij" (matrix, the default) or "xy" (Cartesian). */
    static Tensor[] meshgrid(String indexing, Tensor... ts) {
        if (!"ij".equals(indexing) && !"xy".equals(indexing)) {
            throw new IllegalArgumentException("meshgrid(): indexing must be one of \"xy\" or \"ij\", but received: " + indexing);
        }
        long[] sizes = new long[ts.length];
        for (int i = 0; i < ts.length; i++) {
            if (ts[i].dim() > 1) {
                throw new ShapeException("meshgrid(): expects all tensors to be 0- or 1-dimensional, got shape "
                        + Shapes.format(ts[i].shape()) + " at position " + i);
            }
            sizes[i] = ts[i].numel();
        }
        boolean swap = "xy".equals(indexing) && ts.length >= 2;
        long[] grid = sizes.clone();
        if (swap) { grid[0] = sizes[1]; grid[1] = sizes[0]; }
        Tensor[] out = new Tensor[ts.length];
        for (int i = 0; i < ts.length; i++) {
            int axis = swap && i < 2 ? 1 - i : i;
            long[] view = new long[ts.length];
            java.util.Arrays.fill(view, 1);
            view[axis] = sizes[i];
            out[i] = ts[i].reshape(view).expand(grid);
        }
        return out;
    }
}
