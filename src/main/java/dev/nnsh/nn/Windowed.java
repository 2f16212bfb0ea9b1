package dev.nnsh.nn;

/** A layer with a sliding window (convolution, pooling): what torchinfo shows as its kernel size. */
public interface Windowed {
    /** One size per spatial dimension. */
    int[] kernelSize();

    /** True when the kernel was given as one number and PyTorch keeps it so (pooling: shown as `2`, not `[2, 2]`). */
    default boolean kernelGivenAsInt() { return false; }
}
