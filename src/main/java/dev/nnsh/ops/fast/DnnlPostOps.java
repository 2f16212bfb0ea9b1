package dev.nnsh.ops.fast;

import org.bytedeco.dnnl.dnnl_post_ops;

import static org.bytedeco.dnnl.global.dnnl.*;

/** The activation a fused convolution or matmul applies to its result (after any residual sum). */
public enum DnnlPostOps {
    NONE,
    RELU,
    /** min(max(x, 0), 6) */
    RELU6,
    /** x·min(max(x + 3, 0), 6)/6, nn.Hardswish (issue 11, free) */
    HARDSWISH,
    /** x·σ(x), nn.SiLU (oneDNN's swish with alpha 1) (issue 11, free) */
    SILU,
    /** 1/(1 + e^−x), nn.Sigmoid (a squeeze-excitation's scale) (issue 11 (mobile)) */
    SIGMOID,
    /** min(max(x/6 + 1/2, 0), 1), nn.Hardsigmoid (issue 11 (mobile)) */
    HARDSIGMOID,
    /** 0.5·x·(1 + erf(x/√2)), nn.GELU() (issue 11, tf) */
    GELU_ERF,
    /** nn.GELU(approximate='tanh') (issue 11, tf) */
    GELU_TANH;

    /** Appends this activation to {@code ops} (nothing for NONE). */
    void appendTo(dnnl_post_ops ops) {
        switch (this) {
            case NONE -> { }
            case RELU -> eltwise(ops, dnnl_eltwise_relu, 0f, 0f);
            case RELU6 -> eltwise(ops, dnnl_eltwise_clip, 0f, 6f);
            case HARDSWISH -> eltwise(ops, dnnl_eltwise_hardswish, 0f, 0f);
            case SILU -> eltwise(ops, dnnl_eltwise_swish, 1f, 0f);
            case SIGMOID -> eltwise(ops, dnnl_eltwise_logistic, 0f, 0f); // issue 11 (mobile)
            case HARDSIGMOID -> { // issue 11 (mobile): x/6 + 1/2, then clipped to [0, 1]
                eltwise(ops, dnnl_eltwise_linear, 1f / 6, 0.5f);
                eltwise(ops, dnnl_eltwise_clip, 0f, 1f);
            }
            case GELU_ERF -> eltwise(ops, dnnl_eltwise_gelu_erf, 0f, 0f); // issue 11 (tf)
            case GELU_TANH -> eltwise(ops, dnnl_eltwise_gelu_tanh, 0f, 0f); // issue 11 (tf)
        }
    }

    private static void eltwise(dnnl_post_ops ops, int kind, float alpha, float beta) {
        Dnnl.check(dnnl_post_ops_append_eltwise(ops, 1f, kind, alpha, beta), "post_ops_append_eltwise");
    }
}
