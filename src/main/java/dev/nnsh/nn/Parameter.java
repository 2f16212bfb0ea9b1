package dev.nnsh.nn;

import java.util.function.Supplier;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.ShapeOnlyMode;
import dev.nnsh.tensor.Tensor;

/** A learnable tensor of a module, lazily initialised; frozen when {@code requiresGrad} is false. */
public final class Parameter extends LazyTensor {
    private boolean requiresGrad = true;

    public Parameter(String name, Init init, long... shape) {
        super(name, DType.FLOAT32, init, shape);
    }

    /** {@code nn.Parameter(tensor)}: the given values (kept as they are). */
    public Parameter(Tensor value) {
        super("", checked(value).dtype(), (dtype, shape) -> value.to(dtype), value.shape());
        set(value);
    }

    /**
     * {@code nn.Parameter(torch.zeros(1, 1, d))} without allocating: the factory runs in a shape-only
     * pass to learn the shape, and for real on first use ({@code new Parameter(() -> Tensor.zeros(1, 1, d))}).
     */
    public Parameter(Supplier<Tensor> value) {
        this(ShapeOnlyMode.run(value), value);
    }

    private Parameter(Tensor shapeOf, Supplier<Tensor> value) {
        super("", shapeOf.dtype(), (dtype, shape) -> value.get().to(dtype), shapeOf.shape());
    }

    private static Tensor checked(Tensor value) {
        if (value == null) throw new IllegalArgumentException("Parameter: the tensor is null");
        if (value.isShapeOnly()) throw new IllegalArgumentException("Parameter: a shape-only tensor has no values to hold");
        return value;
    }

    public boolean requiresGrad() { return requiresGrad; }

    /** {@code requires_grad_()}: same as {@link #requiresGrad(boolean)}. */
    public Parameter requiresGrad_(boolean value) { return requiresGrad(value); }

    public Parameter requiresGrad(boolean value) {
        requiresGrad = value;
        return this;
    }
}
