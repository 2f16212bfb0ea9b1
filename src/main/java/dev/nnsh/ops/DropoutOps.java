package dev.nnsh.ops;

import dev.nnsh.tensor.Generator;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dropout in training: each element (or, for dropout2d, each whole channel) is zeroed with
 * probability p and the survivors are scaled by 1/(1−p), so the expected value is unchanged.
 * The mask comes from ND4J's generator, so {@code Tensor.manualSeed} makes it repeat.
 */
public final class DropoutOps {
    private DropoutOps() {}

    public static Tensor dropout(String who, Tensor x, double p, boolean training) {
        Args.probability(who, "p (dropout probability)", p);
        if (!training) return x;
        requireFloating(who, x);
        return x.derive(x.shape(), x.dtype(), a -> masked(a, a.shape(), p));
    }

    /** Zeroes whole channels of [N, C, H, W] (or [N, C, L]) input. */
    public static Tensor dropout2d(String who, Tensor x, double p, boolean training) {
        Args.probability(who, "p (dropout probability)", p);
        long[] s = x.shape();
        if (s.length != 3 && s.length != 4) {
            throw new ShapeException(who + ": expected 3-D [N, C, L] or 4-D [N, C, H, W] input, got " + s.length
                    + "-D input of shape " + Shapes.format(s));
        }
        if (!training) return x;
        requireFloating(who, x);
        long[] maskShape = new long[s.length];
        java.util.Arrays.fill(maskShape, 1);
        maskShape[0] = s[0];
        maskShape[1] = s[1];
        return x.derive(s, x.dtype(), a -> masked(a, maskShape, p));
    }

    private static void requireFloating(String who, Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(who + ": expected a floating-point input in training mode, got " + x.dtype());
        }
    }

    private static INDArray masked(INDArray a, long[] maskShape, double p) {
        if (p == 1) return Nd4j.zeros(a.dataType(), a.shape());
        INDArray keep = Generator.uniform(a.dataType(), maskShape).gte(p).castTo(a.dataType()).muli(1 / (1 - p));
        INDArray out = Nd4j.create(a.dataType(), a.shape());
        Nd4j.exec(new MulOp(a, keep, out));
        return out;
    }
}
