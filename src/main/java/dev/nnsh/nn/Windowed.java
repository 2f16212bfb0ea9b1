package dev.nnsh.nn;

/**
 * A layer with a sliding window (convolution, pooling): its kernel, stride, padding and dilation,
 * one entry per spatial dimension. The summary's Kernel Shape column and {@code explain} read them.
 */
public interface Windowed {
    int[] kernelSize();

    /** True when the kernel was given as one number and PyTorch keeps it so (pooling: shown as `2`, not `[2, 2]`). */
    default boolean kernelGivenAsInt() { return false; }

    int[] stride();

    /** Padding before each spatial dimension (for "same" padding, the computed amount). */
    int[] padding();

    int[] dilation();

    default boolean ceilMode() { return false; }
}
