package dev.nnsh.ops.fast;

/** The activation a fused convolution applies to its result (after any residual sum). */
public enum DnnlPostOps {
    NONE,
    RELU,
    /** min(max(x, 0), 6) */
    RELU6
}
