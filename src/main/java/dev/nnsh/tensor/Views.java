package dev.nnsh.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ops.impl.transforms.custom.Reverse;
import org.nd4j.linalg.factory.Nd4j;

/** Shape-changing operations: expand, repeat, split/chunk/unbind, stack, flip, roll, unflatten, movedim. */
final class Views {
    private Views() {}

    static Tensor expand(Tensor x, long... sizes) {
        long[] shape = x.shape();
        if (sizes.length < shape.length) {
            throw new ShapeException("expand(): the number of sizes provided (" + sizes.length + ") must be greater or "
                    + "equal to the number of dimensions in the tensor (" + shape.length + ")");
        }
        long[] out = new long[sizes.length];
        int lead = sizes.length - shape.length;
        for (int i = 0; i < sizes.length; i++) {
            long want = sizes[i];
            if (i < lead) {
                if (want < 0) {
                    throw new ShapeException("expand(): the expanded size " + want + " is not allowed in a leading, "
                            + "non-existing dimension " + i + " (sizes " + Arrays.toString(sizes) + ")");
                }
                out[i] = want;
                continue;
            }
            long have = shape[i - lead];
            if (want == -1) out[i] = have;
            else if (want < 0) throw new ShapeException("expand(): invalid size " + want + " in " + Arrays.toString(sizes));
            else if (have == want || have == 1) out[i] = want;
            else {
                throw new ShapeException("expand(): the expanded size of the tensor (" + want + ") must match the existing "
                        + "size (" + have + ") at non-singleton dimension " + i + ". Target sizes: "
                        + Arrays.toString(sizes) + ". Tensor sizes: " + Shapes.format(shape));
            }
        }
        return x.derive(out, x.dtype(), a -> Kernels.broadcast(a, x.dtype(), out).dup('c'));
    }

    static Tensor repeat(Tensor x, long... repeats) {
        long[] shape = x.shape();
        if (repeats.length < shape.length) {
            throw new ShapeException("repeat(): number of dimensions of repeat dims (" + repeats.length + ") can not be "
                    + "smaller than number of dimensions of tensor (" + shape.length + ")");
        }
        long[] aligned = new long[repeats.length];
        Arrays.fill(aligned, 1);
        System.arraycopy(shape, 0, aligned, repeats.length - shape.length, shape.length);
        long[] out = new long[repeats.length];
        int[] reps = new int[repeats.length];
        for (int i = 0; i < out.length; i++) {
            if (repeats[i] < 0) throw new ShapeException("repeat(): repeats must be non-negative, got " + Arrays.toString(repeats));
            out[i] = aligned[i] * repeats[i];
            reps[i] = Math.toIntExact(repeats[i]);
        }
        return x.derive(out, x.dtype(), a -> Shapes.numel(out) == 0 ? Nd4j.create(a.dataType(), out)
                : Nd4j.tile(a.reshape('c', aligned), reps));
    }

    static List<Tensor> split(Tensor x, long splitSize, int dim) {
        int d = nonScalarDim(x, dim, "split()");
        if (splitSize < 0) throw new ShapeException("split(): split_size must be non-negative, got " + splitSize);
        long size = x.size(d);
        if (splitSize == 0 && size != 0) {
            throw new ShapeException("split(): split_size can only be 0 if dimension size is 0, but got dimension size of " + size);
        }
        List<Tensor> out = new ArrayList<>();
        if (size == 0) { out.add(x); return out; }
        for (long s = 0; s < size; s += splitSize) out.add(x.narrow(d, s, Math.min(splitSize, size - s)));
        return out;
    }

    static List<Tensor> split(Tensor x, long[] sizes, int dim) {
        int d = nonScalarDim(x, dim, "split()");
        long total = 0;
        for (long s : sizes) {
            if (s < 0) throw new ShapeException("split(): split sizes must be non-negative, got " + Arrays.toString(sizes));
            total += s;
        }
        if (total != x.size(d)) {
            throw new ShapeException("split(): split sizes " + Arrays.toString(sizes) + " add up to " + total
                    + ", but dimension " + d + " has size " + x.size(d) + " (shape " + Shapes.format(x.shape()) + ")");
        }
        List<Tensor> out = new ArrayList<>();
        long start = 0;
        for (long s : sizes) {
            out.add(x.narrow(d, start, s));
            start += s;
        }
        return out;
    }

    static List<Tensor> chunk(Tensor x, int chunks, int dim) {
        if (chunks <= 0) throw new ShapeException("chunk(): chunks must be greater than 0, got " + chunks);
        int d = nonScalarDim(x, dim, "chunk()");
        long size = x.size(d);
        long each = (size + chunks - 1) / chunks;
        if (each == 0) return new ArrayList<>(List.of(x));
        return split(x, each, d);
    }

    static List<Tensor> unbind(Tensor x, int dim) {
        int d = nonScalarDim(x, dim, "unbind()");
        List<Tensor> out = new ArrayList<>();
        for (long i = 0; i < x.size(d); i++) out.add(x.select(d, i));
        return out;
    }

    private static int nonScalarDim(Tensor x, int dim, String what) {
        if (x.dim() == 0) throw new ShapeException(what + ": cannot be applied to a 0-dim tensor");
        return Shapes.normalizeDim(dim, x.dim(), what);
    }

    static Tensor stack(int dim, Tensor... ts) {
        if (ts.length == 0) throw new ShapeException("stack(): expects a non-empty list of tensors");
        long[] first = ts[0].shape();
        for (int i = 1; i < ts.length; i++) {
            if (!Arrays.equals(first, ts[i].shape())) {
                throw new ShapeException("stack(): expects each tensor to be equal size, but got " + Shapes.format(first)
                        + " at entry 0 and " + Shapes.format(ts[i].shape()) + " at entry " + i);
            }
        }
        int d = Shapes.normalizeDim(dim, first.length + 1, "stack()");
        Tensor[] expanded = new Tensor[ts.length];
        for (int i = 0; i < ts.length; i++) expanded[i] = ts[i].unsqueeze(d);
        return Tensor.cat(d, expanded);
    }

    static Tensor flip(Tensor x, int... dims) {
        int[] ds = distinctDims(x, dims, "flip()");
        if (ds.length == 0 || x.dim() == 0) return x.derive(x.shape(), x.dtype(), a -> a.dup());
        return x.derive(x.shape(), x.dtype(), a -> Shapes.numel(x.shape()) == 0 ? a.dup()
                : Nd4j.exec(new Reverse(a.dup('c'), ds))[0]);
    }

    static int[] distinctDims(Tensor x, int[] dims, String what) {
        int[] out = new int[dims.length];
        boolean[] seen = new boolean[Math.max(1, x.dim())];
        for (int i = 0; i < dims.length; i++) {
            out[i] = Shapes.normalizeDim(dims[i], x.dim(), what);
            if (seen[out[i]]) throw new ShapeException(what + ": dim " + out[i] + " appears multiple times in the list of dims");
            seen[out[i]] = true;
        }
        return out;
    }

    static Tensor roll(Tensor x, long[] shifts, int[] dims) {
        if (shifts.length != dims.length) {
            throw new ShapeException("roll(): shifts and dimensions must align. shifts: " + shifts.length + ", dims: " + dims.length);
        }
        Tensor out = x;
        for (int i = 0; i < dims.length; i++) {
            int d = Shapes.normalizeDim(dims[i], x.dim(), "roll()");
            long size = x.size(d);
            if (size == 0) continue;
            long s = Math.floorMod(shifts[i], size);
            if (s == 0) continue;
            out = Tensor.cat(d, out.narrow(d, size - s, s), out.narrow(d, 0, size - s));
        }
        return out;
    }

    static Tensor roll(Tensor x, long shift) {
        long[] shape = x.shape();
        return roll(x.flatten(), new long[]{shift}, new int[]{0}).reshape(shape);
    }

    static Tensor unflatten(Tensor x, int dim, long... sizes) {
        int d = nonScalarDim(x, dim, "unflatten()");
        if (sizes.length == 0) throw new ShapeException("unflatten(): sizes must be non-empty");
        long[] inner = Shapes.inferView(new long[]{x.size(d)}, sizes, "unflatten()");
        long[] shape = x.shape();
        long[] out = new long[shape.length - 1 + inner.length];
        System.arraycopy(shape, 0, out, 0, d);
        System.arraycopy(inner, 0, out, d, inner.length);
        System.arraycopy(shape, d + 1, out, d + inner.length, shape.length - d - 1);
        return x.reshape(out);
    }

    static Tensor movedim(Tensor x, int source, int destination) {
        int s = Shapes.normalizeDim(source, x.dim(), "movedim()");
        int t = Shapes.normalizeDim(destination, x.dim(), "movedim()");
        if (x.dim() == 0) return x;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.dim(); i++) if (i != s) order.add(i);
        order.add(t, s);
        return x.permute(order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The lower (tril) or upper (triu) triangle of the last two dims; the rest is zero. */
    static Tensor triangle(Tensor x, long diagonal, boolean lower) {
        String what = lower ? "tril()" : "triu()";
        if (x.dim() < 2) {
            throw new ShapeException(what + ": input tensor must have at least 2 dimensions, got shape " + Shapes.format(x.shape()));
        }
        long rows = x.size(-2), cols = x.size(-1);
        boolean shapeOnly = x.isShapeOnly();
        // both expanded to [rows, cols] first: the row and column numbers, then their difference
        Tensor r = Factories.arangeLong(0, rows, 1, shapeOnly).view(rows, 1).expand(rows, cols);
        Tensor c = Factories.arangeLong(0, cols, 1, shapeOnly).view(1, cols).expand(rows, cols);
        Tensor offset = c.sub(r);
        Tensor keep = lower ? offset.le(diagonal) : offset.ge(diagonal);
        return Comparisons.where(keep, x, Factories.scalar(x.dtype(), 0, shapeOnly));
    }
}
