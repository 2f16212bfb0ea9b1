package dev.nnsh.ops;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Constant padding: the shape rule of {@code F.pad} and the ND4J padding (a negative amount crops). */
public final class PadOps {
    private PadOps() {}

    /** Pads as PyTorch orders them: last dim first (left, right, top, bottom, ...); only mode "constant". */
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
        return x.derive(result, x.dtype(), a -> constant(a, before, after, value));
    }

    /** {@code before[d]}/{@code after[d]} elements of {@code value} around dimension d (negative: removed). */
    static INDArray constant(INDArray x, long[] before, long[] after, double value) {
        int rank = x.rank();
        INDArrayIndex[] keep = new INDArrayIndex[rank];
        boolean crops = false, grows = false;
        for (int d = 0; d < rank; d++) {
            long cropBefore = Math.max(0, -before[d]), cropAfter = Math.max(0, -after[d]);
            keep[d] = NDArrayIndex.interval(cropBefore, x.size(d) - cropAfter);
            crops |= cropBefore > 0 || cropAfter > 0;
            grows |= before[d] > 0 || after[d] > 0;
        }
        INDArray source = crops ? x.get(keep) : x;
        if (!grows) return crops ? source.dup('c') : x;
        long[] shape = new long[rank];
        INDArrayIndex[] place = new INDArrayIndex[rank];
        for (int d = 0; d < rank; d++) {
            long start = Math.max(0, before[d]);
            shape[d] = source.size(d) + start + Math.max(0, after[d]);
            place[d] = NDArrayIndex.interval(start, start + source.size(d));
        }
        INDArray out = Nd4j.valueArrayOf(shape, value, x.dataType());
        out.get(place).assign(source);
        return out;
    }

    /** Pads the last two dims (H, W) of a 4-D array: {top, bottom, left, right}. */
    static INDArray spatial(INDArray x, int[] pad, double value) {
        if (pad[0] == 0 && pad[1] == 0 && pad[2] == 0 && pad[3] == 0) return x;
        return constant(x, new long[]{0, 0, pad[0], pad[2]}, new long[]{0, 0, pad[1], pad[3]}, value);
    }
}
