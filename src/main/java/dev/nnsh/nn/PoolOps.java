package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.AvgPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J side of 2-D pooling on [N, C, H, W], called by {@link F} once shapes are checked. The
 * input is first padded (−∞ for max, 0 for average) or cropped to exactly the extent the output
 * windows cover, so ceil mode and PyTorch's padding rules need nothing from ND4J but a plain
 * unpadded window loop, run without the oneDNN helper.
 */
final class PoolOps {
    private PoolOps() {}

    static INDArray maxPool2d(INDArray x, int[] kernel, int[] stride, int[] padding, int[] dilation, long[] resultShape) {
        INDArray covered = Pads.spatial(x, coveringPad(x, kernel, stride, padding, dilation, resultShape), Double.NEGATIVE_INFINITY);
        return NativeExec.run(new MaxPooling2D(covered, config(kernel, stride, dilation)), resultShape, x.dataType(), false);
    }

    /**
     * PyTorch's average: the window sum divided by the window's size clipped to the padded input
     * (count_include_pad) or to the input itself, or by divisorOverride when it is positive.
     */
    static INDArray avgPool2d(INDArray x, int[] kernel, int[] stride, int[] padding, boolean countIncludePad,
                              int divisorOverride, long[] resultShape) {
        int[] noDilation = {1, 1};
        INDArray covered = Pads.spatial(x, coveringPad(x, kernel, stride, padding, noDilation, resultShape), 0);
        INDArray mean = NativeExec.run(new AvgPooling2D(covered, config(kernel, stride, noDilation)), resultShape,
                x.dataType(), false);
        long outH = resultShape[2], outW = resultShape[3];
        float[] scale = new float[(int) (outH * outW)];
        for (int i = 0; i < outH; i++) {
            for (int j = 0; j < outW; j++) {
                long divisor = divisorOverride > 0 ? divisorOverride
                        : divisorCount(i, stride[0], kernel[0], padding[0], x.size(2), countIncludePad)
                        * divisorCount(j, stride[1], kernel[1], padding[1], x.size(3), countIncludePad);
                scale[(int) (i * outW + j)] = (float) ((double) kernel[0] * kernel[1] / divisor);
            }
        }
        INDArray factor = Nd4j.create(scale, new long[]{outH * outW}, 'c').castTo(x.dataType());
        mean.reshape('c', resultShape[0] * resultShape[1], outH * outW).muliRowVector(factor);
        return mean;
    }

    /** The elements of output window {@code index} along one dim that enter PyTorch's divisor. */
    private static long divisorCount(long index, int stride, int kernel, int pad, long size, boolean countIncludePad) {
        long start = index * stride - pad;
        long end = Math.min(start + kernel, size + pad);
        if (countIncludePad) return end - start;
        return Math.min(end, size) - Math.max(start, 0);
    }

    /** {top, bottom, left, right}: the left padding, and whatever makes the last window end at the edge. */
    private static int[] coveringPad(INDArray x, int[] kernel, int[] stride, int[] padding, int[] dilation, long[] resultShape) {
        int[] pad = new int[4];
        for (int i = 0; i < 2; i++) {
            long extent = (resultShape[2 + i] - 1) * stride[i] + (long) dilation[i] * (kernel[i] - 1) + 1;
            pad[2 * i] = padding[i];
            pad[2 * i + 1] = (int) (extent - x.size(2 + i) - padding[i]);
        }
        return pad;
    }

    private static Pooling2DConfig config(int[] kernel, int[] stride, int[] dilation) {
        return Pooling2DConfig.builder().kH(kernel[0]).kW(kernel[1]).sH(stride[0]).sW(stride[1]).pH(0).pW(0)
                .dH(dilation[0]).dW(dilation[1]).isNHWC(false).paddingMode(PaddingMode.VALID).build();
    }
}
