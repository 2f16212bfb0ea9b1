package dev.nnsh.nn;

import dev.nnsh.ops.fast.DnnlPostOps;

/**
 * Which activation modules a fused convolution can apply as its oneDNN post-op: exactly ReLU,
 * ReLU6, Hardswish, SiLU, Sigmoid, Hardsigmoid and GELU (a subclass may override forward, so it is never fused).
 * {@code -Dnnsh.fuse.gelu=off} leaves GELU to run as its own module; {@code -Dnnsh.fuse.swish=off} or {@link #setSwishFused} leaves Hardswish and SiLU to run as their own modules.
 */
public final class FusableActivation {
    private FusableActivation() {}

    private static volatile boolean swish = !"off".equals(System.getProperty("nnsh.fuse.swish"));

    private static volatile boolean sigmoid = !"off".equals(System.getProperty("nnsh.fuse.sigmoid")); // issue 11 (mobile)

    /** The post-op for {@code m}, or null when m is not an activation a convolution can fuse. */
    static DnnlPostOps of(Module m) {
        Class<?> c = m.getClass();
        if (c == ReLU.class) return DnnlPostOps.RELU;
        if (c == ReLU6.class) return DnnlPostOps.RELU6;
        if (c == Hardswish.class) return swish ? DnnlPostOps.HARDSWISH : null;
        if (c == SiLU.class) return swish ? DnnlPostOps.SILU : null;
        if (c == Sigmoid.class) return sigmoid ? DnnlPostOps.SIGMOID : null; // issue 11 (mobile)
        if (c == Hardsigmoid.class) return sigmoid ? DnnlPostOps.HARDSIGMOID : null; // issue 11 (mobile)
        if (c == GELU.class && !"off".equals(System.getProperty("nnsh.fuse.gelu"))) { // issue 11: MaxViT's MBConv
            return "tanh".equals(((GELU) m).approximate()) ? DnnlPostOps.GELU_TANH : DnnlPostOps.GELU_ERF;
        }
        return null;
    }

    /** Turns the Hardswish and SiLU post-ops on or off at run time (for before/after comparisons in one JVM). */
    public static void setSwishFused(boolean on) { swish = on; }

    /** Turns the Sigmoid and Hardsigmoid post-ops on or off at run time ({@code -Dnnsh.fuse.sigmoid=off}: off) (issue 11 (mobile)). */
    public static void setSigmoidFused(boolean on) { sigmoid = on; }
}
