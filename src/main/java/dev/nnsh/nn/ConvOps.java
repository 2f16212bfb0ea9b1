package dev.nnsh.nn;

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
 * The ND4J side of convolution, called by {@link F} once shapes are checked. ND4J's conv2d has no
 * groups and no asymmetric padding: padding is applied first, groups are run one by one (or as one
 * depthwise op), and transposed convolution is a stride-1 convolution over the zero-inserted input.
 */
final class ConvOps {
    private ConvOps() {}

    /** x [N, C, H, W], w [O, C/groups, kH, kW], pad {top, bottom, left, right}. */
    static INDArray conv2d(INDArray x, INDArray w, INDArray b, int[] stride, int[] pad, int[] dilation, int groups,
                           long[] resultShape) {
        boolean symmetric = pad[0] == pad[1] && pad[2] == pad[3] && pad[0] >= 0 && pad[2] >= 0;
        INDArray input = symmetric ? x : Pads.spatial(x, pad, 0);
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
    static INDArray convTranspose2d(INDArray x, INDArray w, INDArray b, int[] stride, int[] padding, int[] outputPadding,
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
        return conv2d(Pads.spatial(spread, pad, 0), flipped, b, new int[]{1, 1}, new int[]{0, 0, 0, 0}, dilation, groups,
                resultShape);
    }
}
