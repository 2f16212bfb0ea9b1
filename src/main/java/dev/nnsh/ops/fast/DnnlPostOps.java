package dev.nnsh.ops.fast;

/** The activation a fused convolution applies to its result (after any residual sum). */
public enum DnnlPostOps {
    NONE,
    RELU,
    /** min(max(x, 0), 6) */
    RELU6,
    /** x·min(max(x + 3, 0), 6)/6, nn.Hardswish (issue 11, free) */
    HARDSWISH,
    /** x·σ(x), nn.SiLU (oneDNN's swish with alpha 1) (issue 11, free) */
    SILU
}
