package dev.nnsh.nn;

import dev.nnsh.ops.ElementwiseKernels;
import dev.nnsh.tensor.Tensor;

/**
 * Element-wise functions the zoo's layers need beyond Tensor's own: PyTorch's {@code torch.sqrt},
 * {@code torch.clamp(min=, max=)} and {@code F.normalize(x, p=2, dim)}.
 */
public final class Elementwise {
    private Elementwise() {}

    public static Tensor sqrt(Tensor x) { return x.derive(x.shape(), x.dtype(), ElementwiseKernels::sqrt); }

    public static Tensor clampMax(Tensor x, double max) { return x.derive(x.shape(), x.dtype(), a -> ElementwiseKernels.clampMax(a, max)); }

    public static Tensor clampMin(Tensor x, double min) { return x.derive(x.shape(), x.dtype(), a -> ElementwiseKernels.clampMin(a, min)); }

    /** x / max(‖x‖₂ over dim, eps), as {@code F.normalize(x, dim=dim)} (eps 1e-12). */
    public static Tensor normalize(Tensor x, int dim, double eps) {
        Tensor norm = clampMin(sqrt(x.mul(x).sum(dim)), eps).unsqueeze(dim < 0 ? dim + x.dim() : dim);
        return x.div(norm);
    }
}
