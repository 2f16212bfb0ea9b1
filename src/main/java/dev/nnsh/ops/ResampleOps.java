package dev.nnsh.ops;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adaptive average pooling and interpolation: the shape rules, and separable resampling of the last
 * one or two dims: each output row/column is a weighted sum of
 * input rows/columns, so adaptive average pooling, nearest and bilinear interpolation are all
 * {@code A_H · x · A_Wᵀ} per channel, with the weight matrices from {@link ResampleWeights}.
 */
public final class ResampleOps {
    private ResampleOps() {}

    // ---------------------------------------------------------------- shape rules

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
        return x.derive(result, x.dtype(), a -> apply(a, ResampleWeights.adaptiveAverage(inH, outH),
                ResampleWeights.adaptiveAverage(inW, outW), result));
    }

    /**
     * Modes "nearest" (3-D or 4-D input) and "bilinear" (4-D), PyTorch's source index formulas; exactly
     * one of size and scale is given, each with one entry or one per spatial dim.
     */
    public static Tensor interpolate(Tensor x, int[] size, double[] scale, String mode, boolean alignCorners) {
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
        return x.derive(result, x.dtype(), a -> apply(a,
                spatial == 1 ? null : weights(bilinear, inH, outH, scaleH, alignCorners),
                weights(bilinear, inW, outW, scaleW, alignCorners), result));
    }

    private static float[][] weights(boolean bilinear, int in, int out, double scale, boolean alignCorners) {
        return bilinear ? ResampleWeights.linear(in, out, scale, alignCorners) : ResampleWeights.nearest(in, out, scale);
    }

    // ---------------------------------------------------------------- ND4J kernel

    /** x [..., H, W]; rowsH [outH, H] (null for a 1-D resample of [..., W]); rowsW [outW, W]. */
    private static INDArray apply(INDArray x, float[][] rowsH, float[][] rowsW, long[] resultShape) {
        int rank = x.rank();
        long w = x.size(rank - 1), outW = rowsW.length;
        long lead = x.length() / w;
        INDArray alongW = x.dup('c').reshape('c', lead, w).mmul(matrix(rowsW, x).transpose());
        if (rowsH == null) return alongW.reshape('c', resultShape);
        long h = x.size(rank - 2), outH = rowsH.length, planes = lead / h;
        INDArray columns = alongW.reshape('c', planes, h, outW).permute(0, 2, 1).dup('c').reshape('c', planes * outW, h);
        INDArray alongH = columns.mmul(matrix(rowsH, x).transpose());
        return alongH.reshape('c', planes, outW, outH).permute(0, 2, 1).dup('c').reshape('c', resultShape);
    }

    private static INDArray matrix(float[][] rows, INDArray like) {
        return Nd4j.create(rows).castTo(like.dataType());
    }

    // --- zoo layers ---

    /** Adaptive average pooling of x [N, C, D, H, W] to [N, C, outD, outH, outW], PyTorch's windows. */
    public static Tensor adaptiveAvgPool3d(String who, Tensor x, int[] outputSize) {
        if (x.dim() != 5) {
            throw new ShapeException(who + ": expected 5D input [N, C, D, H, W], got shape " + Shapes.format(x.shape()));
        }
        for (int s : outputSize) Args.positive(who, "output_size", s);
        long[] out = {x.size(0), x.size(1), outputSize[0], outputSize[1], outputSize[2]};
        return x.derive(out, x.dtype(), a -> Pool3dKernel.adaptiveAvgPool3d(a, outputSize));
    }

    /** Adaptive max pooling of x [N, C, H, W] or [C, H, W] to outH × outW, the same windows as the average's. */
    public static Tensor adaptiveMaxPool2d(String who, Tensor x, int outH, int outW) {
        if (x.dim() == 3) return adaptiveMaxPool2d(who, x.unsqueeze(0), outH, outW).squeeze(0);
        if (x.dim() != 4) {
            throw new ShapeException(who + ": expected 3D or 4D input ([C, H, W] or [N, C, H, W]), got shape " + Shapes.format(x.shape()));
        }
        Args.positive(who, "output_size", outH);
        Args.positive(who, "output_size", outW);
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        if (h == 0 || w == 0) throw new ShapeException(who + ": input has an empty spatial dim: " + Shapes.format(x.shape()));
        long[] out = {n, c, outH, outW};
        return x.derive(out, x.dtype(), a -> Pool3dKernel.adaptiveMaxPool3d(a.reshape('c', n, c, 1, h, w), new int[]{1, outH, outW}));
    }
}
