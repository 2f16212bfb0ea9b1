package dev.nnsh.nn;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

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

    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(x, weight, bias, new int[]{stride, stride}, new int[]{padding, padding, padding, padding},
                new int[]{1, 1}, 1);
    }

    /**
     * 2-D convolution; weight [C_out, C_in/groups, kH, kW]; padding as {top, bottom, left, right}
     * (asymmetric padding is what "same" needs for even kernels).
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        long[] xs = x.shape();
        long[] ws = weight.shape();
        if (xs.length != 4) {
            throw new ShapeException("conv2d: expected 4-D input [N, C, H, W], got " + xs.length + "-D input of shape "
                    + Shapes.format(xs));
        }
        if (ws.length != 4) throw new ShapeException("conv2d: weight must be 4-D, got " + Shapes.format(ws));
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
        if (groups != 1 || dilation[0] != 1 || dilation[1] != 1 || padding[0] != padding[1] || padding[2] != padding[3]) {
            throw new UnsupportedOperationException("conv2d: groups, dilation and asymmetric padding are not implemented for real tensors yet");
        }
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(ws[2]).kW(ws[3]).sH(stride[0]).sW(stride[1]).pH(padding[0]).pW(padding[2])
                .dH(dilation[0]).dW(dilation[1]).paddingMode(PaddingMode.VALID).dataFormat("NCHW")
                .weightsFormat(WeightsFormat.OIYX).build();
        return x.derive(result, x.dtype(), a -> bias == null
                ? Nd4j.cnn().conv2d(a, weight.nd(), config)
                : Nd4j.cnn().conv2d(a, weight.nd(), bias.nd(), config));
    }

    // ---------------------------------------------------------------- pooling

    public static Tensor maxPool2d(Tensor x, int kernel) { return maxPool2d(x, kernel, kernel, 0); }

    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return maxPool2d(x, new int[]{kernel, kernel}, new int[]{stride, stride}, new int[]{padding, padding},
                new int[]{1, 1}, false);
    }

    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        long[] xs = x.shape();
        if (xs.length != 3 && xs.length != 4) {
            throw new ShapeException("max_pool2d: expected 3-D or 4-D input, got shape " + Shapes.format(xs));
        }
        for (int i = 0; i < 2; i++) {
            if (padding[i] * 2 > kernel[i]) {
                throw new ShapeException("max_pool2d: padding should be at most half of the kernel size, got padding "
                        + padding[i] + " for kernel size " + kernel[i]);
            }
        }
        int h = xs.length - 2;
        long outH = Window.outputSize("max_pool2d", xs, h, xs[h], kernel[0], stride[0], padding[0], padding[0], dilation[0], ceilMode);
        long outW = Window.outputSize("max_pool2d", xs, h + 1, xs[h + 1], kernel[1], stride[1], padding[1], padding[1], dilation[1], ceilMode);
        long[] result = xs.clone();
        result[h] = outH;
        result[h + 1] = outW;
        if (x.isShapeOnly()) return Tensor.shapeOnly(x.dtype(), result);
        if (ceilMode) throw new UnsupportedOperationException("max_pool2d: ceil mode is not implemented for real tensors yet");
        Pooling2DConfig config = Pooling2DConfig.builder().kH(kernel[0]).kW(kernel[1]).sH(stride[0]).sW(stride[1])
                .pH(padding[0]).pW(padding[1]).dH(dilation[0]).dW(dilation[1]).isNHWC(false)
                .paddingMode(PaddingMode.VALID).build();
        long[] four = xs.length == 4 ? xs : new long[]{1, xs[0], xs[1], xs[2]};
        return x.derive(result, x.dtype(), a -> Nd4j.cnn().maxPooling2d(a.reshape('c', four), config));
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
}
