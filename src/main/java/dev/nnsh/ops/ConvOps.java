package dev.nnsh.ops;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.DepthwiseConv2D;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Reverse;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * Convolution: the shape rules (checked in Java for real and shape-only tensors alike) and the ND4J
 * kernels, which run only for real tensors once shapes are checked. ND4J's conv2d has no
 * groups and no asymmetric padding: padding is applied first, groups are run one by one (or as one
 * depthwise op), and transposed convolution is a stride-1 convolution over the zero-inserted input.
 */
public final class ConvOps {
    private ConvOps() {}

    // ---------------------------------------------------------------- shape rules

    /**
     * 2-D convolution of [N, C, H, W] (or unbatched [C, H, W]); weight [C_out, C_in/groups, kH, kW];
     * padding as {top, bottom, left, right} (asymmetric padding is what "same" needs for even kernels).
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        long[] xs = x.shape();
        if (xs.length == 3) return conv2d(x.unsqueeze(0), weight, bias, stride, padding, dilation, groups).squeeze(0);
        long[] ws = checkShapes("conv2d", xs, weight, 4, "[N, C, H, W]", "[C_out, C_in/groups, kH, kW]");
        checkConvArgs("conv2d", stride, padding, dilation, groups, ws, bias);
        checkChannels("conv2d", xs, ws, groups);
        long outH = Window.outputSize("conv2d", xs, 2, xs[2], (int) ws[2], stride[0], padding[0], padding[1], dilation[0], false);
        long outW = Window.outputSize("conv2d", xs, 3, xs[3], (int) ws[3], stride[1], padding[2], padding[3], dilation[1], false);
        long[] result = {xs[0], ws[0], outH, outW};
        return Tensor.derive(result, x.dtype(), args -> conv2dKernel(args[0], args[1], args[2], stride, padding, dilation,
                groups, result), x, weight, bias);
    }

    /** 1-D convolution of [N, C, L] (or unbatched [C, L]); weight [C_out, C_in/groups, k]; padding {left, right}. */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int[] padding, int dilation, int groups) {
        long[] xs = x.shape();
        if (xs.length == 2) return conv1d(x.unsqueeze(0), weight, bias, stride, padding, dilation, groups).squeeze(0);
        long[] ws = checkShapes("conv1d", xs, weight, 3, "[N, C, L]", "[C_out, C_in/groups, k]");
        int[] stride2 = {1, stride}, padding4 = {0, 0, padding[0], padding[1]}, dilation2 = {1, dilation};
        checkConvArgs("conv1d", stride2, padding4, dilation2, groups, ws, bias);
        checkChannels("conv1d", xs, ws, groups);
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
        checkOutputPadding("conv_transpose2d", outputPadding, stride, dilation);
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
        return Tensor.derive(result, x.dtype(), args -> convTranspose2dKernel(args[0], args[1], args[2], stride, padding,
                outputPadding, dilation, groups, result), x, weight, bias);
    }

    /** PyTorch's rule for transposed convolutions: output_padding smaller than either stride or dilation, per dim. */
    public static void checkOutputPadding(String who, int[] outputPadding, int[] stride, int[] dilation) {
        for (int i = 0; i < outputPadding.length; i++) {
            if (outputPadding[i] >= stride[i] && outputPadding[i] >= dilation[i]) {
                throw new IllegalArgumentException(who + ": output_padding must be smaller than either stride or dilation, got output_padding "
                        + PyFormat.tuple(outputPadding) + ", stride " + PyFormat.tuple(stride) + ", dilation "
                        + PyFormat.tuple(dilation));
            }
        }
    }

    /** Input of {@code rank} dims (one less is unbatched, handled by the caller) and a weight of the same rank. */
    private static long[] checkShapes(String op, long[] xs, Tensor weight, int rank, String inputLayout, String weightLayout) {
        if (xs.length != rank) {
            throw new ShapeException(op + ": expected " + (rank - 1) + "-D (unbatched) or " + rank + "-D input " + inputLayout
                    + ", got " + xs.length + "-D input of shape " + Shapes.format(xs));
        }
        long[] ws = weight.shape();
        if (ws.length != rank) {
            throw new ShapeException(op + ": weight must be " + rank + "-D " + weightLayout + ", got " + Shapes.format(ws));
        }
        return ws;
    }

    private static void checkChannels(String op, long[] xs, long[] ws, int groups) {
        if (xs[1] != ws[1] * groups) {
            throw new ShapeException(op + ": expected input with " + ws[1] * groups + " channels (weight "
                    + Shapes.format(ws) + ", groups " + groups + "), got " + xs[1] + " channels in input of shape "
                    + Shapes.format(xs));
        }
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

    // ---------------------------------------------------------------- ND4J kernels

    /** x [N, C, H, W], w [O, C/groups, kH, kW], pad {top, bottom, left, right}. */
    private static INDArray conv2dKernel(INDArray x, INDArray w, INDArray b, int[] stride, int[] pad, int[] dilation, int groups,
                           long[] resultShape) {
        INDArray direct = dev.nnsh.ops.fast.DnnlConv.conv2d(x, w, b, stride, pad, dilation, groups, dev.nnsh.ops.fast.DnnlPostOps.NONE, null,
                dev.nnsh.ops.fast.DnnlConv.channelsLast(x)); // issue 11 (conv)
        if (direct != null) return direct; // issue 11 (conv)
        boolean symmetric = pad[0] == pad[1] && pad[2] == pad[3] && pad[0] >= 0 && pad[2] >= 0;
        INDArray input = symmetric ? x : PadOps.spatial(x, pad, 0);
        int pH = symmetric ? pad[0] : 0, pW = symmetric ? pad[2] : 0;
        Conv2DConfig config = config(w, stride, pH, pW, dilation, WeightsFormat.OIYX);
        boolean helpers = dilation[0] == 1 && dilation[1] == 1;
        if (groups == 1) return single(input, w, b, config, resultShape, helpers);
        long channels = x.size(1);
        if (groups == channels) {
            return depthwise(input, w, b, config(w, stride, pH, pW, dilation, WeightsFormat.YXIO), resultShape, helpers);
        }
        long inPerGroup = channels / groups, outPerGroup = w.size(0) / groups;
        long[] groupShape = resultShape.clone();
        groupShape[1] = outPerGroup;
        INDArray[] parts = new INDArray[groups];
        for (int g = 0; g < groups; g++) {
            INDArray xg = input.get(NDArrayIndex.all(), NDArrayIndex.interval(g * inPerGroup, (g + 1) * inPerGroup)).dup('c');
            INDArray wg = w.get(NDArrayIndex.interval(g * outPerGroup, (g + 1) * outPerGroup)).dup('c');
            INDArray bg = b == null ? null : b.get(NDArrayIndex.interval(g * outPerGroup, (g + 1) * outPerGroup)).dup('c');
            parts[g] = single(xg, wg, bg, config, groupShape, helpers);
        }
        return Nd4j.concat(1, parts);
    }

    private static Conv2DConfig config(INDArray w, int[] stride, int pH, int pW, int[] dilation, WeightsFormat format) {
        return Conv2DConfig.builder()
                .kH(w.size(2)).kW(w.size(3)).sH(stride[0]).sW(stride[1]).pH(pH).pW(pW)
                .dH(dilation[0]).dW(dilation[1]).paddingMode(PaddingMode.VALID).dataFormat("NCHW")
                .weightsFormat(format).build();
    }

    private static INDArray single(INDArray x, INDArray w, INDArray b, Conv2DConfig config, long[] resultShape,
                                   boolean helpers) {
        DynamicCustomOp op = b == null ? new Conv2D(x, w, null, config) : new Conv2D(x, w, b, config);
        return NativeExec.run(op, resultShape, x.dataType(), helpers);
    }

    /** groups == C: PyTorch's weight [C·M, 1, kH, kW] is ND4J's [kH, kW, C, M] (output channel c·M + m). */
    private static INDArray depthwise(INDArray x, INDArray w, INDArray b, Conv2DConfig config, long[] resultShape,
                                      boolean helpers) {
        long channels = x.size(1), multiplier = w.size(0) / channels;
        INDArray wd = w.reshape('c', channels, multiplier, w.size(2), w.size(3)).permute(2, 3, 0, 1).dup('c');
        DynamicCustomOp op = b == null ? new DepthwiseConv2D(x, wd, null, config) : new DepthwiseConv2D(x, wd, b, config);
        return NativeExec.run(op, resultShape, x.dataType(), helpers);
    }

    /**
     * Transposed convolution, w [C_in, C_out/groups, kH, kW]: insert stride−1 zeros between input
     * pixels, pad by d·(k−1)−p (plus output_padding after), and convolve with the flipped kernel
     * whose in/out channels are swapped within each group.
     */
    private static INDArray convTranspose2dKernel(INDArray x, INDArray w, INDArray b, int[] stride, int[] padding, int[] outputPadding,
                                    int[] dilation, int groups, long[] resultShape) {
        long n = x.size(0), c = x.size(1), h = x.size(2), wd = x.size(3);
        // zero insertion: each pixel followed by stride−1 zeros; the trailing zeros are cropped by the padding below
        INDArray spread = Nd4j.zeros(x.dataType(), n, c, h, stride[0], wd, stride[1]);
        spread.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0),
                NDArrayIndex.all(), NDArrayIndex.point(0)).assign(x);
        spread = spread.reshape('c', n, c, h * stride[0], wd * stride[1]);
        int[] pad = new int[4];
        for (int i = 0; i < 2; i++) {
            int edge = dilation[i] * ((int) w.size(2 + i) - 1) - padding[i];
            pad[2 * i] = edge;
            pad[2 * i + 1] = edge + outputPadding[i] - (stride[i] - 1);
        }
        long inPerGroup = c / groups, outPerGroup = w.size(1);
        INDArray swapped = w.reshape('c', groups, inPerGroup, outPerGroup, w.size(2), w.size(3))
                .permute(0, 2, 1, 3, 4).dup('c')
                .reshape('c', groups * outPerGroup, inPerGroup, w.size(2), w.size(3));
        INDArray flipped = Nd4j.exec(new Reverse(swapped, 2, 3))[0];
        return conv2dKernel(PadOps.spatial(spread, pad, 0), flipped, b, new int[]{1, 1}, new int[]{0, 0, 0, 0}, dilation, groups,
                resultShape);
    }

    // --- zoo layers ---

    /**
     * 3-D convolution of x [N, C, D, H, W]; weight [C_out, C_in/groups, kD, kH, kW]; symmetric padding
     * per dim. {@code who} names the caller in messages (a layer's type, or "conv3d").
     */
    public static Tensor conv3d(String who, Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        if (x.dim() != 5) {
            throw new ShapeException(who + ": expected 5D input [N, C, D, H, W], got " + x.dim() + "D input of shape "
                    + Shapes.format(x.shape()));
        }
        long inChannels = weight.size(1) * groups;
        if (x.size(1) != inChannels) {
            throw new ShapeException(who + ": expected input with " + inChannels + " channels, got " + x.size(1)
                    + " (input shape " + Shapes.format(x.shape()) + ")");
        }
        long[] out = {x.size(0), weight.size(0), 0, 0, 0};
        for (int i = 0; i < 3; i++) {
            long kernel = weight.size(2 + i);
            if (x.size(2 + i) + 2L * padding[i] < (long) dilation[i] * (kernel - 1) + 1) {
                throw new ShapeException(who + ": input " + Shapes.format(x.shape()) + " (padded) is smaller than the kernel "
                        + PyFormat.tuple(new long[]{weight.size(2), weight.size(3), weight.size(4)}) + " in spatial dim " + i);
            }
            out[2 + i] = (x.size(2 + i) + 2L * padding[i] - (long) dilation[i] * (kernel - 1) - 1) / stride[i] + 1;
        }
        return Tensor.derive(out, x.dtype(), a -> Conv3dKernel.conv3d(a[0], a[1], a[2], stride, padding, dilation, groups, out),
                x, weight, bias);
    }
}
