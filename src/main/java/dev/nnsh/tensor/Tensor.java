package dev.nnsh.tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An n-dimensional array with PyTorch semantics: either real (backed by an ND4J {@link INDArray}) or
 * shape-only (a shape and a dtype, no data). Every operation first computes and checks the result's
 * shape in Java, for both kinds, and only a real tensor then goes on to ND4J.
 */
public final class Tensor {
    private final long[] shape;
    private final DType dtype;
    private final INDArray array; // null when shape-only
    private volatile String freedBy; // issue 11 (mem): set when NativeBuffers.release gave the memory back

    private Tensor(long[] shape, DType dtype, INDArray array) {
        this.shape = shape;
        this.dtype = dtype;
        this.array = array;
    }

    // ---------------------------------------------------------------- factories

    public static Tensor shapeOnly(long... shape) { return shapeOnly(DType.FLOAT32, shape); }

    public static Tensor shapeOnly(DType dtype, long... shape) {
        return new Tensor(Shapes.checkSizes(shape, "Tensor.shapeOnly"), dtype, null);
    }

    public static Tensor of(INDArray array) {
        if (array == null) throw new IllegalArgumentException("Tensor.of: array is null");
        return new Tensor(array.shape().clone(), DType.of(array.dataType()), array);
    }

    public static Tensor of(float[] data, long... shape) {
        long[] s = shape.length == 0 ? new long[]{data.length} : Shapes.checkSizes(shape, "Tensor.of");
        if (Shapes.numel(s) != data.length) {
            throw new ShapeException("Tensor.of: " + data.length + " values do not fill shape " + Shapes.format(s)
                    + " (" + Shapes.numel(s) + " elements)");
        }
        return of(Nd4j.create(data, s, 'c'));
    }

    public static Tensor rand(long... shape) { return rand(DType.FLOAT32, shape); }

    public static Tensor rand(DType dtype, long... shape) {
        requireFloatingPoint(dtype, "Tensor.rand");
        if (ShapeOnlyMode.active()) return shapeOnly(dtype, Shapes.checkSizes(shape, "Tensor.rand"));
        long[] s = allocatable(dtype, shape, "Tensor.rand");
        return of(Generator.uniform(dtype.nd4j(), s));
    }

    public static Tensor randn(long... shape) { return randn(DType.FLOAT32, shape); }

    public static Tensor randn(DType dtype, long... shape) {
        requireFloatingPoint(dtype, "Tensor.randn");
        if (ShapeOnlyMode.active()) return shapeOnly(dtype, Shapes.checkSizes(shape, "Tensor.randn"));
        long[] s = allocatable(dtype, shape, "Tensor.randn");
        return of(Generator.normal(dtype.nd4j(), s));
    }

    private static void requireFloatingPoint(DType dtype, String what) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException(what + ": random values need a floating-point dtype, got " + dtype
                    + " (use zeros/ones/arange for integers)");
        }
    }

    public static Tensor zeros(long... shape) { return zeros(DType.FLOAT32, shape); }

    public static Tensor zeros(DType dtype, long... shape) {
        if (ShapeOnlyMode.active()) return shapeOnly(dtype, Shapes.checkSizes(shape, "Tensor.zeros"));
        return of(Nd4j.zeros(dtype.nd4j(), allocatable(dtype, shape, "Tensor.zeros")));
    }

    public static Tensor ones(long... shape) { return ones(DType.FLOAT32, shape); }

    public static Tensor ones(DType dtype, long... shape) {
        if (ShapeOnlyMode.active()) return shapeOnly(dtype, Shapes.checkSizes(shape, "Tensor.ones"));
        return of(Nd4j.ones(dtype.nd4j(), allocatable(dtype, shape, "Tensor.ones")));
    }

    public static Tensor full(double value, long... shape) {
        if (ShapeOnlyMode.active()) return shapeOnly(DType.FLOAT32, Shapes.checkSizes(shape, "Tensor.full"));
        return of(Nd4j.valueArrayOf(allocatable(DType.FLOAT32, shape, "Tensor.full"), (float) value));
    }

    /** 0, 1, ..., n−1 as int64, like {@code torch.arange(n)}. */
    public static Tensor arange(long n) {
        if (n < 0) throw new ShapeException("Tensor.arange: n must be >= 0, got " + n);
        if (ShapeOnlyMode.active()) return shapeOnly(DType.INT64, n);
        allocatable(DType.INT64, new long[]{n}, "Tensor.arange");
        long[] values = new long[(int) n];
        for (int i = 0; i < n; i++) values[i] = i;
        return of(Nd4j.createFromArray(values));
    }

    public static Tensor scalar(double value) { return of(Nd4j.scalar((float) value)); }

    /** Sets the seed of ND4J's random generator, so rand/randn and lazy initialisation repeat. */
    public static void manualSeed(long seed) { Generator.manualSeed(seed); }

    /** Reads a NumPy {@code .npy} file. */
    public static Tensor load(Path file) {
        try {
            return NpyReader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Tensor.load(" + file + "): " + e.getMessage(), e);
        }
    }

    private static long[] allocatable(DType dtype, long[] shape, String what) {
        long[] s = Shapes.checkSizes(shape, what);
        MemoryGuard.checkAllocation(dtype, s);
        return s;
    }

    // ---------------------------------------------------------------- queries

    public long[] shape() { return shape.clone(); }

    public long size(int dim) { return shape[Shapes.normalizeDim(dim, shape.length, "size")]; }

    public int dim() { return shape.length; }

    public long numel() { return Shapes.numel(shape); }

    public DType dtype() { return dtype; }

    public boolean isShapeOnly() { return array == null; }

    /** Bytes the data takes (or would take, for a shape-only tensor). */
    public long bytes() { return MemoryGuard.bytesFor(dtype, shape); }

    /** The ND4J array behind a real tensor. */
    public INDArray nd() {
        if (freedBy != null) throw freed(); // issue 11 (mem)
        if (array == null) {
            throw new IllegalStateException("tensor of shape " + Shapes.format(shape)
                    + " is shape-only: it has no data (run a real forward pass to get values)");
        }
        return array;
    }

    // issue 11 (mem): freeing, see NativeBuffers.release
    String freedBy() { return freedBy; }

    void markFreed(String by) { freedBy = by; }

    private IllegalStateException freed() {
        return new IllegalStateException("tensor of shape " + Shapes.format(shape) + " (" + dtype
                + ") was freed by " + freedBy + " and its memory reused; keep a reference to it only where nnsh"
                + " cannot free it (nnsh frees only intermediates that no code can reach)");
    }

    public double item() {
        if (numel() != 1) {
            throw new ShapeException("item(): a tensor with " + numel() + " elements (shape " + Shapes.format(shape)
                    + ") cannot be converted to a number; only one element tensors can");
        }
        return nd().getDouble(0);
    }

    /**
     * The result of an operation: shape-only when this tensor is, else the ND4J computation's result.
     * The computation runs only after the shape has been checked and the memory guard has passed.
     */
    public Tensor derive(long[] resultShape, DType resultType, Function<INDArray, INDArray> compute) {
        if (isShapeOnly()) return new Tensor(resultShape, resultType, null);
        MemoryGuard.checkAllocation(resultType, resultShape);
        return computed(resultShape, resultType, compute.apply(nd())); // issue 11 (mem): nd() checks it was not freed
    }

    /** A kernel's array as a result of the checked shape and type: reshaped and cast where the kernel returned otherwise. */
    static Tensor computed(long[] resultShape, DType resultType, INDArray out) {
        if (!Arrays.equals(out.shape(), resultShape)) out = out.reshape('c', resultShape);
        if (out.dataType() != resultType.nd4j()) out = out.castTo(resultType.nd4j());
        return new Tensor(resultShape.clone(), resultType, out);
    }

    private Tensor derive(long[] resultShape, Function<INDArray, INDArray> compute) {
        return derive(resultShape, dtype, compute);
    }

    /**
     * The result of an operation over several operands (null ones allowed, like an absent bias):
     * shape-only when any non-null operand is; else the memory guard runs once and {@code compute}
     * gets the operands' arrays in order (null for a null operand).
     */
    public static Tensor derive(long[] resultShape, DType resultType, Function<INDArray[], INDArray> compute,
                                Tensor... operands) {
        for (Tensor t : operands) {
            if (t != null && t.isShapeOnly()) return new Tensor(resultShape.clone(), resultType, null);
        }
        MemoryGuard.checkAllocation(resultType, resultShape);
        INDArray[] arrays = new INDArray[operands.length];
        for (int i = 0; i < operands.length; i++) arrays[i] = operands[i] == null ? null : operands[i].nd(); // issue 11 (mem)
        return computed(resultShape, resultType, compute.apply(arrays));
    }

    // ---------------------------------------------------------------- shape operations

    public Tensor view(long... shape) { return reshapeAs(shape, "view"); }

    public Tensor reshape(long... shape) { return reshapeAs(shape, "reshape"); }

    private Tensor reshapeAs(long[] requested, String what) {
        long[] out = Shapes.inferView(shape, requested, what);
        return derive(out, a -> a.reshape('c', out));
    }

    public Tensor flatten() { return flatten(0, -1); }

    public Tensor flatten(int start) { return flatten(start, -1); }

    public Tensor flatten(int start, int end) {
        int s = Shapes.normalizeDim(start, dim(), "flatten");
        int e = Shapes.normalizeDim(end, dim(), "flatten");
        if (dim() == 0) return reshape(1);
        if (s > e) throw new ShapeException("flatten(): start_dim (" + start + ") cannot come after end_dim (" + end + ")");
        long[] out = new long[dim() - (e - s)];
        int j = 0;
        for (int i = 0; i < s; i++) out[j++] = shape[i];
        long merged = 1;
        for (int i = s; i <= e; i++) merged *= shape[i];
        out[j++] = merged;
        for (int i = e + 1; i < dim(); i++) out[j++] = shape[i];
        return derive(out, a -> a.reshape('c', out));
    }

    public Tensor transpose(int dim0, int dim1) {
        int[] perm = new int[dim()];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        int a = Shapes.normalizeDim(dim0, dim(), "transpose");
        int b = Shapes.normalizeDim(dim1, dim(), "transpose");
        if (dim() == 0) return this;
        perm[a] = b;
        perm[b] = a;
        return permute(perm);
    }

    public Tensor permute(int... dims) {
        if (dims.length != dim()) {
            throw new ShapeException("permute(): number of dims don't match: tensor has " + dim()
                    + " dimensions (shape " + Shapes.format(shape) + "), got " + dims.length + " dims");
        }
        int[] perm = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        long[] out = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            perm[i] = Shapes.normalizeDim(dims[i], dim(), "permute");
            if (seen[perm[i]]) throw new ShapeException("permute(): repeated dim " + dims[i] + " in " + Arrays.toString(dims));
            seen[perm[i]] = true;
            out[i] = shape[perm[i]];
        }
        return derive(out, a -> a.permute(perm).dup('c'));
    }

    public Tensor squeeze() {
        long[] out = Arrays.stream(shape).filter(s -> s != 1).toArray();
        return derive(out, a -> a.reshape('c', out));
    }

    public Tensor squeeze(int dim) {
        int d = Shapes.normalizeDim(dim, dim(), "squeeze");
        if (dim() == 0 || shape[d] != 1) return this;
        long[] out = Shapes.remove(shape, d);
        return derive(out, a -> a.reshape('c', out));
    }

    public Tensor unsqueeze(int dim) {
        int d = Shapes.normalizeDim(dim, dim() + 1, "unsqueeze");
        long[] out = Shapes.insert(shape, d, 1);
        return derive(out, a -> a.reshape('c', out));
    }

    public static Tensor cat(int dim, Tensor... tensors) {
        if (tensors.length == 0) throw new ShapeException("cat(): expected a non-empty list of tensors");
        Tensor first = tensors[0];
        int d = Shapes.normalizeDim(dim, first.dim(), "cat");
        long[] out = first.shape();
        DType type = first.dtype;
        for (int t = 0; t < tensors.length; t++) {
            Tensor x = tensors[t];
            if (x.dim() == 0) {
                throw new ShapeException("cat(): zero-dimensional tensor (at position " + t + ") cannot be concatenated");
            }
            type = DType.promote(type, x.dtype);
            if (x.dim() != first.dim()) {
                throw new ShapeException("cat(): tensors must have the same number of dimensions: tensor 0 has shape "
                        + Shapes.format(first.shape) + ", tensor " + t + " has shape " + Shapes.format(x.shape));
            }
            for (int i = 0; i < out.length; i++) {
                if (i != d && x.shape[i] != first.shape[i]) {
                    throw new ShapeException("cat(): sizes of tensors must match except in dimension " + d
                            + ": tensor 0 has shape " + Shapes.format(first.shape) + ", tensor " + t + " has shape "
                            + Shapes.format(x.shape));
                }
            }
            if (t > 0) out[d] += x.shape[d];
        }
        DType common = type;
        return derive(out, type, arrays -> {
            INDArray[] cast = new INDArray[arrays.length];
            for (int t = 0; t < arrays.length; t++) cast[t] = arrays[t].castTo(common.nd4j());
            return Nd4j.concat(d, cast);
        }, tensors);
    }

    // ---------------------------------------------------------------- arithmetic

    public Tensor add(Tensor other) { return binary(other, "add", AddOp::new); }
    public Tensor sub(Tensor other) { return binary(other, "sub", SubOp::new); }
    public Tensor mul(Tensor other) { return binary(other, "mul", MulOp::new); }
    public Tensor div(Tensor other) {
        Tensor a = dtype.isFloatingPoint() ? this : to(DType.FLOAT32);
        return a.binary(other.dtype.isFloatingPoint() ? other : other.to(DType.FLOAT32), "div", DivOp::new);
    }

    public Tensor add(double value) { return scalarOp(value, "add", (a, v) -> a.add(v)); }
    public Tensor sub(double value) { return scalarOp(value, "sub", (a, v) -> a.sub(v)); }
    public Tensor mul(double value) { return scalarOp(value, "mul", (a, v) -> a.mul(v)); }
    public Tensor div(double value) {
        return (dtype.isFloatingPoint() ? this : to(DType.FLOAT32)).scalarOp(value, "div", (a, v) -> a.div(v));
    }

    private interface PairOp { DynamicCustomOp create(INDArray x, INDArray y, INDArray z); }

    private Tensor binary(Tensor other, String what, PairOp op) {
        long[] out = Shapes.broadcast(shape, other.shape, what);
        DType type = DType.resultType(dtype, dim() == 0, other.dtype, other.dim() == 0);
        return derive(out, type, arrays -> {
            INDArray x = arrays[0].dataType() == type.nd4j() ? arrays[0] : arrays[0].castTo(type.nd4j());
            INDArray y = arrays[1].dataType() == type.nd4j() ? arrays[1] : arrays[1].castTo(type.nd4j());
            // same rank as the result first (a free reshape): ND4J fails on e.g. [2] - [1, 1]
            x = alignRank(x, out.length);
            y = alignRank(y, out.length);
            INDArray z = Nd4j.create(type.nd4j(), out);
            Nd4j.exec(op.create(x, y, z));
            return z;
        }, this, other);
    }

    private interface ScalarOp { INDArray apply(INDArray a, Number v); }

    private Tensor scalarOp(double value, String what, ScalarOp op) {
        boolean whole = value == Math.rint(value) && !Double.isInfinite(value);
        DType type = dtype.isFloatingPoint() ? dtype : !whole ? DType.FLOAT32 : dtype == DType.BOOL ? DType.INT64 : dtype;
        Tensor source = type == dtype ? this : to(type);
        Number v = type.isFloatingPoint() ? (Number) value : (Number) (long) value;
        return source.derive(shape.clone(), type, a -> op.apply(a, v));
    }

    /** A copy converted to another element type. */
    public Tensor to(DType type) {
        if (type == dtype) return this;
        return derive(shape.clone(), type, a -> a.castTo(type.nd4j()));
    }

    /**
     * Matrix product with PyTorch's rules: 1-D operands are promoted and the added dim removed, batch
     * dims broadcast.
     */
    public Tensor matmul(Tensor other) {
        if (dim() == 0 || other.dim() == 0) {
            throw new ShapeException("matmul(): both arguments need at least 1 dimension, got shapes "
                    + Shapes.format(shape) + " and " + Shapes.format(other.shape));
        }
        long[] a = dim() == 1 ? new long[]{1, shape[0]} : shape;
        long[] b = other.dim() == 1 ? new long[]{other.shape[0], 1} : other.shape;
        long k1 = a[a.length - 1], k2 = b[b.length - 2];
        if (k1 != k2) {
            throw new ShapeException("matmul(): shapes " + Shapes.format(shape) + " and " + Shapes.format(other.shape)
                    + " cannot be multiplied (" + a[a.length - 2] + "x" + k1 + " and " + k2 + "x" + b[b.length - 1] + ")");
        }
        long[] batch = Shapes.broadcast(Arrays.copyOf(a, a.length - 2), Arrays.copyOf(b, b.length - 2), "matmul");
        long m = a[a.length - 2], n = b[b.length - 1];
        long[] full = Arrays.copyOf(batch, batch.length + 2);
        full[batch.length] = m;
        full[batch.length + 1] = n;
        long[] withoutRow = dim() == 1 ? Shapes.remove(full, full.length - 2) : full;
        long[] out = other.dim() == 1 ? Shapes.remove(withoutRow, withoutRow.length - 1) : withoutRow;
        DType type = DType.promote(dtype, other.dtype);
        long[] aFull = Arrays.copyOf(batch, batch.length + 2);
        aFull[batch.length] = m; aFull[batch.length + 1] = k1;
        long[] bFull = Arrays.copyOf(batch, batch.length + 2);
        bFull[batch.length] = k1; bFull[batch.length + 1] = n;
        // out has the elements of full (only size-1 dims removed), so the guard's bytes are the same
        return derive(out, type, arrays -> {
            INDArray x = expandTo(arrays[0].castTo(type.nd4j()).reshape('c', a), aFull);
            INDArray y = expandTo(arrays[1].castTo(type.nd4j()).reshape('c', b), bFull);
            INDArray z = k1 == 0 ? Nd4j.zeros(type.nd4j(), full) : batch.length == 0 ? x.mmul(y) : Nd4j.matmul(x, y);
            return z.reshape('c', out);
        }, this, other);
    }

    private static INDArray expandTo(INDArray x, long[] target) {
        if (Arrays.equals(x.shape(), target)) return x;
        long[] aligned = new long[target.length];
        Arrays.fill(aligned, 1);
        System.arraycopy(x.shape(), 0, aligned, target.length - x.rank(), x.rank());
        return x.reshape('c', aligned).broadcast(target);
    }

    // ---------------------------------------------------------------- elementwise functions

    public Tensor relu() { return derive(shape.clone(), a -> Transforms.relu(a, true)); }

    public Tensor sigmoid() { return floating().derive(shape.clone(), floatType(), a -> Transforms.sigmoid(a, true)); }

    public Tensor tanh() { return floating().derive(shape.clone(), floatType(), a -> Transforms.tanh(a, true)); }

    public Tensor exp() { return floating().derive(shape.clone(), floatType(), a -> Transforms.exp(a, true)); }

    public Tensor softmax(int dim) {
        int d = Shapes.normalizeDim(dim, dim(), "softmax");
        return floating().derive(shape.clone(), floatType(),
                a -> dim() == 0 ? Nd4j.onesLike(a) : alongLastDim(a, d, x -> Nd4j.exec(new SoftMax(x))[0]));
    }

    public Tensor logSoftmax(int dim) {
        int d = Shapes.normalizeDim(dim, dim(), "logSoftmax");
        return floating().derive(shape.clone(), floatType(),
                a -> dim() == 0 ? Nd4j.zerosLike(a) : alongLastDim(a, d, x -> Nd4j.exec(new LogSoftMax(x))[0]));
    }

    /** Runs an op that works over the last dimension (ND4J's softmax ops ignore other dims) over {@code dim}. */
    private static INDArray alongLastDim(INDArray a, int dim, Function<INDArray, INDArray> op) {
        int last = a.rank() - 1;
        if (dim == last) return op.apply(a.dup('c'));
        int[] swap = new int[a.rank()];
        for (int i = 0; i < swap.length; i++) swap[i] = i;
        swap[dim] = last;
        swap[last] = dim;
        return op.apply(a.permute(swap).dup('c')).permute(swap).dup('c');
    }

    private DType floatType() { return dtype.isFloatingPoint() ? dtype : DType.FLOAT32; }

    private Tensor floating() { return to(floatType()); }

    // ---------------------------------------------------------------- reductions

    /** Integer and bool tensors sum to int64, as in PyTorch (no int32 overflow, a bool sum counts). */
    public Tensor sum() {
        DType type = sumType();
        return derive(new long[0], type, a -> numel() == 0 ? Nd4j.scalar(type.nd4j(), 0)
                : Nd4j.scalar(type.nd4j(), a.castTo(type.nd4j()).sumNumber()));
    }

    public Tensor sum(int dim) {
        int d = Shapes.normalizeDim(dim, dim(), "sum");
        DType type = sumType();
        long[] out = dim() == 0 ? new long[0] : Shapes.remove(shape, d);
        return derive(out, type, a -> numel() == 0 ? Nd4j.zeros(type.nd4j(), out)
                : dim() == 0 ? a.castTo(type.nd4j()) : a.castTo(type.nd4j()).sum(d));
    }

    private DType sumType() { return dtype.isFloatingPoint() ? dtype : DType.INT64; }

    public Tensor mean() {
        return floating().derive(new long[0], floatType(),
                a -> Nd4j.scalar(a.dataType(), numel() == 0 ? Double.NaN : a.meanNumber().doubleValue()));
    }

    public Tensor mean(int dim) {
        int d = Shapes.normalizeDim(dim, dim(), "mean");
        long[] out = dim() == 0 ? new long[0] : Shapes.remove(shape, d);
        return floating().derive(out, floatType(), a -> numel() == 0 ? Nd4j.valueArrayOf(out, Double.NaN, a.dataType())
                : dim() == 0 ? a.dup() : a.mean(d));
    }

    public Tensor argmax(int dim) {
        int d = Shapes.normalizeDim(dim, dim(), "argmax");
        if (dim() > 0 && shape[d] == 0) {
            throw new ShapeException("argmax(): expected reduction dim " + d + " to have non-zero size, got shape "
                    + Shapes.format(shape));
        }
        return derive(dim() == 0 ? new long[0] : Shapes.remove(shape, d), DType.INT64,
                a -> dim() == 0 ? Nd4j.scalar(0L) : numel() == 0 ? Nd4j.zeros(DType.INT64.nd4j(), Shapes.remove(shape, d))
                        : Nd4j.argMax(a, d));
    }

    // ---------------------------------------------------------------- printing

    @Override public String toString() { return TensorFormat.format(this); }

    // --- issue 9: tensor API ---

    private static INDArray alignRank(INDArray a, int rank) {
        if (a.rank() >= rank) return a;
        long[] aligned = new long[rank];
        Arrays.fill(aligned, 1);
        System.arraycopy(a.shape(), 0, aligned, rank - a.rank(), a.rank());
        return a.reshape('c', aligned);
    }
    // Short forms delegating to Indexing, Views, Comparisons, Elementwise, Reductions, Sorting,
    // Factories, Einsum and Readers; names and semantics are PyTorch's (camelCase).

    /** The sizes as {@code torch.Size}, printing as {@code torch.Size([12, 1000])}. */
    public Size size() { return new Size(shape); }

    /** {@code x[:, i]} for dim 1: removes the dim. */
    public Tensor select(int dim, long index) { return Indexing.select(this, dim, index); }
    public Tensor narrow(int dim, long start, long length) { return Indexing.narrow(this, dim, start, length); }
    /** Python's {@code start:end} on one dim; bounds are clamped, negatives count from the end. */
    public Tensor slice(int dim, long start, long end) { return Indexing.slice(this, dim, start, end, 1); }
    public Tensor slice(int dim, long start, long end, long step) { return Indexing.slice(this, dim, start, end, step); }
    /** {@code x[...]} with {@link Index} items: {@code x.index(all(), at(0))} is {@code x[:, 0]}. */
    public Tensor index(Index... items) { return Indexing.index(this, items); }
    /** {@code x.get(":, 0")}, {@code x.get("..., :4, :4")}, {@code x.get("1:, ::2, None")}: Python's index text. */
    public Tensor get(String index) { return Indexing.index(this, Index.parse(index)); }
    /** {@code x[mask]} for a bool tensor (a 1-D result), {@code x[idx]} for an integer tensor (rows of dim 0). */
    public Tensor get(Tensor index) {
        return index.dtype == DType.BOOL ? Indexing.maskedSelect(this, index) : Indexing.take(this, index);
    }
    public Tensor indexSelect(int dim, Tensor index) { return Indexing.indexSelect(this, dim, index); }
    public Tensor gather(int dim, Tensor index) { return Indexing.gather(this, dim, index); }
    public Tensor maskedSelect(Tensor mask) { return Indexing.maskedSelect(this, mask); }

    /** Broadcasts size-1 dims to the given sizes; -1 keeps a dim; new leading dims may be added. */
    public Tensor expand(long... sizes) { return Views.expand(this, sizes); }
    public Tensor expandAs(Tensor other) { return Views.expand(this, other.shape); }
    public Tensor repeat(long... repeats) { return Views.repeat(this, repeats); }
    /** Every tensor here is already contiguous: returns this tensor, so ported code runs unchanged. */
    public Tensor contiguous() { return this; }
    public List<Tensor> split(long splitSize, int dim) { return Views.split(this, splitSize, dim); }
    public List<Tensor> split(long splitSize) { return Views.split(this, splitSize, 0); }
    public List<Tensor> split(long[] splitSizes, int dim) { return Views.split(this, splitSizes, dim); }
    public List<Tensor> chunk(int chunks, int dim) { return Views.chunk(this, chunks, dim); }
    public List<Tensor> chunk(int chunks) { return Views.chunk(this, chunks, 0); }
    public List<Tensor> unbind(int dim) { return Views.unbind(this, dim); }
    public List<Tensor> unbind() { return Views.unbind(this, 0); }
    public static Tensor stack(int dim, Tensor... ts) { return Views.stack(dim, ts); }
    public static Tensor stack(int dim, List<Tensor> ts) { return Views.stack(dim, ts.toArray(new Tensor[0])); }
    public static Tensor cat(int dim, List<Tensor> ts) { return cat(dim, ts.toArray(new Tensor[0])); }
    public Tensor flip(int... dims) { return Views.flip(this, dims); }
    public Tensor roll(long[] shifts, int[] dims) { return Views.roll(this, shifts, dims); }
    public Tensor roll(long shift, int dim) { return Views.roll(this, new long[]{shift}, new int[]{dim}); }
    /** Rolls the flattened tensor, then restores the shape (PyTorch's roll without dims). */
    public Tensor roll(long shift) { return Views.roll(this, shift); }
    public Tensor unflatten(int dim, long... sizes) { return Views.unflatten(this, dim, sizes); }
    public Tensor movedim(int source, int destination) { return Views.movedim(this, source, destination); }
    public Tensor tril() { return Views.triangle(this, 0, true); }
    public Tensor tril(long diagonal) { return Views.triangle(this, diagonal, true); }
    public Tensor triu() { return Views.triangle(this, 0, false); }
    public Tensor triu(long diagonal) { return Views.triangle(this, diagonal, false); }

    public Tensor eq(Tensor other) { return Comparisons.compare(this, other, Comparisons.Cmp.EQ); }
    public Tensor ne(Tensor other) { return Comparisons.compare(this, other, Comparisons.Cmp.NE); }
    public Tensor lt(Tensor other) { return Comparisons.compare(this, other, Comparisons.Cmp.LT); }
    public Tensor le(Tensor other) { return Comparisons.compare(this, other, Comparisons.Cmp.LE); }
    public Tensor gt(Tensor other) { return Comparisons.compare(this, other, Comparisons.Cmp.GT); }
    public Tensor ge(Tensor other) { return Comparisons.compare(this, other, Comparisons.Cmp.GE); }
    public Tensor eq(double value) { return Comparisons.compare(this, value, Comparisons.Cmp.EQ); }
    public Tensor ne(double value) { return Comparisons.compare(this, value, Comparisons.Cmp.NE); }
    public Tensor lt(double value) { return Comparisons.compare(this, value, Comparisons.Cmp.LT); }
    public Tensor le(double value) { return Comparisons.compare(this, value, Comparisons.Cmp.LE); }
    public Tensor gt(double value) { return Comparisons.compare(this, value, Comparisons.Cmp.GT); }
    public Tensor ge(double value) { return Comparisons.compare(this, value, Comparisons.Cmp.GE); }
    public Tensor logicalAnd(Tensor other) { return Comparisons.logical(this, other, "logical_and"); }
    public Tensor logicalOr(Tensor other) { return Comparisons.logical(this, other, "logical_or"); }
    public Tensor logicalXor(Tensor other) { return Comparisons.logical(this, other, "logical_xor"); }
    public Tensor logicalNot() { return Comparisons.logicalNot(this); }
    public static Tensor where(Tensor condition, Tensor x, Tensor y) { return Comparisons.where(condition, x, y); }
    public static Tensor where(Tensor condition, Tensor x, double y) { return Comparisons.where(condition, x, y); }
    public static Tensor where(Tensor condition, double x, Tensor y) {
        return Comparisons.where(condition, Comparisons.scalarLike(y, x), y);
    }
    public Tensor maskedFill(Tensor mask, double value) { return Comparisons.maskedFill(this, mask, value); }
    public Tensor maskedFill(Tensor mask, Tensor value) { return Comparisons.maskedFill(this, mask, value); }
    public Tensor isnan() { return Comparisons.isNan(this); }
    public Tensor isinf() { return Comparisons.isInf(this); }
    public Tensor isfinite() { return isnan().logicalOr(isinf()).logicalNot(); }

    public Tensor abs() { return Elementwise.abs(this); }
    public Tensor neg() { return Elementwise.neg(this); }
    public Tensor sign() { return Elementwise.sign(this); }
    public Tensor sqrt() { return Elementwise.sqrt(this); }
    public Tensor rsqrt() { return Elementwise.rsqrt(this); }
    public Tensor log() { return Elementwise.log(this); }
    public Tensor log1p() { return Elementwise.log1p(this); }
    public Tensor sin() { return Elementwise.sin(this); }
    public Tensor cos() { return Elementwise.cos(this); }
    public Tensor erf() { return Elementwise.erf(this); }
    public Tensor reciprocal() { return Elementwise.reciprocal(this); }
    public Tensor floor() { return Elementwise.floor(this); }
    public Tensor ceil() { return Elementwise.ceil(this); }
    public Tensor round() { return Elementwise.round(this); }
    public Tensor pow(double exponent) { return Elementwise.pow(this, exponent); }
    public Tensor pow(Tensor exponent) { return Elementwise.pow(this, exponent); }
    public Tensor clamp(double min, double max) { return Elementwise.clamp(this, min, max); }
    public Tensor clampMin(double min) { return Elementwise.clamp(this, min, null); }
    public Tensor clampMax(double max) { return Elementwise.clamp(this, null, max); }
    public Tensor maximum(Tensor other) { return Elementwise.extreme(this, other, true); }
    public Tensor minimum(Tensor other) { return Elementwise.extreme(this, other, false); }

    public Tensor sum(int dim, boolean keepdim) { return Reductions.sum(this, new int[]{dim}, keepdim); }
    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sum(this, dims, keepdim); }
    public Tensor mean(int dim, boolean keepdim) { return Reductions.mean(this, new int[]{dim}, keepdim); }
    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.mean(this, dims, keepdim); }
    public Tensor prod() { return Reductions.prod(this, new int[0], false); }
    public Tensor prod(int dim) { return Reductions.prod(this, new int[]{dim}, false); }
    public Tensor prod(int dim, boolean keepdim) { return Reductions.prod(this, new int[]{dim}, keepdim); }
    public Tensor max() { return Reductions.extremeAll(this, true); }
    public Tensor min() { return Reductions.extremeAll(this, false); }
    public ValuesIndices max(int dim) { return Reductions.extremeDim(this, dim, false, true); }
    public ValuesIndices max(int dim, boolean keepdim) { return Reductions.extremeDim(this, dim, keepdim, true); }
    public ValuesIndices min(int dim) { return Reductions.extremeDim(this, dim, false, false); }
    public ValuesIndices min(int dim, boolean keepdim) { return Reductions.extremeDim(this, dim, keepdim, false); }
    /** {@code torch.max(a, b)}: the elementwise maximum. */
    public Tensor max(Tensor other) { return maximum(other); }
    public Tensor min(Tensor other) { return minimum(other); }
    public Tensor amax(int... dims) { return Reductions.amax(this, dims, false, true); }
    public Tensor amax(int[] dims, boolean keepdim) { return Reductions.amax(this, dims, keepdim, true); }
    public Tensor amin(int... dims) { return Reductions.amax(this, dims, false, false); }
    public Tensor amin(int[] dims, boolean keepdim) { return Reductions.amax(this, dims, keepdim, false); }
    public Tensor argmax() { return Reductions.argExtreme(flatten(), 0, false, true); }
    public Tensor argmax(int dim, boolean keepdim) { return Reductions.argExtreme(this, dim, keepdim, true); }
    public Tensor argmin() { return Reductions.argExtreme(flatten(), 0, false, false); }
    public Tensor argmin(int dim) { return Reductions.argExtreme(this, dim, false, false); }
    public Tensor argmin(int dim, boolean keepdim) { return Reductions.argExtreme(this, dim, keepdim, false); }
    /** Unbiased (correction 1), as PyTorch's default. */
    public Tensor var() { return Reductions.var(this, new int[0], 1, false); }
    public Tensor var(int dim) { return Reductions.var(this, new int[]{dim}, 1, false); }
    public Tensor var(int[] dims, double correction, boolean keepdim) { return Reductions.var(this, dims, correction, keepdim); }
    public Tensor std() { return Reductions.std(this, new int[0], 1, false); }
    public Tensor std(int dim) { return Reductions.std(this, new int[]{dim}, 1, false); }
    public Tensor std(int[] dims, double correction, boolean keepdim) { return Reductions.std(this, dims, correction, keepdim); }
    /** The 2-norm of all elements. */
    public Tensor norm() { return norm(2, new int[0], false); }
    public Tensor norm(double p) { return norm(p, new int[0], false); }
    public Tensor norm(double p, int dim) { return norm(p, new int[]{dim}, false); }
    /** The p-norm over dims (all when empty); p may be infinite. */
    public Tensor norm(double p, int[] dims, boolean keepdim) {
        Tensor a = floating().abs();
        if (Double.isInfinite(p)) return p > 0 ? a.amax(dims, keepdim) : a.amin(dims, keepdim);
        if (p == 0) return a.ne(0).to(floatType()).sum(dims, keepdim);
        return a.pow(p).sum(dims, keepdim).pow(1 / p);
    }
    public Tensor cumsum(int dim) { return Reductions.cumsum(this, dim); }
    public ValuesIndices topk(long k) { return Sorting.topk(this, k, -1, true, true); }
    public ValuesIndices topk(long k, int dim) { return Sorting.topk(this, k, dim, true, true); }
    public ValuesIndices topk(long k, int dim, boolean largest, boolean sorted) { return Sorting.topk(this, k, dim, largest, sorted); }
    public ValuesIndices sort() { return Sorting.sort(this, -1, false); }
    public ValuesIndices sort(int dim) { return Sorting.sort(this, dim, false); }
    public ValuesIndices sort(int dim, boolean descending) { return Sorting.sort(this, dim, descending); }
    public Tensor argsort() { return Sorting.sort(this, -1, false).indices(); }
    public Tensor argsort(int dim) { return Sorting.sort(this, dim, false).indices(); }
    public Tensor argsort(int dim, boolean descending) { return Sorting.sort(this, dim, descending).indices(); }
    public Tensor any() { return Reductions.anyAll(this, new int[0], false, true); }
    public Tensor any(int dim) { return Reductions.anyAll(this, new int[]{dim}, false, true); }
    public Tensor any(int dim, boolean keepdim) { return Reductions.anyAll(this, new int[]{dim}, keepdim, true); }
    public Tensor all() { return Reductions.anyAll(this, new int[0], false, false); }
    public Tensor all(int dim) { return Reductions.anyAll(this, new int[]{dim}, false, false); }
    public Tensor all(int dim, boolean keepdim) { return Reductions.anyAll(this, new int[]{dim}, keepdim, false); }

    /** {@code torch.einsum}: {@code Tensor.einsum("bhqd,bhkd->bhqk", q, k)}. */
    public static Tensor einsum(String equation, Tensor... operands) { return Einsum.einsum(equation, operands); }

    /** {@code x.float()} ({@code float} is a Java keyword). */
    public Tensor toFloat() { return to(DType.FLOAT32); }
    public Tensor toDouble() { return to(DType.FLOAT64); }
    /** {@code x.long()}. */
    public Tensor toLong() { return to(DType.INT64); }
    public Tensor toInt() { return to(DType.INT32); }
    public Tensor bool() { return to(DType.BOOL); }
    public Tensor half() { return to(DType.FLOAT16); }

    public float[] toFloatArray() { return Readers.floats(this); }
    public double[] toDoubleArray() { return Readers.doubles(this); }
    public long[] toLongArray() { return Readers.longs(this); }
    /** {@code tolist()}: nested Lists of Double, Long or Boolean; a 0-dim tensor gives the number itself. */
    public Object toList() { return Readers.toList(this); }

    public static Tensor of(long[] data, long... shape) {
        long[] s = shape.length == 0 ? new long[]{data.length} : Shapes.inferView(new long[]{data.length}, shape, "Tensor.of");
        return of(Nd4j.createFromArray(data.clone()).reshape('c', s));
    }
    public static Tensor of(boolean[] data, long... shape) {
        long[] s = shape.length == 0 ? new long[]{data.length} : Shapes.inferView(new long[]{data.length}, shape, "Tensor.of");
        return of(Nd4j.createFromArray(data.clone()).reshape('c', s));
    }
    public static Tensor arange(long start, long end) { return Factories.arangeLong(start, end, 1, false); }
    public static Tensor arange(long start, long end, long step) { return Factories.arangeLong(start, end, step, false); }
    /** Floating-point arange (float32): {@code Tensor.arange(0.0, 1.0, 0.25)}. */
    public static Tensor arange(double start, double end, double step) { return Factories.arange(DType.FLOAT32, start, end, step); }
    public static Tensor arange(DType dtype, double start, double end, double step) { return Factories.arange(dtype, start, end, step); }
    public static Tensor linspace(double start, double end, long steps) { return Factories.linspace(start, end, steps); }
    public static Tensor eye(long n) { return Factories.eye(n, n); }
    public static Tensor eye(long n, long m) { return Factories.eye(n, m); }
    public static Tensor full(DType dtype, double value, long... shape) { return Factories.full(dtype, value, shape); }
    public static Tensor zerosLike(Tensor x) { return Factories.fill(x, x.dtype, 0); }
    public static Tensor onesLike(Tensor x) { return Factories.fill(x, x.dtype, 1); }
    public static Tensor fullLike(Tensor x, double value) { return Factories.fill(x, x.dtype, value); }
    /** Like PyTorch's, but zero-filled rather than uninitialised. */
    public static Tensor emptyLike(Tensor x) { return Factories.fill(x, x.dtype, 0); }
    public static Tensor randLike(Tensor x) { return Factories.randLike(x, false); }
    public static Tensor randnLike(Tensor x) { return Factories.randLike(x, true); }
    /** int64 values uniform in [low, high). */
    public static Tensor randint(long low, long high, long... shape) { return Factories.randint(low, high, shape); }
    /** {@code torch.meshgrid(*ts, indexing="ij")}. */
    public static List<Tensor> meshgrid(Tensor... ts) { return List.of(Factories.meshgrid("ij", ts)); }
    public static List<Tensor> meshgrid(String indexing, Tensor... ts) { return List.of(Factories.meshgrid(indexing, ts)); }
}
