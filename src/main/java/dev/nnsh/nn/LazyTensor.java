package dev.nnsh.nn;

import java.util.Arrays;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.MemoryGuard;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * A tensor a module owns (parameter or buffer) that knows its shape from the start and allocates
 * only on first real use, so building and summarising a huge network costs nothing.
 */
public abstract class LazyTensor {
    private final String name;
    private final long[] shape;
    private final DType dtype;
    private final Init init;
    private Tensor data;

    LazyTensor(String name, DType dtype, Init init, long... shape) {
        this.name = name;
        this.dtype = dtype;
        this.init = init;
        this.shape = shape.clone();
    }

    /** The name within its module ({@code weight}, {@code running_mean}). */
    public String name() { return name; }

    public long[] shape() { return shape.clone(); }

    public DType dtype() { return dtype; }

    public long numel() { return Shapes.numel(shape); }

    public long bytes() { return MemoryGuard.bytesFor(dtype, shape); }

    public boolean isMaterialized() { return data != null; }

    /** The values, created with the module's default initialisation on first call. */
    public Tensor data() {
        if (data == null) {
            MemoryGuard.checkAllocation(dtype, shape);
            data = init.create(dtype, shape);
        }
        return data;
    }

    /** The values for a pass over {@code input}: shape-only when the input is, so nothing materialises. */
    public Tensor valueFor(Tensor input) {
        return input.isShapeOnly() ? Tensor.shapeOnly(dtype, shape) : data();
    }

    public void set(Tensor value) {
        if (!Arrays.equals(value.shape(), shape)) {
            throw new ShapeException(getClass().getSimpleName().toLowerCase() + " '" + name + "': expected shape "
                    + Shapes.format(shape) + ", got " + Shapes.format(value.shape()));
        }
        if (value.isShapeOnly()) throw new IllegalArgumentException("'" + name + "': cannot set a shape-only tensor as values");
        data = value.dtype() == dtype ? value : value.to(dtype);
    }

    @Override public String toString() {
        return getClass().getSimpleName() + "(" + name + ", shape=" + Shapes.format(shape) + ", " + dtype + ")";
    }
}
