package dev.nnsh.nn;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * Functional forms, like {@code torch.nn.functional}: what PyTorch code calls as functions inside
 * {@code forward}. No summary row is recorded for them. Each checks shapes and computes the result
 * shape in Java first; shape-only tensors go through without touching ND4J.
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
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        long[] ws = weight.shape();
        if (ws.length != 2) throw new ShapeException("linear: weight must be 2-D [out, in], got " + Shapes.format(ws));
        long in = ws[1], out = ws[0];
        long[] xs = x.shape();
        if (xs.length == 0 || xs[xs.length - 1] != in) {
            throw new ShapeException("linear: expected input with last dimension " + in + " (in_features), got shape "
                    + Shapes.format(xs) + " (mat1 and mat2 shapes cannot be multiplied: " + (xs.length == 0 ? "scalar"
                    : (Shapes.numel(xs) / Math.max(1, xs[xs.length - 1])) + "x" + xs[xs.length - 1]) + " and " + in + "x" + out + ")");
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != out)) {
            throw new ShapeException("linear: bias must have shape [" + out + "], got " + Shapes.format(bias.shape()));
        }
        long[] result = xs.clone();
        result[result.length - 1] = out;
        if (x.isShapeOnly() || weight.isShapeOnly()) return Tensor.shapeOnly(x.dtype(), result);
        long rows = Shapes.numel(xs) / in;
        return x.derive(result, x.dtype(), a -> {
            var y = a.reshape('c', rows, in).mmul(weight.nd().transpose());
            if (bias != null) y.addiRowVector(bias.nd());
            return y.reshape('c', result);
        });
    }

    // ---------------------------------------------------------------- convolution

    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) {
        return conv2d(x, weight, bias, 1, 0);
    }

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
        long[] xs = x.shape();
        if (xs.length == 3) return conv2d(x.unsqueeze(0), weight, bias, stride, padding, dilation, groups).squeeze(0);
        if (xs.length != 4) {
            throw new ShapeException("conv2d: expected 3-D (unbatched) or 4-D input [N, C, H, W], got " + xs.length
                    + "-D input of shape " + Shapes.format(xs));
        }
        long[] ws = weight.shape();
        if (ws.length != 4) throw new ShapeException("conv2d: weight must be 4-D [C_out, C_in/groups, kH, kW], got " + Shapes.format(ws));
        checkConvArgs("conv2d", stride, padding, dilation, groups, ws, bias);
        long expectedChannels = ws[1] * groups;
        if (xs[1] != expectedChannels) {
            throw new ShapeException("conv2d: expected input with " + expectedChannels + " channels (weight "
                    + Shapes.format(ws) + ", groups " + groups + "), got " + xs[1] + " channels in input of shape "
                    + Shapes.format(xs));
        }
        long outH = Window.outputSize("conv2d", xs, 2, xs[2], (int) ws[2], stride[0], padding[0], padding[1], dilation[0], false);
        long outW = Window.outputSize("conv2d", xs, 3, xs[3], (int) ws[3], stride[1], padding[2], padding[3], dilation[1], false);
        long[] result = {xs[0], ws[0], outH, outW};
        if (x.isShapeOnly() || weight.isShapeOnly()) return Tensor.shapeOnly(x.dtype(), result);
        return x.derive(result, x.dtype(), a -> ConvOps.conv2d(a, weight.nd(), bias == null ? null : bias.nd(),
                stride, padding, dilation, groups, result));
    }

    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias) {
        return conv1d(x, weight, bias, 1, new int[]{0, 0}, 1, 1);
    }

    /** 1-D convolution of [N, C, L] (or unbatched [C, L]); weight [C_out, C_in/groups, k]; padding {left, right}. */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int[] padding, int dilation, int groups) {
        long[] xs = x.shape();
        if (xs.length == 2) return conv1d(x.unsqueeze(0), weight, bias, stride, padding, dilation, groups).squeeze(0);
        if (xs.length != 3) {
            throw new ShapeException("conv1d: expected 2-D (unbatched) or 3-D input [N, C, L], got " + xs.length
                    + "-D input of shape " + Shapes.format(xs));
        }
        long[] ws = weight.shape();
        if (ws.length != 3) throw new ShapeException("conv1d: weight must be 3-D [C_out, C_in/groups, k], got " + Shapes.format(ws));
        int[] stride2 = {1, stride}, padding4 = {0, 0, padding[0], padding[1]}, dilation2 = {1, dilation};
        checkConvArgs("conv1d", stride2, padding4, dilation2, groups, ws, bias);
        if (xs[1] != ws[1] * groups) {
            throw new ShapeException("conv1d: expected input with " + ws[1] * groups + " channels (weight "
                    + Shapes.format(ws) + ", groups " + groups + "), got " + xs[1] + " channels in input of shape "
                    + Shapes.format(xs));
        }
        Window.outputSize("conv1d", xs, 2, xs[2], (int) ws[2], stride, padding[0], padding[1], dilation, false);
        return conv2d(x.unsqueeze(2), weight.unsqueeze(2), bias, stride2, padding4, dilation2, groups).squeeze(2);
    }

    /**
     * Transposed 2-D convolution, PyTorch's argument order; weight [C_in, C_out/groups, kH, kW];
     * output size (H−1)·s − 2p + d·(k−1) + output_padding + 1.
     */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        long[] xs = x.shape();
        if (xs.length == 3) {
            return convTranspose2d(x.unsqueeze(0), weight, bias, stride, padding, outputPadding, groups, dilation).squeeze(0);
        }
        if (xs.length != 4) {
            throw new ShapeException("conv_transpose2d: expected 3-D (unbatched) or 4-D input [N, C, H, W], got "
                    + xs.length + "-D input of shape " + Shapes.format(xs));
        }
        long[] ws = weight.shape();
        if (ws.length != 4) {
            throw new ShapeException("conv_transpose2d: weight must be 4-D [C_in, C_out/groups, kH, kW], got " + Shapes.format(ws));
        }
        Args.positive("conv_transpose2d", "stride", stride);
        Args.nonNegative("conv_transpose2d", "padding", padding);
        Args.nonNegative("conv_transpose2d", "output_padding", outputPadding);
        Args.positive("conv_transpose2d", "dilation", dilation);
        Args.positive("conv_transpose2d", "groups", groups);
        for (int i = 0; i < 2; i++) {
            if (outputPadding[i] >= stride[i] && outputPadding[i] >= dilation[i]) {
                throw new IllegalArgumentException("conv_transpose2d: output_padding must be smaller than either stride or dilation, got output_padding "
                        + Args.pair(outputPadding) + ", stride " + Args.pair(stride) + ", dilation " + Args.pair(dilation));
            }
        }
        if (ws[0] % groups != 0) {
            throw new ShapeException("conv_transpose2d: weight " + Shapes.format(ws) + " has " + ws[0]
                    + " input channels, not divisible by groups " + groups);
        }
        if (xs[1] != ws[0]) {
            throw new ShapeException("conv_transpose2d: expected input with " + ws[0] + " channels (weight "
                    + Shapes.format(ws) + "), got " + xs[1] + " channels in input of shape " + Shapes.format(xs));
        }
        long outChannels = ws[1] * groups;
        checkBias("conv_transpose2d", bias, outChannels);
        long[] result = {xs[0], outChannels, 0, 0};
        for (int i = 0; i < 2; i++) {
            result[2 + i] = (xs[2 + i] - 1) * stride[i] - 2L * padding[i] + (long) dilation[i] * (ws[2 + i] - 1) + outputPadding[i] + 1;
            if (result[2 + i] <= 0) {
                throw new ShapeException("conv_transpose2d: input " + Shapes.format(xs) + " gives output size "
                        + result[2 + i] + " at dimension " + (2 + i) + " (kernel " + ws[2 + i] + ", stride " + stride[i]
                        + ", padding " + padding[i] + "): output size is too small");
            }
        }
        if (x.isShapeOnly() || weight.isShapeOnly()) return Tensor.shapeOnly(x.dtype(), result);
        return x.derive(result, x.dtype(), a -> ConvOps.convTranspose2d(a, weight.nd(), bias == null ? null : bias.nd(),
                stride, padding, outputPadding, dilation, groups, result));
    }

    private static void checkConvArgs(String op, int[] stride, int[] padding, int[] dilation, int groups, long[] ws,
                                      Tensor bias) {
        Args.positive(op, "stride", stride);
        Args.nonNegative(op, "padding", padding);
        Args.positive(op, "dilation", dilation);
        Args.positive(op, "groups", groups);
        if (ws[0] % groups != 0) {
            throw new ShapeException(op + ": weight " + Shapes.format(ws) + " has " + ws[0]
                    + " output channels, not divisible by groups " + groups);
        }
        checkBias(op, bias, ws[0]);
    }

    private static void checkBias(String op, Tensor bias, long outChannels) {
        if (bias != null && (bias.dim() != 1 || bias.size(0) != outChannels)) {
            throw new ShapeException(op + ": bias must have shape [" + outChannels + "], got " + Shapes.format(bias.shape()));
        }
    }

    // ---------------------------------------------------------------- pooling

    public static Tensor maxPool2d(Tensor x, int kernel) { return maxPool2d(x, kernel, kernel, 0); }

    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return maxPool2d(x, new int[]{kernel, kernel}, new int[]{stride, stride}, new int[]{padding, padding},
                new int[]{1, 1}, false);
    }

    /** Max pooling of [N, C, H, W] or [C, H, W]; padding counts as −∞; ceil mode as PyTorch's. */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        long[] result = pooledShape("max_pool2d", x.shape(), kernel, stride, padding, dilation, ceilMode);
        return x.derive(result, x.dtype(), a -> PoolOps.maxPool2d(batched(a), kernel, stride, padding, dilation,
                batched(result)));
    }

    public static Tensor maxPool1d(Tensor x, int kernel) { return maxPool1d(x, kernel, kernel, 0, 1, false); }

    /** Max pooling of [N, C, L] or [C, L]. */
    public static Tensor maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        long[] xs = x.shape();
        if (xs.length != 2 && xs.length != 3) {
            throw new ShapeException("max_pool1d: expected 2-D or 3-D input, got shape " + Shapes.format(xs));
        }
        pooledShape("max_pool1d", Shapes.format(xs), xs, new int[]{kernel}, new int[]{stride}, new int[]{padding},
                new int[]{dilation}, ceilMode);
        return maxPool2d(x.unsqueeze(-2), new int[]{1, kernel}, new int[]{1, stride}, new int[]{0, padding},
                new int[]{1, dilation}, ceilMode).squeeze(-2);
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
        if (divisorOverride < 0) throw new IllegalArgumentException("avg_pool2d: divisor_override must be positive, got " + divisorOverride);
        long[] result = pooledShape("avg_pool2d", x.shape(), kernel, stride, padding, new int[]{1, 1}, ceilMode);
        return x.derive(result, x.dtype(), a -> PoolOps.avgPool2d(batched(a), kernel, stride, padding, countIncludePad,
                divisorOverride, batched(result)));
    }

    public static Tensor adaptiveAvgPool2d(Tensor x, int size) { return adaptiveAvgPool2d(x, size, size); }

    /** Output [.., outH, outW]; window i covers [⌊i·in/out⌋, ⌈(i+1)·in/out⌉). */
    public static Tensor adaptiveAvgPool2d(Tensor x, int outH, int outW) {
        long[] xs = x.shape();
        if (xs.length != 3 && xs.length != 4) {
            throw new ShapeException("adaptive_avg_pool2d: expected 3-D or 4-D input, got shape " + Shapes.format(xs));
        }
        Args.positive("adaptive_avg_pool2d", "output_size", outH);
        Args.positive("adaptive_avg_pool2d", "output_size", outW);
        for (long s : xs) {
            if (s <= 0) throw new ShapeException("adaptive_avg_pool2d: input " + Shapes.format(xs) + " has an empty dimension");
        }
        long[] result = xs.clone();
        result[xs.length - 2] = outH;
        result[xs.length - 1] = outW;
        int inH = (int) xs[xs.length - 2], inW = (int) xs[xs.length - 1];
        return x.derive(result, x.dtype(), a -> ResampleOps.apply(a, ResampleWeights.adaptiveAverage(inH, outH),
                ResampleWeights.adaptiveAverage(inW, outW), result));
    }

    private static long[] pooledShape(String op, long[] xs, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                      boolean ceilMode) {
        if (xs.length != 3 && xs.length != 4) {
            throw new ShapeException(op + ": expected 3-D or 4-D input, got shape " + Shapes.format(xs));
        }
        return pooledShape(op, Shapes.format(xs), xs, kernel, stride, padding, dilation, ceilMode);
    }

    /** The pooled shape over the last kernel.length dims, after checking the window arguments. */
    private static long[] pooledShape(String op, String shown, long[] xs, int[] kernel, int[] stride, int[] padding,
                                      int[] dilation, boolean ceilMode) {
        Args.positive(op, "kernel_size", kernel);
        Args.positive(op, "stride", stride);
        Args.nonNegative(op, "padding", padding);
        Args.positive(op, "dilation", dilation);
        Args.padAtMostHalfKernel(op, padding, kernel);
        long[] result = xs.clone();
        int first = xs.length - kernel.length;
        for (int i = 0; i < kernel.length; i++) {
            int d = first + i;
            result[d] = Window.outputSize(op, xs, d, xs[d], kernel[i], stride[i], padding[i], padding[i], dilation[i], ceilMode);
        }
        return result;
    }

    private static org.nd4j.linalg.api.ndarray.INDArray batched(org.nd4j.linalg.api.ndarray.INDArray a) {
        return a.rank() == 4 ? a : a.reshape('c', 1, a.size(0), a.size(1), a.size(2));
    }

    private static long[] batched(long[] shape) {
        return shape.length == 4 ? shape : new long[]{1, shape[0], shape[1], shape[2]};
    }

    // ---------------------------------------------------------------- padding and resampling

    /** Constant zero padding; pads as PyTorch orders them: last dim first (left, right, top, bottom, ...). */
    public static Tensor pad(Tensor x, int... pads) { return pad(x, pads, "constant", 0); }

    /** Only mode "constant"; a negative amount crops, as in PyTorch. */
    public static Tensor pad(Tensor x, int[] pads, String mode, double value) {
        if (!"constant".equals(mode)) {
            throw new UnsupportedOperationException("pad: mode \"" + mode + "\" is not supported (only \"constant\")");
        }
        long[] xs = x.shape();
        if (pads.length % 2 != 0) throw new IllegalArgumentException("pad: padding length must be divisible by 2, got " + pads.length);
        if (pads.length / 2 > xs.length) {
            throw new IllegalArgumentException("pad: padding length " + pads.length + " is too large for a "
                    + xs.length + "-D input of shape " + Shapes.format(xs) + " (at most " + 2 * xs.length + ")");
        }
        long[] before = new long[xs.length], after = new long[xs.length];
        long[] result = xs.clone();
        for (int i = 0; i < pads.length / 2; i++) {
            int d = xs.length - 1 - i;
            before[d] = pads[2 * i];
            after[d] = pads[2 * i + 1];
            result[d] = xs[d] + before[d] + after[d];
            if (result[d] <= 0) {
                throw new ShapeException("pad: input size " + xs[d] + " at dimension " + d + " of " + Shapes.format(xs)
                        + " with padding " + before[d] + ", " + after[d] + " gives size " + result[d] + ", which is invalid");
            }
        }
        return x.derive(result, x.dtype(), a -> Pads.constant(a, before, after, value));
    }

    public static Tensor interpolate(Tensor x, int size, String mode) {
        return interpolate(x, new int[]{size}, mode, false);
    }

    public static Tensor interpolate(Tensor x, int[] size, String mode, boolean alignCorners) {
        return resample(x, size, null, mode, alignCorners);
    }

    public static Tensor interpolate(Tensor x, double scaleFactor, String mode) {
        return interpolate(x, scaleFactor, mode, false);
    }

    public static Tensor interpolate(Tensor x, double scaleFactor, String mode, boolean alignCorners) {
        return resample(x, null, new double[]{scaleFactor}, mode, alignCorners);
    }

    /** Modes "nearest" (3-D or 4-D input) and "bilinear" (4-D), PyTorch's source index formulas. */
    public static Tensor interpolate(Tensor x, int[] size, double[] scaleFactor, String mode, boolean alignCorners) {
        return resample(x, size, scaleFactor, mode, alignCorners);
    }

    private static Tensor resample(Tensor x, int[] size, double[] scale, String mode, boolean alignCorners) {
        long[] xs = x.shape();
        boolean bilinear = "bilinear".equals(mode);
        if (!bilinear && !"nearest".equals(mode)) {
            throw new UnsupportedOperationException("interpolate: mode \"" + mode + "\" is not supported (\"nearest\" or \"bilinear\")");
        }
        if (alignCorners && !bilinear) {
            throw new IllegalArgumentException("interpolate: align_corners can only be set with the interpolating modes (bilinear), not \"" + mode + "\"");
        }
        if (bilinear ? xs.length != 4 : xs.length != 3 && xs.length != 4) {
            throw new ShapeException("interpolate: mode \"" + mode + "\" needs " + (bilinear ? "4-D" : "3-D or 4-D")
                    + " input, got shape " + Shapes.format(xs));
        }
        if ((size == null) == (scale == null)) throw new IllegalArgumentException("interpolate: give either size or scale_factor, not both");
        int spatial = xs.length - 2;
        int given = size != null ? size.length : scale.length;
        if (given != 1 && given != spatial) {
            throw new IllegalArgumentException("interpolate: " + (size != null ? "size" : "scale_factor") + " must have 1 or "
                    + spatial + " entries for input of shape " + Shapes.format(xs) + ", got " + given);
        }
        long[] result = xs.clone();
        double[] factors = new double[spatial];
        for (int i = 0; i < spatial; i++) {
            int d = 2 + i;
            if (size != null) {
                result[d] = Args.positive("interpolate", "size", size[given == 1 ? 0 : i]);
                factors[i] = -1;
            } else {
                factors[i] = scale[given == 1 ? 0 : i];
                if (!(factors[i] > 0) || Double.isInfinite(factors[i])) {
                    throw new IllegalArgumentException("interpolate: scale_factor must be positive and finite, got " + factors[i]);
                }
                result[d] = (long) Math.floor(xs[d] * factors[i]);
            }
            if (result[d] <= 0) {
                throw new ShapeException("interpolate: input " + Shapes.format(xs) + " with scale_factor " + factors[i]
                        + " gives output size " + result[d] + " at dimension " + d + "; sizes must be greater than 0");
            }
        }
        int inW = (int) xs[xs.length - 1], outW = (int) result[xs.length - 1];
        int inH = (int) xs[xs.length - 2], outH = (int) result[xs.length - 2];
        double scaleW = factors[spatial - 1], scaleH = spatial == 2 ? factors[0] : -1;
        return x.derive(result, x.dtype(), a -> ResampleOps.apply(a,
                spatial == 1 ? null : weights(bilinear, inH, outH, scaleH, alignCorners),
                weights(bilinear, inW, outW, scaleW, alignCorners), result));
    }

    private static float[][] weights(boolean bilinear, int in, int out, double scale, boolean alignCorners) {
        return bilinear ? ResampleWeights.linear(in, out, scale, alignCorners) : ResampleWeights.nearest(in, out, scale);
    }

    // ---------------------------------------------------------------- more activations

    /** min(max(0, x), 6). */
    public static Tensor relu6(Tensor x) { return ActivationOps.map(x, ActivationOps::relu6); }

    public static Tensor leakyRelu(Tensor x) { return leakyRelu(x, 0.01); }

    /** x for x ≥ 0, negativeSlope·x otherwise. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return ActivationOps.map(x, a -> ActivationOps.leakyRelu(a, negativeSlope));
    }

    /** Exact GELU, 0.5·x·(1 + erf(x/√2)). */
    public static Tensor gelu(Tensor x) { return gelu(x, "none"); }

    /** GELU with approximate "none" (exact) or "tanh". */
    public static Tensor gelu(Tensor x, String approximate) {
        return checkGeluApproximate("gelu", approximate).equals("tanh")
                ? ActivationOps.map(x, ActivationOps::geluTanh)
                : ActivationOps.map(x, ActivationOps::geluExact);
    }

    static String checkGeluApproximate(String who, String mode) {
        if (!"none".equals(mode) && !"tanh".equals(mode)) {
            throw new IllegalArgumentException(who + ": approximate must be \"none\" or \"tanh\", got \"" + mode + "\"");
        }
        return mode;
    }

    /** x·σ(x), also called swish. */
    public static Tensor silu(Tensor x) { return ActivationOps.map(x, ActivationOps::silu); }

    /** x·relu6(x + 3)/6. */
    public static Tensor hardswish(Tensor x) { return ActivationOps.map(x, ActivationOps::hardswish); }

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
        return NormOps.batchNorm("batch_norm", x, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /** Normalises over the trailing dims {@code normalizedShape}; weight and bias (of that shape) may be null. */
    public static Tensor layerNorm(Tensor x, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return NormOps.layerNorm("layer_norm", x, normalizedShape.clone(), weight, bias, eps);
    }

    /** Group normalisation of x [N, C, *]; weight and bias are per channel and may be null. */
    public static Tensor groupNorm(Tensor x, int numGroups, Tensor weight, Tensor bias, double eps) {
        Args.positive("group_norm", "num_groups", numGroups);
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

    public static Tensor hardsigmoid(Tensor x) { return dev.nnsh.ops.Activations.hardsigmoid(x); }

    public static Tensor mish(Tensor x) { return dev.nnsh.ops.Activations.mish(x); }

    public static Tensor softplus(Tensor x) { return dev.nnsh.ops.Activations.softplus(x); }

    public static Tensor elu(Tensor x) { return elu(x, 1.0); }

    public static Tensor elu(Tensor x, double alpha) { return dev.nnsh.ops.Activations.elu(x, alpha); }

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
        return dev.nnsh.ops.AdaptiveMaxPool.adaptiveMaxPool2d(x, outH, outW);
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
}
