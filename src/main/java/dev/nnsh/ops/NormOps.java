package dev.nnsh.ops;

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
public final class NormOps {
    private NormOps() {}

    // ---------------------------------------------------------------- shape rules

    private static void requireFloating(String who, Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(who + ": expected a floating-point input, got " + x.dtype()
                    + " (input of shape " + Shapes.format(x.shape()) + ")");
        }
    }

    /** x is [N, C, *] with C = channels; in training there must be more than one value per channel. */
    private static void checkBatchNormInput(String who, Tensor x, long channels, boolean batchStatistics) {
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

    private static void checkLayerNormInput(String who, Tensor x, long[] normalizedShape) {
        long[] s = x.shape();
        int lead = s.length - normalizedShape.length;
        if (lead < 0 || !Arrays.equals(Arrays.copyOfRange(s, lead, s.length), normalizedShape)) {
            String trailing = Shapes.format(normalizedShape).substring(1);
            throw new ShapeException(who + ": given normalized_shape=" + Shapes.format(normalizedShape)
                    + ", expected input with shape [*, " + trailing + ", but got input of shape " + Shapes.format(s));
        }
        requireFloating(who, x);
    }

    private static void checkGroupNormInput(String who, Tensor x, int numGroups, Long channels) {
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

    private static void checkAffine(String who, String name, Tensor t, long[] expected) {
        if (t != null && !Arrays.equals(t.shape(), expected)) {
            throw new ShapeException(who + ": " + name + " must have shape " + Shapes.format(expected) + ", got "
                    + Shapes.format(t.shape()));
        }
    }

    // ---------------------------------------------------------------- ND4J arithmetic

    /** Per-channel {mean, biased variance} of x [N, C, *], each [C]. */
    private static INDArray[] channelStatistics(INDArray x) {
        INDArray x3 = asChannels(x);
        return new INDArray[]{x3.mean(0, 2), x3.var(false, 0, 2)};
    }

    /** (x − mean)/√(var + eps)·weight + bias, with per-channel vectors broadcast along dim 1. */
    private static INDArray normalizeChannels(INDArray x, INDArray mean, INDArray var, INDArray weight, INDArray bias, double eps) {
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
    private static INDArray normalizeRows(INDArray x2, double eps) {
        INDArray mean = x2.mean(1).reshape(x2.size(0), 1);
        INDArray std = Transforms.sqrt(x2.var(false, 1).addi(eps), false).reshape(x2.size(0), 1);
        return x2.subColumnVector(mean).diviColumnVector(std);
    }

    /** y·weight + bias in place on y [N, C, S], per channel; either may be null. */
    private static void affine(INDArray y3, INDArray weight, INDArray bias) {
        long c = y3.size(1);
        if (weight != null) Nd4j.exec(new MulOp(y3, column(weight, y3, c), y3));
        if (bias != null) Nd4j.exec(new AddOp(y3, column(bias, y3, c), y3));
    }

    /** x [N, C, *] as [N, C, S]. */
    private static INDArray asChannels(INDArray x) {
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
    private static INDArray[] normalizeWithBatchStatistics(INDArray x, INDArray weight, INDArray bias, double eps) {
        INDArray[] stats = channelStatistics(x);
        return new INDArray[]{normalizeChannels(x, stats[0], stats[1], weight, bias, eps), stats[0], stats[1]};
    }

    /** (1 − factor)·running + factor·batch, the running-statistics update. */
    private static INDArray movingAverage(INDArray running, INDArray batch, double factor) {
        return running.mul(1 - factor).addi(batch.castTo(running.dataType()).mul(factor));
    }

    /** The unbiased variance from the biased one over {@code count} values per channel. */
    private static INDArray unbiased(INDArray biasedVar, long count) {
        return biasedVar.mul((double) count / (count - 1));
    }

    /** Values per channel of x [N, C, *]: N times the product of the spatial sizes. */
    private static long valuesPerChannel(long[] shape) {
        return shape[1] == 0 ? 0 : Shapes.numel(shape) / shape[1];
    }

    /**
     * {@code F.batch_norm} on x [N, C, *], C = {@code channels} when given (a layer's num_features), else
     * x's dim 1. In training it normalises with the batch's statistics and, as PyTorch does, moves
     * the running tensors (if given) in place by {@code momentum} (unbiased variance); in evaluation it
     * uses them. Any of the four tensors may be null where PyTorch allows None.
     */
    public static Tensor batchNorm(String who, Tensor x, Long channels, Tensor runningMean, Tensor runningVar,
                                   Tensor weight, Tensor bias, boolean training, double momentum, double eps) {
        if (!training && (runningMean == null || runningVar == null)) {
            throw new IllegalArgumentException(who + ": running_mean and running_var must be given in evaluation mode");
        }
        if (x.dim() < 2) {
            throw new ShapeException(who + ": expected input of at least 2 dimensions [N, C, *], got shape " + Shapes.format(x.shape()));
        }
        long c = channels != null ? channels : x.size(1);
        checkBatchNormInput(who, x, c, training);
        long[] perChannel = {c};
        checkAffine(who, "running_mean", runningMean, perChannel);
        checkAffine(who, "running_var", runningVar, perChannel);
        checkAffine(who, "weight", weight, perChannel);
        checkAffine(who, "bias", bias, perChannel);
        long count = valuesPerChannel(x.shape());
        return Tensor.derive(x.shape(), x.dtype(), a -> {
            if (!training) return normalizeChannels(a[0], a[1], a[2], a[3], a[4], eps);
            INDArray[] r = normalizeWithBatchStatistics(a[0], a[3], a[4], eps);
            if (a[1] != null) a[1].assign(movingAverage(a[1], r[1], momentum));
            if (a[2] != null) a[2].assign(movingAverage(a[2], unbiased(r[2], count), momentum));
            return r[0];
        }, x, runningMean, runningVar, weight, bias);
    }

    // ---------------------------------------------------------------- layer norm and group norm as a whole

    /** {@code F.layer_norm}: normalises over the trailing dims given by normalizedShape. */
    public static Tensor layerNorm(String who, Tensor x, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        checkLayerNormInput(who, x, normalizedShape);
        checkAffine(who, "weight", weight, normalizedShape);
        checkAffine(who, "bias", bias, normalizedShape);
        long k = Shapes.numel(normalizedShape);
        return Tensor.derive(x.shape(), x.dtype(), a -> {
            INDArray fast = dev.nnsh.ops.fast.DnnlLayerNorm.layerNorm(a[0], k, a[1], a[2], eps); // issue 11 (tf): one oneDNN pass
            if (fast != null) return fast;
            INDArray y = normalizeRows(a[0].reshape('c', k == 0 ? 0 : a[0].length() / k, k), eps);
            if (a[1] != null) y.muliRowVector(a[1].castTo(a[0].dataType()).reshape(1, k));
            if (a[2] != null) y.addiRowVector(a[2].castTo(a[0].dataType()).reshape(1, k));
            return y.reshape('c', a[0].shape());
        }, x, weight, bias);
    }

    /**
     * {@code F.group_norm}: channels split into numGroups groups, each normalised over its channels and
     * space; {@code channels} (a layer's num_channels) is checked when given.
     */
    public static Tensor groupNorm(String who, Tensor x, int numGroups, Long channels, Tensor weight, Tensor bias, double eps) {
        Args.positive(who, "num_groups", numGroups);
        checkGroupNormInput(who, x, numGroups, channels);
        long[] perChannel = {x.size(1)};
        checkAffine(who, "weight", weight, perChannel);
        checkAffine(who, "bias", bias, perChannel);
        return Tensor.derive(x.shape(), x.dtype(), a -> {
            long rows = a[0].size(0) * numGroups;
            INDArray y = normalizeRows(a[0].reshape('c', rows, rows == 0 ? 0 : a[0].length() / rows), eps);
            INDArray y3 = asChannels(y.reshape('c', a[0].shape()));
            affine(y3, a[1], a[2]);
            return y3.reshape('c', a[0].shape());
        }, x, weight, bias);
    }

    // --- zoo layers ---

    /**
     * {@code F.instance_norm} without running statistics: each channel of each sample of x [N, C, *]
     * normalised over its positions (biased variance); weight and bias per channel, may be null.
     */
    public static Tensor instanceNorm(String who, Tensor x, Long channels, Tensor weight, Tensor bias, double eps) {
        if (x.dim() < 3) {
            throw new ShapeException(who + ": expected input of at least 3 dimensions [N, C, *], got shape " + Shapes.format(x.shape()));
        }
        if (channels != null && x.size(1) != channels) {
            throw new ShapeException(who + ": expected input with " + channels + " channels, got " + Shapes.format(x.shape()));
        }
        long[] perChannel = {x.size(1)};
        checkAffine(who, "weight", weight, perChannel);
        checkAffine(who, "bias", bias, perChannel);
        return Tensor.derive(x.shape(), x.dtype(), a -> {
            long rows = a[0].size(0) * a[0].size(1);
            INDArray y = normalizeRows(a[0].reshape('c', rows, rows == 0 ? 0 : a[0].length() / rows), eps);
            INDArray y3 = asChannels(y.reshape('c', a[0].shape()));
            affine(y3, a[1], a[2]);
            return y3.reshape('c', a[0].shape());
        }, x, weight, bias);
    }
}
