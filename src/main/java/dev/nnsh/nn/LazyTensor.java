package dev.nnsh.nn;

import java.util.Arrays;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.MemoryGuard;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.ShapeOnlyMode;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * A tensor a module owns (parameter or buffer) that knows its shape from the start and allocates
 * only on first real use, so building and summarising a huge network costs nothing.
 */
public abstract class LazyTensor {
    private String name;
    private final long[] shape;
    private final DType dtype;
    private Init init;
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
        return input.isShapeOnly() || ShapeOnlyMode.active() ? Tensor.shapeOnly(dtype, shape) : data();
    }

    /**
     * The values for the pass that is running: shape-only inside a shape-only pass (nothing
     * materialises), else {@link #data()}. What a user's {@code forward} reads a buffer or parameter with.
     */
    public Tensor value() { return ShapeOnlyMode.active() ? Tensor.shapeOnly(dtype, shape) : data(); }

    /** Gives a tensor made without a name ({@code new Parameter(tensor)}) the name it is registered under. */
    void nameIfUnnamed(String registeredName) {
        if (name.isEmpty()) name = registeredName;
    }

    /** Replaces the initialisation (what {@code Init.normal_} and friends do); values made before are dropped. */
    void reinitialize(Init newInit) {
        init = newInit;
        data = null;
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
