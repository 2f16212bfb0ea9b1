package dev.nnsh.ops;

import dev.nnsh.tensor.Tensor;

/** Functional forms written with tensor operations: softplus, normalize (the elementwise activations are in ActivationOps). */
public final class Activations {
    private Activations() {}

    /** log(1 + eˣ), linear above the threshold as PyTorch's softplus (beta 1, threshold 20). */
    public static Tensor softplus(Tensor x) {
        return Tensor.where(x.gt(20), x, x.clampMax(20).exp().log1p());
    }

    /** x / max(‖x‖ₚ over dim, eps), like {@code F.normalize}. */
    public static Tensor normalize(Tensor x, double p, int dim, double eps) {
        return x.div(x.norm(p, new int[]{dim}, true).clampMin(eps));
    }
}
