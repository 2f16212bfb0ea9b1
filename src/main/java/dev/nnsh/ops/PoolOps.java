package dev.nnsh.ops;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.AvgPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max and average pooling: the shape rules (for real and shape-only tensors alike) and the ND4J side
 * of 2-D pooling on [N, C, H, W], which runs once shapes are checked. The input is first padded (−∞ for max, 0 for average) or cropped to exactly the extent the output
 * windows cover, so ceil mode and PyTorch's padding rules need nothing from ND4J but a plain
 * unpadded window loop, run without the oneDNN helper.
 */
public final class PoolOps {
    private PoolOps() {}

    // ---------------------------------------------------------------- shape rules

    /** Max pooling of [N, C, H, W] or [C, H, W]; padding counts as −∞; ceil mode as PyTorch's. */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        long[] result = pooledShape("max_pool2d", x.shape(), kernel, stride, padding, dilation, ceilMode);
        return x.derive(result, x.dtype(), a -> maxPool2dKernel(batched(a), kernel, stride, padding, dilation,
                batched(result)));
    }

    /** Max pooling of [N, C, L] or [C, L]. */
    public static Tensor maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        long[] xs = x.shape();
        if (xs.length != 2 && xs.length != 3) {
            throw new ShapeException("max_pool1d: expected 2-D or 3-D input, got shape " + Shapes.format(xs));
        }
        pooledShape("max_pool1d", xs, new int[]{kernel}, new int[]{stride}, new int[]{padding}, new int[]{dilation},
                ceilMode);
        return maxPool2d(x.unsqueeze(-2), new int[]{1, kernel}, new int[]{1, stride}, new int[]{0, padding},
                new int[]{1, dilation}, ceilMode).squeeze(-2);
    }

    /**
     * Average pooling of [N, C, H, W] or [C, H, W], PyTorch's divisor: the window clipped to the
     * padded input (count_include_pad) or to the input, or divisorOverride when positive.
     */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad, int divisorOverride) {
        if (divisorOverride < 0) throw new IllegalArgumentException("avg_pool2d: divisor_override must be positive, got " + divisorOverride);
        long[] result = pooledShape("avg_pool2d", x.shape(), kernel, stride, padding, new int[]{1, 1}, ceilMode);
        return x.derive(result, x.dtype(), a -> avgPool2dKernel(batched(a), kernel, stride, padding, countIncludePad,
                divisorOverride, batched(result)));
    }

    private static long[] pooledShape(String op, long[] xs, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                      boolean ceilMode) {
        if (kernel.length == 2 && xs.length != 3 && xs.length != 4) {
            throw new ShapeException(op + ": expected 3-D or 4-D input, got shape " + Shapes.format(xs));
        }
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

    private static INDArray batched(INDArray a) {
        return a.rank() == 4 ? a : a.reshape('c', 1, a.size(0), a.size(1), a.size(2));
    }

    private static long[] batched(long[] shape) {
        return shape.length == 4 ? shape : new long[]{1, shape[0], shape[1], shape[2]};
    }

    // ---------------------------------------------------------------- ND4J kernels

    private static INDArray maxPool2dKernel(INDArray x, int[] kernel, int[] stride, int[] padding, int[] dilation, long[] resultShape) {
        INDArray covered = PadOps.spatial(x, coveringPad(x, kernel, stride, padding, dilation, resultShape), Double.NEGATIVE_INFINITY);
        return NativeExec.run(new MaxPooling2D(covered, config(kernel, stride, dilation)), resultShape, x.dataType(), false);
    }

    /**
     * PyTorch's average: the window sum divided by the window's size clipped to the padded input
     * (count_include_pad) or to the input itself, or by divisorOverride when it is positive.
     */
    private static INDArray avgPool2dKernel(INDArray x, int[] kernel, int[] stride, int[] padding, boolean countIncludePad,
                              int divisorOverride, long[] resultShape) {
        int[] noDilation = {1, 1};
        INDArray covered = PadOps.spatial(x, coveringPad(x, kernel, stride, padding, noDilation, resultShape), 0);
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

    // --- zoo layers ---

    /** Max pooling of x [N, C, D, H, W]; padding counts as −∞ and is at most half the kernel; ceil mode as PyTorch's. */
    public static Tensor maxPool3d(String who, Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                   boolean ceilMode) {
        if (x.dim() != 5) {
            throw new ShapeException(who + ": expected 5D input [N, C, D, H, W], got shape " + Shapes.format(x.shape()));
        }
        Args.padAtMostHalfKernel(who, padding, kernel);
        long[] out = {x.size(0), x.size(1), 0, 0, 0};
        for (int i = 0; i < 3; i++) {
            long span = (long) dilation[i] * (kernel[i] - 1) + 1;
            long room = x.size(2 + i) + 2L * padding[i] - span;
            if (room < 0) {
                throw new ShapeException(who + ": input " + Shapes.format(x.shape()) + " is smaller than the window "
                        + PyFormat.tuple(kernel) + " in spatial dim " + i);
            }
            long size = (ceilMode ? Math.floorDiv(room + stride[i] - 1, stride[i]) : room / stride[i]) + 1;
            // PyTorch: in ceil mode the last window must start inside the input or its left padding
            if (ceilMode && (size - 1) * stride[i] >= x.size(2 + i) + padding[i]) size--;
            out[2 + i] = size;
        }
        return x.derive(out, x.dtype(), a -> Pool3dKernel.maxPool3d(a, kernel, stride, padding, dilation, out));
    }
}
