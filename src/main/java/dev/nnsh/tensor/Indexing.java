package dev.nnsh.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Basic and advanced indexing: {@code x[:, 0]}, {@code x[..., :T]}, {@code x[mask]}, index_select, gather. */
final class Indexing {
    private Indexing() {}

    static long checkIndex(long index, long size, int dim, String what) {
        if (index < -size || index >= size) {
            throw new ShapeException(what + ": index " + index + " is out of bounds for dimension " + dim
                    + " with size " + size);
        }
        return index < 0 ? index + size : index;
    }

    static Tensor select(Tensor x, int dim, long index) {
        if (x.dim() == 0) throw new ShapeException("select(): cannot be applied to a 0-dim tensor");
        int d = Shapes.normalizeDim(dim, x.dim(), "select()");
        long i = checkIndex(index, x.size(d), d, "select()");
        return strided(x, d, i, 1, 1, true);
    }

    static Tensor narrow(Tensor x, int dim, long start, long length) {
        if (x.dim() == 0) throw new ShapeException("narrow(): cannot be applied to a 0-dim tensor");
        int d = Shapes.normalizeDim(dim, x.dim(), "narrow()");
        long size = x.size(d);
        if (start < -size || start > size) {
            throw new ShapeException("narrow(): start (" + start + ") is out of range for dimension " + d
                    + " with size " + size + " (shape " + Shapes.format(x.shape()) + ")");
        }
        long s = start < 0 ? start + size : start;
        if (length < 0) throw new ShapeException("narrow(): length must be non-negative, got " + length);
        if (s + length > size) {
            throw new ShapeException("narrow(): start (" + s + ") + length (" + length + ") exceeds dimension size ("
                    + size + ") of dimension " + d + " (shape " + Shapes.format(x.shape()) + ")");
        }
        return strided(x, d, s, 1, length, false);
    }

    /** Python's slice {@code start:end:step} on one dimension: out-of-range bounds are clamped. */
    static Tensor slice(Tensor x, int dim, Long start, Long end, long step) {
        if (x.dim() == 0) throw new ShapeException("slice(): cannot be applied to a 0-dim tensor");
        if (step <= 0) throw new ShapeException("slice(): slice step must be greater than zero, got " + step);
        int d = Shapes.normalizeDim(dim, x.dim(), "slice()");
        long[] r = sliceRange(x.size(d), start, end, step);
        return strided(x, d, r[0], step, r[1], false);
    }

    /** {start, length} of a Python slice over a dimension of the given size. */
    static long[] sliceRange(long size, Long start, Long end, long step) {
        long s = start == null ? 0 : start < 0 ? Math.max(0, start + size) : Math.min(start, size);
        long e = end == null ? size : end < 0 ? Math.max(0, end + size) : Math.min(end, size);
        long length = e <= s ? 0 : (e - s + step - 1) / step;
        return new long[]{s, length};
    }

    private static Tensor strided(Tensor x, int d, long start, long step, long length, boolean drop) {
        int rank = x.dim();
        long[] starts = new long[rank], steps = new long[rank], lengths = x.shape();
        Arrays.fill(steps, 1);
        starts[d] = start;
        steps[d] = step;
        lengths[d] = length;
        long[] out = drop ? Shapes.remove(lengths, d) : lengths;
        return gatherStrided(x, starts, steps, lengths, out);
    }

    /** The multi-dimensional form: ints remove a dim, slices keep it, {@code ...} fills, None adds a 1. */
    static Tensor index(Tensor x, Index... items) {
        int consuming = 0, ellipses = 0;
        for (Index it : items) {
            if (it == null) throw new IllegalArgumentException("index(): an index item is null");
            if (it.kind == Index.Kind.POINT || it.kind == Index.Kind.SLICE) consuming++;
            if (it.kind == Index.Kind.ELLIPSIS) ellipses++;
        }
        if (ellipses > 1) throw new ShapeException("index(): an index can only have a single ellipsis ('...')");
        if (consuming > x.dim()) {
            throw new ShapeException("index(): too many indices for tensor of dimension " + x.dim() + " (shape "
                    + Shapes.format(x.shape()) + "): got " + consuming + " in " + describe(items));
        }
        int rank = x.dim();
        long[] shape = x.shape();
        long[] starts = new long[rank], steps = new long[rank], lengths = x.shape();
        Arrays.fill(steps, 1);
        List<Long> out = new ArrayList<>();
        int dim = 0;
        for (Index it : items) {
            switch (it.kind) {
                case ELLIPSIS -> {
                    int fill = rank - consuming;
                    for (int k = 0; k < fill; k++, dim++) out.add(shape[dim]);
                }
                case NEW_AXIS -> out.add(1L);
                case POINT -> {
                    starts[dim] = checkIndex(it.point, shape[dim], dim, "index()");
                    lengths[dim] = 1;
                    dim++;
                }
                case SLICE -> {
                    long[] r = sliceRange(shape[dim], it.start, it.end, it.step);
                    starts[dim] = r[0];
                    steps[dim] = it.step;
                    lengths[dim] = r[1];
                    out.add(r[1]);
                    dim++;
                }
            }
        }
        for (; dim < rank; dim++) out.add(shape[dim]);
        long[] result = out.stream().mapToLong(Long::longValue).toArray();
        return gatherStrided(x, starts, steps, lengths, result);
    }

    private static String describe(Index[] items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.length; i++) sb.append(i > 0 ? ", " : "").append(items[i]);
        return sb.append(']').toString();
    }

    private static Tensor gatherStrided(Tensor x, long[] starts, long[] steps, long[] lengths, long[] out) {
        return x.derive(out, x.dtype(), a -> {
            if (Shapes.numel(lengths) == 0) return Nd4j.create(a.dataType(), out);
            if (a.rank() == 0) return a.dup();
            INDArrayIndex[] idx = new INDArrayIndex[a.rank()];
            for (int i = 0; i < idx.length; i++) {
                if (steps[i] == 1 || lengths[i] == 1) {
                    idx[i] = NDArrayIndex.interval(starts[i], starts[i] + lengths[i]);
                } else { // ND4J's strided interval can overrun the dim; name the positions instead
                    long[] picks = new long[(int) lengths[i]];
                    for (int p = 0; p < picks.length; p++) picks[p] = starts[i] + p * steps[i];
                    idx[i] = NDArrayIndex.indices(picks);
                }
            }
            return a.get(idx).dup('c').reshape('c', out);
        });
    }

    // ---------------------------------------------------------------- advanced indexing

    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        requireIntegers(index, "index_select()");
        if (index.dim() > 1) {
            throw new ShapeException("index_select(): index must be a vector (1-D), got shape " + Shapes.format(index.shape()));
        }
        int d = Shapes.normalizeDim(dim, x.dim(), "index_select()");
        long n = index.numel();
        long[] out = x.dim() == 0 ? new long[0] : x.shape();
        if (x.dim() > 0) out[d] = n;
        if (Kernels.anyShapeOnly(x, index)) return Tensor.shapeOnly(x.dtype(), out);
        long size = x.dim() == 0 ? 1 : x.size(d);
        long[] picks = index.nd().castTo(DType.INT64.nd4j()).reshape(n).toLongVector();
        for (long p : picks) checkIndex(p, size, d, "index_select()");
        return Kernels.result(out, x.dtype(), false, () -> {
            if (x.dim() == 0) return x.nd().dup();
            if (n == 0 || Shapes.numel(out) == 0) return Nd4j.create(x.dtype().nd4j(), out);
            // the dim to the front, rows picked by ND4J, the dim back in place
            Tensor front = x.movedim(d, 0);
            long rest = x.numel() / size;
            int[] rows = new int[picks.length];
            for (int i = 0; i < rows.length; i++) rows[i] = (int) (picks[i] < 0 ? picks[i] + size : picks[i]);
            INDArray picked = Nd4j.pullRows(front.nd().reshape('c', size, rest), 1, rows);
            long[] frontShape = front.shape();
            frontShape[0] = n;
            return Tensor.of(picked.reshape('c', frontShape)).movedim(0, d).nd();
        });
    }

    /** {@code x[idx]} for an integer tensor: rows of dim 0 picked by idx of any shape; shape idx.shape + rest. */
    static Tensor take(Tensor x, Tensor index) {
        if (x.dim() == 0) throw new ShapeException("index(): a 0-dim tensor cannot be indexed by a tensor");
        Tensor flat = index.dim() == 1 ? index : index.reshape(index.numel());
        Tensor picked = indexSelect(x, 0, flat);
        long[] shape = new long[index.dim() + x.dim() - 1];
        System.arraycopy(index.shape(), 0, shape, 0, index.dim());
        System.arraycopy(x.shape(), 1, shape, index.dim(), x.dim() - 1);
        return picked.reshape(shape);
    }

    /** {@code x[mask]}: the elements where mask is true, as a 1-D tensor; its size depends on the values. */
    static Tensor maskedSelect(Tensor x, Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_select(): mask must be a bool tensor, got " + mask.dtype());
        }
        long[] shape = Shapes.broadcast(x.shape(), mask.shape(), "masked_select()");
        if (Kernels.anyShapeOnly(x, mask)) {
            throw new ShapeException("masked_select() / x[mask]: the result's size depends on the mask's values, "
                    + "which a shape-only tensor does not have (use a real tensor, or maskedFill/where, which keep the shape)");
        }
        INDArray values = Kernels.broadcast(x.nd(), x.dtype(), shape).dup('c').reshape(Shapes.numel(shape));
        INDArray m = Kernels.broadcast(mask.nd(), DType.BOOL, shape).dup('c').reshape(Shapes.numel(shape));
        List<Long> keep = new ArrayList<>();
        for (long i = 0; i < m.length(); i++) if (m.getDouble(i) != 0) keep.add(i);
        long[] out = {keep.size()};
        return Kernels.result(out, x.dtype(), false, () -> {
            if (keep.isEmpty()) return Nd4j.create(x.dtype().nd4j(), out);
            long[] positions = keep.stream().mapToLong(Long::longValue).toArray();
            return values.get(NDArrayIndex.indices(positions)).dup('c');
        });
    }

    /** {@code torch.gather}: out[i][j][k] = x[i][index[i][j][k]][k] for dim 1. */
    static Tensor gather(Tensor x, int dim, Tensor index) {
        requireIntegers(index, "gather()");
        int d = Shapes.normalizeDim(dim, x.dim(), "gather()");
        if (index.dim() != x.dim() && x.dim() > 0) {
            throw new ShapeException("gather(): index tensor must have the same number of dimensions as input tensor ("
                    + Shapes.format(index.shape()) + " vs " + Shapes.format(x.shape()) + ")");
        }
        long[] out = index.shape();
        for (int i = 0; i < out.length; i++) {
            if (i != d && out[i] > x.size(i)) {
                throw new ShapeException("gather(): size does not match at dimension " + i + ": index " + Shapes.format(out)
                        + " is larger than input " + Shapes.format(x.shape()) + " except at dimension " + d);
            }
        }
        if (Kernels.anyShapeOnly(x, index)) return Tensor.shapeOnly(x.dtype(), out);
        long[] xs = x.shape();
        long[] xStride = strides(xs), oStride = strides(out);
        long n = Shapes.numel(out);
        if (n == 0) return Tensor.of(Nd4j.create(x.dtype().nd4j(), out));
        long[] idx = index.nd().castTo(DType.INT64.nd4j()).dup('c').reshape(n).toLongVector();
        long[] source = new long[(int) n];
        for (int flat = 0; flat < n; flat++) {
            long rem = flat, offset = 0;
            for (int k = 0; k < out.length; k++) {
                long c = rem / oStride[k];
                rem %= oStride[k];
                if (k == d) c = checkIndex(idx[flat], xs[d], d, "gather()");
                offset += c * xStride[k];
            }
            source[flat] = offset;
        }
        return Kernels.result(out, x.dtype(), false, () -> {
            if (n == 0) return Nd4j.create(x.dtype().nd4j(), out);
            INDArray flatX = x.nd().dup('c').reshape(x.numel());
            return flatX.get(NDArrayIndex.indices(source)).dup('c');
        });
    }

    static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= Math.max(shape[i], 1);
        }
        return s;
    }

    static void requireIntegers(Tensor index, String what) {
        if (index.dtype().isFloatingPoint() || index.dtype() == DType.BOOL) {
            throw new IllegalArgumentException(what + ": index must be an integer tensor (int64 or int32), got "
                    + index.dtype());
        }
    }
}
