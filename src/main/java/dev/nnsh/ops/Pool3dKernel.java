package dev.nnsh.ops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * 3-D pooling on ND4J for MaxPool3d and AdaptiveAvgPool3d, x [N, C, D, H, W]: each output cell is the
 * max (padding counts as −∞) or the mean of its window, reduced over the three spatial dims at once.
 */
public final class Pool3dKernel {
    private Pool3dKernel() {}

    /** Windows start at o·s − p and span d·(k−1) + 1 input cells, every d-th one taken. */
    public static INDArray maxPool3d(INDArray x, int[] kernel, int[] stride, int[] padding, int[] dilation, long[] outShape) {
        long[] in = x.shape();
        INDArray padded = x;
        if (padding[0] > 0 || padding[1] > 0 || padding[2] > 0) {
            padded = Nd4j.valueArrayOf(new long[]{in[0], in[1], in[2] + 2L * padding[0], in[3] + 2L * padding[1],
                    in[4] + 2L * padding[2]}, Double.NEGATIVE_INFINITY, x.dataType());
            padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(padding[0], padding[0] + in[2]),
                    NDArrayIndex.interval(padding[1], padding[1] + in[3]), NDArrayIndex.interval(padding[2], padding[2] + in[4])).assign(x);
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), outShape);
        for (long od = 0; od < outShape[2]; od++) {
            for (long oh = 0; oh < outShape[3]; oh++) {
                for (long ow = 0; ow < outShape[4]; ow++) {
                    INDArray window = padded.get(NDArrayIndex.all(), NDArrayIndex.all(),
                            span(od * stride[0], kernel[0], dilation[0], padded.size(2)),
                            span(oh * stride[1], kernel[1], dilation[1], padded.size(3)),
                            span(ow * stride[2], kernel[2], dilation[2], padded.size(4)));
                    out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(od), NDArrayIndex.point(oh),
                            NDArrayIndex.point(ow)).assign(window.max(2, 3, 4));
                }
            }
        }
        return out;
    }

    /** Indices start, start+d, ... (k of them), clipped to the input (ceil mode's last window may run past it). */
    private static INDArrayIndex span(long start, int k, int d, long size) {
        long end = Math.min(start + (long) d * (k - 1) + 1, size);
        return NDArrayIndex.interval(start, d, end);
    }

    /** Window i of n over a dim of size L: ⌊i·L/n⌋ to ⌈(i+1)·L/n⌉, as PyTorch's adaptive pooling. */
    public static INDArray adaptiveAvgPool3d(INDArray x, int[] outputSize) { return adaptive(x, outputSize, false); }

    /** The same windows, their maxima (for AdaptiveMaxPool2d, as [N, C, 1, H, W]). */
    public static INDArray adaptiveMaxPool3d(INDArray x, int[] outputSize) { return adaptive(x, outputSize, true); }

    private static INDArray adaptive(INDArray x, int[] outputSize, boolean max) {
        long[] in = x.shape();
        INDArray out = Nd4j.createUninitialized(x.dataType(), in[0], in[1], outputSize[0], outputSize[1], outputSize[2]);
        for (int od = 0; od < outputSize[0]; od++) {
            for (int oh = 0; oh < outputSize[1]; oh++) {
                for (int ow = 0; ow < outputSize[2]; ow++) {
                    INDArray window = x.get(NDArrayIndex.all(), NDArrayIndex.all(), adaptive(od, outputSize[0], in[2]),
                            adaptive(oh, outputSize[1], in[3]), adaptive(ow, outputSize[2], in[4]));
                    out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(od), NDArrayIndex.point(oh),
                            NDArrayIndex.point(ow)).assign(max ? window.max(2, 3, 4) : window.mean(2, 3, 4));
                }
            }
        }
        return out;
    }

    private static INDArrayIndex adaptive(int i, int n, long size) {
        long start = Math.floorDiv(i * size, n);
        long end = -Math.floorDiv(-(i + 1) * size, n);
        return NDArrayIndex.interval(start, end);
    }
}
