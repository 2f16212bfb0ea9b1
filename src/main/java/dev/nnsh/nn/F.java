package dev.nnsh.nn;

import dev.nnsh.ops.ActivationOps;
import dev.nnsh.ops.ChannelOps;
import dev.nnsh.ops.ConvOps;
import dev.nnsh.ops.DropoutOps;
import dev.nnsh.ops.EmbeddingOps;
import dev.nnsh.ops.LinearOps;
import dev.nnsh.ops.NormOps;
import dev.nnsh.ops.PadOps;
import dev.nnsh.ops.PoolOps;
import dev.nnsh.ops.ResampleOps;
import dev.nnsh.ops.Window; // Window, ShapeException, Shapes: for functional forms appended by other branches
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * Functional forms, like {@code torch.nn.functional}: what PyTorch code calls as functions inside
 * {@code forward}. No summary row is recorded for them. A façade: each delegates to its op family in
 * {@code dev.nnsh.ops}, which checks shapes and computes the result shape in Java first; shape-only
 * tensors go through without touching ND4J.
 */
public final class F {
    private F() {}

    // ---------------------------------------------------------------- activations

    public static Tensor relu(Tensor x) { return x.relu(); }

    public static Tensor sigmoid(Tensor x) { return x.sigmoid(); }

    public static Tensor tanh(Tensor x) { return x.tanh(); }

    public static Tensor softmax(Tensor x, int dim) { return x.softmax(dim); }

    public static Tensor logSoftmax(Tensor x, int dim) { return x.logSoftmax(dim); }

    // ---------------------------------------------------------------- linear

    /** y = x·wᵀ + b over the last dim of x; w is [out, in]. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) { return LinearOps.linear(x, weight, bias); }

    // ---------------------------------------------------------------- convolution

    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) { return conv2d(x, weight, bias, 1, 0); }

    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(x, weight, bias, new int[]{stride, stride}, new int[]{padding, padding, padding, padding},
                new int[]{1, 1}, 1);
    }

    /**
     * 2-D convolution of [N, C, H, W] (or unbatched [C, H, W]); weight [C_out, C_in/groups, kH, kW];
     * padding as {top, bottom, left, right} (asymmetric padding is what "same" needs for even kernels).
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return ConvOps.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias) {
        return conv1d(x, weight, bias, 1, new int[]{0, 0}, 1, 1);
    }

    /** 1-D convolution of [N, C, L] (or unbatched [C, L]); weight [C_out, C_in/groups, k]; padding {left, right}. */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int[] padding, int dilation, int groups) {
        return ConvOps.conv1d(x, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * Transposed 2-D convolution, PyTorch's argument order; weight [C_in, C_out/groups, kH, kW];
     * output size (H−1)·s − 2p + d·(k−1) + output_padding + 1.
     */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return ConvOps.convTranspose2d(x, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    // ---------------------------------------------------------------- pooling

    public static Tensor maxPool2d(Tensor x, int kernel) { return maxPool2d(x, kernel, kernel, 0); }

    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return maxPool2d(x, new int[]{kernel, kernel}, new int[]{stride, stride}, new int[]{padding, padding},
                new int[]{1, 1}, false);
    }

    /** Max pooling of [N, C, H, W] or [C, H, W]; padding counts as −∞; ceil mode as PyTorch's. */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return PoolOps.maxPool2d(x, kernel, stride, padding, dilation, ceilMode);
    }

    public static Tensor maxPool1d(Tensor x, int kernel) { return maxPool1d(x, kernel, kernel, 0, 1, false); }

    /** Max pooling of [N, C, L] or [C, L]. */
    public static Tensor maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        return PoolOps.maxPool1d(x, kernel, stride, padding, dilation, ceilMode);
    }

    public static Tensor avgPool2d(Tensor x, int kernel) { return avgPool2d(x, kernel, kernel, 0); }

    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        return avgPool2d(x, new int[]{kernel, kernel}, new int[]{stride, stride}, new int[]{padding, padding}, false, true, 0);
    }

    /**
     * Average pooling of [N, C, H, W] or [C, H, W], PyTorch's divisor: the window clipped to the
     * padded input (count_include_pad) or to the input, or divisorOverride when positive.
     */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad, int divisorOverride) {
        return PoolOps.avgPool2d(x, kernel, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    public static Tensor adaptiveAvgPool2d(Tensor x, int size) { return adaptiveAvgPool2d(x, size, size); }

    /** Output [.., outH, outW]; window i covers [⌊i·in/out⌋, ⌈(i+1)·in/out⌉). */
    public static Tensor adaptiveAvgPool2d(Tensor x, int outH, int outW) { return ResampleOps.adaptiveAvgPool2d(x, outH, outW); }

    // ---------------------------------------------------------------- padding and resampling

    /** Constant zero padding; pads as PyTorch orders them: last dim first (left, right, top, bottom, ...). */
    public static Tensor pad(Tensor x, int... pads) { return pad(x, pads, "constant", 0); }

    /** Only mode "constant"; a negative amount crops, as in PyTorch. */
    public static Tensor pad(Tensor x, int[] pads, String mode, double value) { return PadOps.pad(x, pads, mode, value); }

    public static Tensor interpolate(Tensor x, int size, String mode) {
        return interpolate(x, new int[]{size}, mode, false);
    }

    public static Tensor interpolate(Tensor x, int[] size, String mode, boolean alignCorners) {
        return interpolate(x, size, null, mode, alignCorners);
    }

    public static Tensor interpolate(Tensor x, double scaleFactor, String mode) {
        return interpolate(x, scaleFactor, mode, false);
    }

    public static Tensor interpolate(Tensor x, double scaleFactor, String mode, boolean alignCorners) {
        return interpolate(x, null, new double[]{scaleFactor}, mode, alignCorners);
    }

    /** Modes "nearest" (3-D or 4-D input) and "bilinear" (4-D), PyTorch's source index formulas. */
    public static Tensor interpolate(Tensor x, int[] size, double[] scaleFactor, String mode, boolean alignCorners) {
        return ResampleOps.interpolate(x, size, scaleFactor, mode, alignCorners);
    }

    // ---------------------------------------------------------------- more activations

    /** min(max(0, x), 6). */
    public static Tensor relu6(Tensor x) { return ActivationOps.relu6(x); }

    public static Tensor leakyRelu(Tensor x) { return leakyRelu(x, 0.01); }

    /** x for x ≥ 0, negativeSlope·x otherwise. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) { return ActivationOps.leakyRelu(x, negativeSlope); }

    /** Exact GELU, 0.5·x·(1 + erf(x/√2)). */
    public static Tensor gelu(Tensor x) { return gelu(x, "none"); }

    /** GELU with approximate "none" (exact) or "tanh". */
    public static Tensor gelu(Tensor x, String approximate) { return ActivationOps.gelu(x, approximate); }

    /** x·σ(x), also called swish. */
    public static Tensor silu(Tensor x) { return ActivationOps.silu(x); }

    /** x·relu6(x + 3)/6. */
    public static Tensor hardswish(Tensor x) { return ActivationOps.hardswish(x); }

    // ---------------------------------------------------------------- dropout

    /** In training, zeroes elements with probability p and scales the rest by 1/(1−p); else returns x. */
    public static Tensor dropout(Tensor x, double p, boolean training) { return DropoutOps.dropout("dropout", x, p, training); }

    /** Like dropout, but zeroes whole channels of [N, C, H, W] or [N, C, L] input. */
    public static Tensor dropout2d(Tensor x, double p, boolean training) {
        return DropoutOps.dropout2d("dropout2d", x, p, training);
    }

    // ---------------------------------------------------------------- normalisation

    /**
     * Batch normalisation of x [N, C, *] per channel. In training it uses the batch's statistics and,
     * as PyTorch does, updates runningMean/runningVar in place (momentum; unbiased variance); in
     * evaluation it uses them. Any of the four tensors may be null where PyTorch allows None.
     */
    public static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return NormOps.batchNorm("batch_norm", x, null, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /** Normalises over the trailing dims {@code normalizedShape}; weight and bias (of that shape) may be null. */
    public static Tensor layerNorm(Tensor x, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return NormOps.layerNorm("layer_norm", x, normalizedShape.clone(), weight, bias, eps);
    }

    /** Group normalisation of x [N, C, *]; weight and bias are per channel and may be null. */
    public static Tensor groupNorm(Tensor x, int numGroups, Tensor weight, Tensor bias, double eps) {
        return NormOps.groupNorm("group_norm", x, numGroups, null, weight, bias, eps);
    }

    // ---------------------------------------------------------------- embedding

    /** Rows of weight [num_embeddings, dim] picked by int64/int32 indices of any shape: shape + [dim]. */
    public static Tensor embedding(Tensor indices, Tensor weight) { return EmbeddingOps.embedding("embedding", indices, weight); }

    // --- issue 9: functional forms ---

    /** {@code F.scaled_dot_product_attention(q, k, v)}: softmax(q·kᵀ/√E)·v. */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v) {
        return dev.nnsh.ops.ScaledDotProductAttention.compute(q, k, v, null, 0, false, null);
    }

    /** With a mask (bool: true may attend; float: added), dropout probability and the causal flag. */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor attnMask, double dropoutP, boolean isCausal) {
        return dev.nnsh.ops.ScaledDotProductAttention.compute(q, k, v, attnMask, dropoutP, isCausal, null);
    }

    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor attnMask, double dropoutP,
                                                   boolean isCausal, double scale) {
        return dev.nnsh.ops.ScaledDotProductAttention.compute(q, k, v, attnMask, dropoutP, isCausal, scale);
    }

    public static Tensor hardsigmoid(Tensor x) { return ActivationOps.hardsigmoid(x); }

    public static Tensor mish(Tensor x) { return ActivationOps.mish(x); }

    public static Tensor softplus(Tensor x) { return dev.nnsh.ops.Activations.softplus(x); }

    public static Tensor elu(Tensor x) { return elu(x, 1.0); }

    public static Tensor elu(Tensor x, double alpha) { return ActivationOps.elu(x, alpha); }

    /** {@code F.normalize(x)}: unit 2-norm over dim 1 (eps 1e-12). */
    public static Tensor normalize(Tensor x) { return normalize(x, 2, 1, 1e-12); }

    public static Tensor normalize(Tensor x, double p, int dim) { return normalize(x, p, dim, 1e-12); }

    public static Tensor normalize(Tensor x, double p, int dim, double eps) { return dev.nnsh.ops.Activations.normalize(x, p, dim, eps); }

    public static Tensor avgPool1d(Tensor x, int kernel) { return avgPool1d(x, kernel, kernel, 0); }

    /** Average pooling of [N, C, L] or [C, L] (count_include_pad, as PyTorch's default). */
    public static Tensor avgPool1d(Tensor x, int kernel, int stride, int padding) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new ShapeException("avg_pool1d: expected 2D or 3D input, got shape " + Shapes.format(x.shape()));
        }
        return avgPool2d(x.unsqueeze(-2), new int[]{1, kernel}, new int[]{1, stride}, new int[]{0, padding}, false, true, 0)
                .squeeze(-2);
    }

    /** [N, C, L] or [C, L] to [.., size]. */
    public static Tensor adaptiveAvgPool1d(Tensor x, int size) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new ShapeException("adaptive_avg_pool1d: expected 2D or 3D input, got shape " + Shapes.format(x.shape()));
        }
        return adaptiveAvgPool2d(x.unsqueeze(-2), 1, size).squeeze(-2);
    }

    public static Tensor adaptiveMaxPool2d(Tensor x, int size) { return adaptiveMaxPool2d(x, size, size); }

    public static Tensor adaptiveMaxPool2d(Tensor x, int outH, int outW) {
        return dev.nnsh.ops.ResampleOps.adaptiveMaxPool2d("adaptive_max_pool2d()", x, outH, outW);
    }

    /** int64 [.., numClasses]; numClasses −1 takes max + 1 (real tensors only). */
    public static Tensor oneHot(Tensor indices, long numClasses) { return dev.nnsh.ops.OneHot.oneHot(indices, numClasses); }

    public static Tensor oneHot(Tensor indices) { return oneHot(indices, -1); }

    /** Mean cross entropy of logits [N, C] (or [N, C, d…]) against int64 class targets; ignore_index −100. */
    public static Tensor crossEntropy(Tensor logits, Tensor target) {
        return dev.nnsh.ops.Losses.crossEntropy(logits, target, dev.nnsh.ops.Losses.IGNORE_INDEX, "mean");
    }

    public static Tensor crossEntropy(Tensor logits, Tensor target, long ignoreIndex, String reduction) {
        return dev.nnsh.ops.Losses.crossEntropy(logits, target, ignoreIndex, reduction);
    }

    public static Tensor nllLoss(Tensor logProbs, Tensor target) {
        return dev.nnsh.ops.Losses.nllLoss(logProbs, target, dev.nnsh.ops.Losses.IGNORE_INDEX, "mean");
    }

    public static Tensor nllLoss(Tensor logProbs, Tensor target, long ignoreIndex, String reduction) {
        return dev.nnsh.ops.Losses.nllLoss(logProbs, target, ignoreIndex, reduction);
    }

    public static Tensor mseLoss(Tensor input, Tensor target) { return dev.nnsh.ops.Losses.mseLoss(input, target, "mean"); }

    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
        return dev.nnsh.ops.Losses.mseLoss(input, target, reduction);
    }
    // --- zoo layers ---

    /** min(max(x, −1), 1). */
    public static Tensor hardtanh(Tensor x) { return hardtanh(x, -1.0, 1.0); }

    /** min(max(x, minVal), maxVal). */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) { return ActivationOps.hardtanh("hardtanh", x, minVal, maxVal); }

    /** max(0, x) + a·min(0, x), weight a of one element or one per channel (dim 1). */
    public static Tensor prelu(Tensor x, Tensor weight) { return ActivationOps.prelu("prelu", x, weight); }

    public static Tensor conv3d(Tensor x, Tensor weight, Tensor bias) {
        return conv3d(x, weight, bias, new int[]{1, 1, 1}, new int[]{0, 0, 0}, new int[]{1, 1, 1}, 1);
    }

    /** 3-D convolution of [N, C, D, H, W]; weight [C_out, C_in/groups, kD, kH, kW]; padding per dim (d, h, w). */
    public static Tensor conv3d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return ConvOps.conv3d("conv3d", x, weight, bias, stride, padding, dilation, groups);
    }

    public static Tensor maxPool3d(Tensor x, int kernel) {
        return maxPool3d(x, new int[]{kernel, kernel, kernel}, new int[]{kernel, kernel, kernel}, new int[]{0, 0, 0},
                new int[]{1, 1, 1}, false);
    }

    /** Max pooling of [N, C, D, H, W]; padding counts as −∞; ceil mode as PyTorch's. */
    public static Tensor maxPool3d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return PoolOps.maxPool3d("max_pool3d", x, kernel, stride, padding, dilation, ceilMode);
    }

    public static Tensor adaptiveAvgPool3d(Tensor x, int size) { return adaptiveAvgPool3d(x, size, size, size); }

    /** Output [N, C, outD, outH, outW]; window i covers [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) in each dim. */
    public static Tensor adaptiveAvgPool3d(Tensor x, int outD, int outH, int outW) {
        return ResampleOps.adaptiveAvgPool3d("adaptive_avg_pool3d", x, new int[]{outD, outH, outW});
    }

    public static Tensor instanceNorm(Tensor x) { return instanceNorm(x, null, null, 1e-5); }

    /** Each channel of each sample of [N, C, *] normalised over its positions; weight and bias per channel, may be null. */
    public static Tensor instanceNorm(Tensor x, Tensor weight, Tensor bias, double eps) {
        return NormOps.instanceNorm("instance_norm", x, null, weight, bias, eps);
    }

    /** [N, C, *] viewed as [N, g, C/g, *] and transposed to [N, C/g, g, *]. */
    public static Tensor channelShuffle(Tensor x, int groups) { return ChannelOps.channelShuffle("channel_shuffle", x, groups); }
}
