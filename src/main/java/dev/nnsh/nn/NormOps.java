package dev.nnsh.nn;

import java.util.Arrays;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch, layer and group normalisation: the shape rules (shared by shape-only and real passes) and
 * the ND4J arithmetic. Statistics use the biased variance, as PyTorch does for normalising.
 */
final class NormOps {
    private NormOps() {}

    // ---------------------------------------------------------------- shape rules

    static void requireFloating(String who, Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(who + ": expected a floating-point input, got " + x.dtype()
                    + " (input of shape " + Shapes.format(x.shape()) + ")");
        }
    }

    /** x is [N, C, *] with C = channels; in training there must be more than one value per channel. */
    static void checkBatchNormInput(String who, Tensor x, long channels, boolean batchStatistics) {
        long[] s = x.shape();
        if (s.length < 2) {
            throw new ShapeException(who + ": expected input of at least 2 dimensions [N, C, *], got shape " + Shapes.format(s));
        }
        if (s[1] != channels) {
            throw new ShapeException(who + ": expected input with " + channels + " channels (num_features) at dim 1, got "
                    + s[1] + " channels in input of shape " + Shapes.format(s));
        }
        if (batchStatistics && Shapes.numel(s) / channels <= 1) {
            throw new ShapeException(who + ": expected more than 1 value per channel when training, got input of shape "
                    + Shapes.format(s));
        }
        requireFloating(who, x);
    }

    static void checkLayerNormInput(String who, Tensor x, long[] normalizedShape) {
        long[] s = x.shape();
        int lead = s.length - normalizedShape.length;
        if (lead < 0 || !Arrays.equals(Arrays.copyOfRange(s, lead, s.length), normalizedShape)) {
            String trailing = Shapes.format(normalizedShape).substring(1);
            throw new ShapeException(who + ": given normalized_shape=" + Shapes.format(normalizedShape)
                    + ", expected input with shape [*, " + trailing + ", but got input of shape " + Shapes.format(s));
        }
        requireFloating(who, x);
    }

    static void checkGroupNormInput(String who, Tensor x, int numGroups, Long channels) {
        long[] s = x.shape();
        if (s.length < 2) {
            throw new ShapeException(who + ": expected input of at least 2 dimensions [N, C, *], got shape " + Shapes.format(s));
        }
        if (channels != null && s[1] != channels) {
            throw new ShapeException(who + ": expected input with " + channels + " channels (num_channels) at dim 1, got "
                    + s[1] + " channels in input of shape " + Shapes.format(s));
        }
        if (s[1] % numGroups != 0) {
            throw new ShapeException(who + ": expected the number of channels to be divisible by num_groups=" + numGroups
                    + ", got input of shape " + Shapes.format(s));
        }
        requireFloating(who, x);
    }

    static void checkAffine(String who, String name, Tensor t, long[] expected) {
        if (t != null && !Arrays.equals(t.shape(), expected)) {
            throw new ShapeException(who + ": " + name + " must have shape " + Shapes.format(expected) + ", got "
                    + Shapes.format(t.shape()));
        }
    }

    // ---------------------------------------------------------------- ND4J arithmetic

    /** Per-channel {mean, biased variance} of x [N, C, *], each [C]. */
    static INDArray[] channelStatistics(INDArray x) {
        INDArray x3 = asChannels(x);
        return new INDArray[]{x3.mean(0, 2), x3.var(false, 0, 2)};
    }

    /** (x − mean)/√(var + eps)·weight + bias, with per-channel vectors broadcast along dim 1. */
    static INDArray normalizeChannels(INDArray x, INDArray mean, INDArray var, INDArray weight, INDArray bias, double eps) {
        INDArray x3 = asChannels(x);
        long c = x3.size(1);
        INDArray y = x3.ulike();
        Nd4j.exec(new SubOp(x3, column(mean, x, c), y));
        INDArray invStd = Transforms.pow(var.castTo(x.dataType()).add(eps), -0.5, false);
        Nd4j.exec(new MulOp(y, column(invStd, x, c), y));
        affine(y, weight, bias);
        return y.reshape('c', x.shape());
    }

    /** Normalises each row of a [M, K] matrix to mean 0 and biased variance 1. */
    static INDArray normalizeRows(INDArray x2, double eps) {
        INDArray mean = x2.mean(1).reshape(x2.size(0), 1);
        INDArray std = Transforms.sqrt(x2.var(false, 1).addi(eps), false).reshape(x2.size(0), 1);
        return x2.subColumnVector(mean).diviColumnVector(std);
    }

    /** y·weight + bias in place on y [N, C, S], per channel; either may be null. */
    static void affine(INDArray y3, INDArray weight, INDArray bias) {
        long c = y3.size(1);
        if (weight != null) Nd4j.exec(new MulOp(y3, column(weight, y3, c), y3));
        if (bias != null) Nd4j.exec(new AddOp(y3, column(bias, y3, c), y3));
    }

    /** x [N, C, *] as [N, C, S]. */
    static INDArray asChannels(INDArray x) {
        long n = x.size(0), c = x.size(1);
        long s = n * c == 0 ? 0 : x.length() / (n * c);
        return x.reshape('c', n, c, s);
    }

    private static INDArray column(INDArray perChannel, INDArray like, long c) {
        return perChannel.castTo(like.dataType()).reshape('c', 1, c, 1);
    }

    // ---------------------------------------------------------------- batch norm as a whole

    /**
     * Normalises x [N, C, *] with its own batch statistics; returns {output, mean, biased variance}
     * so that the caller can update running statistics.
     */
    static INDArray[] normalizeWithBatchStatistics(INDArray x, INDArray weight, INDArray bias, double eps) {
        INDArray[] stats = channelStatistics(x);
        return new INDArray[]{normalizeChannels(x, stats[0], stats[1], weight, bias, eps), stats[0], stats[1]};
    }

    /** (1 − factor)·running + factor·batch, the running-statistics update. */
    static INDArray movingAverage(INDArray running, INDArray batch, double factor) {
        return running.mul(1 - factor).addi(batch.castTo(running.dataType()).mul(factor));
    }

    /** The unbiased variance from the biased one over {@code count} values per channel. */
    static INDArray unbiased(INDArray biasedVar, long count) {
        return biasedVar.mul((double) count / (count - 1));
    }

    /** Values per channel of x [N, C, *]: N times the product of the spatial sizes. */
    static long valuesPerChannel(long[] shape) {
        return shape[1] == 0 ? 0 : Shapes.numel(shape) / shape[1];
    }

    /** {@code F.batch_norm}: the running tensors (if given) are updated in place in training, as in PyTorch. */
    static Tensor batchNorm(String who, Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                            boolean training, double momentum, double eps) {
        if (!training && (runningMean == null || runningVar == null)) {
            throw new IllegalArgumentException(who + ": running_mean and running_var must be given in evaluation mode");
        }
        if (x.dim() < 2) {
            throw new ShapeException(who + ": expected input of at least 2 dimensions [N, C, *], got shape " + Shapes.format(x.shape()));
        }
        long[] perChannel = {x.size(1)};
        checkAffine(who, "running_mean", runningMean, perChannel);
        checkAffine(who, "running_var", runningVar, perChannel);
        checkAffine(who, "weight", weight, perChannel);
        checkAffine(who, "bias", bias, perChannel);
        checkBatchNormInput(who, x, x.size(1), training);
        if (x.isShapeOnly() || anyShapeOnly(runningMean, runningVar, weight, bias)) return Tensor.shapeOnly(x.dtype(), x.shape());
        INDArray w = weight == null ? null : weight.nd();
        INDArray b = bias == null ? null : bias.nd();
        if (!training) {
            return x.derive(x.shape(), x.dtype(), a -> normalizeChannels(a, runningMean.nd(), runningVar.nd(), w, b, eps));
        }
        INDArray[][] result = new INDArray[1][];
        Tensor out = x.derive(x.shape(), x.dtype(), a -> (result[0] = normalizeWithBatchStatistics(a, w, b, eps))[0]);
        long count = valuesPerChannel(x.shape());
        if (runningMean != null) runningMean.nd().assign(movingAverage(runningMean.nd(), result[0][1], momentum));
        if (runningVar != null) runningVar.nd().assign(movingAverage(runningVar.nd(), unbiased(result[0][2], count), momentum));
        return out;
    }

    static boolean anyShapeOnly(Tensor... tensors) {
        for (Tensor t : tensors) if (t != null && t.isShapeOnly()) return true;
        return false;
    }

    // ---------------------------------------------------------------- layer norm and group norm as a whole

    /** {@code F.layer_norm}: normalises over the trailing dims given by normalizedShape. */
    static Tensor layerNorm(String who, Tensor x, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        checkLayerNormInput(who, x, normalizedShape);
        checkAffine(who, "weight", weight, normalizedShape);
        checkAffine(who, "bias", bias, normalizedShape);
        if (x.isShapeOnly() || anyShapeOnly(weight, bias)) return Tensor.shapeOnly(x.dtype(), x.shape());
        long k = Shapes.numel(normalizedShape);
        return x.derive(x.shape(), x.dtype(), a -> {
            INDArray y = normalizeRows(a.reshape('c', k == 0 ? 0 : a.length() / k, k), eps);
            if (weight != null) y.muliRowVector(weight.nd().castTo(a.dataType()).reshape(1, k));
            if (bias != null) y.addiRowVector(bias.nd().castTo(a.dataType()).reshape(1, k));
            return y.reshape('c', a.shape());
        });
    }

    /** {@code F.group_norm}: channels split into numGroups groups, each normalised over its channels and space. */
    static Tensor groupNorm(String who, Tensor x, int numGroups, Long channels, Tensor weight, Tensor bias, double eps) {
        checkGroupNormInput(who, x, numGroups, channels);
        long[] perChannel = {x.size(1)};
        checkAffine(who, "weight", weight, perChannel);
        checkAffine(who, "bias", bias, perChannel);
        if (x.isShapeOnly() || anyShapeOnly(weight, bias)) return Tensor.shapeOnly(x.dtype(), x.shape());
        return x.derive(x.shape(), x.dtype(), a -> {
            long n = a.size(0);
            long rows = n * numGroups;
            INDArray y = normalizeRows(a.reshape('c', rows, rows == 0 ? 0 : a.length() / rows), eps);
            INDArray y3 = asChannels(y.reshape('c', a.shape()));
            affine(y3, weight == null ? null : weight.nd(), bias == null ? null : bias.nd());
            return y3.reshape('c', a.shape());
        });
    }
}
