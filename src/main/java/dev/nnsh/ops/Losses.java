package dev.nnsh.ops;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** Loss values (no gradients: for exploring), PyTorch's definitions and reductions "mean", "sum", "none". */
public final class Losses {
    private Losses() {}

    /** The default {@code ignore_index} of nll_loss and cross_entropy. */
    public static final long IGNORE_INDEX = -100;

    /** −logProbs[n, target[n]] averaged over the targets that are not ignoreIndex; input [N, C] or [N, C, d…]. */
    public static Tensor nllLoss(Tensor logProbs, Tensor target, long ignoreIndex, String reduction) {
        if (target.dtype().isFloatingPoint() || target.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("nll_loss(): target must hold class indices (int64), got " + target.dtype());
        }
        boolean batched = logProbs.dim() >= 2;
        Tensor lp = batched ? logProbs : logProbs.unsqueeze(0);
        Tensor t = batched ? target : target.unsqueeze(0);
        long[] expected = Shapes.remove(lp.shape(), 1);
        if (!Shapes.same(expected, t.shape())) {
            throw new ShapeException("nll_loss(): expected target of shape " + Shapes.format(expected) + " for input of shape "
                    + Shapes.format(logProbs.shape()) + ", got " + Shapes.format(target.shape()));
        }
        Tensor keep = t.ne(ignoreIndex);
        Tensor safe = Tensor.where(keep, t, 0.0).toLong();
        Tensor picked = lp.gather(1, safe.unsqueeze(1)).squeeze(1).neg();
        Tensor losses = Tensor.where(keep, picked, 0.0);
        Tensor out = switch (reduction) {
            case "none" -> losses;
            case "sum" -> losses.sum();
            case "mean" -> losses.sum().div(keep.toFloat().sum());
            default -> throw new IllegalArgumentException("nll_loss(): reduction must be 'mean', 'sum' or 'none', got '" + reduction + "'");
        };
        return batched || !reduction.equals("none") ? out : out.squeeze(0);
    }

    /** log_softmax over the class dim (1), then nll_loss. */
    public static Tensor crossEntropy(Tensor logits, Tensor target, long ignoreIndex, String reduction) {
        return nllLoss(logits.logSoftmax(logits.dim() >= 2 ? 1 : 0), target, ignoreIndex, reduction);
    }

    /** (input − target)², reduced. */
    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
        if (!Shapes.same(input.shape(), target.shape())) {
            throw new ShapeException("mse_loss(): input " + Shapes.format(input.shape()) + " and target "
                    + Shapes.format(target.shape()) + " must have the same shape");
        }
        Tensor sq = input.sub(target).pow(2);
        return switch (reduction) {
            case "none" -> sq;
            case "sum" -> sq.sum();
            case "mean" -> sq.mean();
            default -> throw new IllegalArgumentException("mse_loss(): reduction must be 'mean', 'sum' or 'none', got '" + reduction + "'");
        };
    }
}
