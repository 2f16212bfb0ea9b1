package dev.nnsh.ops;

import dev.nnsh.tensor.Tensor;

/** Activation functions written with tensor operations: hardsigmoid, mish, elu, softplus. */
public final class Activations {
    private Activations() {}

    /** relu6(x + 3) / 6. */
    public static Tensor hardsigmoid(Tensor x) { return x.add(3).clamp(0, 6).div(6); }

    /** log(1 + eˣ), linear above the threshold as PyTorch's softplus (beta 1, threshold 20). */
    public static Tensor softplus(Tensor x) {
        return Tensor.where(x.gt(20), x, x.clampMax(20).exp().log1p());
    }

    /** x · tanh(softplus(x)). */
    public static Tensor mish(Tensor x) { return x.mul(softplus(x).tanh()); }

    /** x for x > 0, alpha·(eˣ − 1) otherwise. */
    public static Tensor elu(Tensor x, double alpha) {
        return Tensor.where(x.gt(0), x, x.clampMax(0).exp().sub(1).mul(alpha));
    }

    /** x / max(‖x‖ₚ over dim, eps), like {@code F.normalize}. */
    public static Tensor normalize(Tensor x, double p, int dim, double eps) {
        return x.div(x.norm(p, new int[]{dim}, true).clampMin(eps));
    }
}
