package dev.nnsh.nn;

import dev.nnsh.tensor.DType;

/** Module state that is not learnt (BatchNorm's running statistics): in stateDict, not in parameters. */
public final class Buffer extends LazyTensor {
    public Buffer(String name, DType dtype, Init init, long... shape) {
        super(name, dtype, init, shape);
    }
}
