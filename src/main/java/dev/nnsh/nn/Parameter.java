package dev.nnsh.nn;

import dev.nnsh.tensor.DType;

/** A learnable tensor of a module, lazily initialised; frozen when {@code requiresGrad} is false. */
public final class Parameter extends LazyTensor {
    private boolean requiresGrad = true;

    public Parameter(String name, Init init, long... shape) {
        super(name, DType.FLOAT32, init, shape);
    }

    public boolean requiresGrad() { return requiresGrad; }

    public Parameter requiresGrad(boolean value) {
        requiresGrad = value;
        return this;
    }
}
