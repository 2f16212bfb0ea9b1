package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Element-wise functions the zoo's attention layers need beyond Tensor's own: PyTorch's
 * {@code torch.sqrt}, {@code torch.clamp(max=)} and {@code F.normalize(x, p=2, dim)}.
 */
public final class Elementwise {
    private Elementwise() {}

    public static Tensor sqrt(Tensor x) { return x.derive(x.shape(), x.dtype(), a -> Transforms.sqrt(a, true)); }

    public static Tensor clampMax(Tensor x, double max) { return x.derive(x.shape(), x.dtype(), a -> Transforms.min(a, max, true)); }

    public static Tensor clampMin(Tensor x, double min) { return x.derive(x.shape(), x.dtype(), a -> Transforms.max(a, min, true)); }

    /** x / max(‖x‖₂ over dim, eps), as {@code F.normalize(x, dim=dim)} (eps 1e-12). */
    public static Tensor normalize(Tensor x, int dim, double eps) {
        Tensor norm = clampMin(sqrt(x.mul(x).sum(dim)), eps).unsqueeze(dim < 0 ? dim + x.dim() : dim);
        return x.div(norm);
    }
}
