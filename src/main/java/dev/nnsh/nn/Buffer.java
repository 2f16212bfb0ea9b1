package dev.nnsh.nn;

import dev.nnsh.tensor.DType;

/** Module state that is not learnt (BatchNorm's running statistics): in stateDict, not in parameters. */
public final class Buffer extends LazyTensor {
    private final boolean persistent;

    public Buffer(String name, DType dtype, Init init, long... shape) { this(name, dtype, init, true, shape); }

    /** A non-persistent buffer ({@code register_buffer(..., persistent=False)}) is left out of the state dict. */
    public Buffer(String name, DType dtype, Init init, boolean persistent, long... shape) {
        super(name, dtype, init, shape);
        this.persistent = persistent;
    }

    public boolean persistent() { return persistent; }
}
