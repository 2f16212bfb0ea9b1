package dev.nnsh.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (free): x·s for a channels-last x [N, C, H, W] and one scale per image and channel s [N, C, 1, 1]
 * (a squeeze-excitation's output), into a pooled channels-last buffer: the next convolution reads it without a
 * reorder and a Sequential can free it once consumed, where ND4J's broadcast would write a fresh zero-filled NCHW array.
 */
public final class ChannelScale {
    private ChannelScale() {}

    /** x·s with x's values and shape as {@code x.mul(s)} gives them, or null where this does not apply (the caller multiplies). */
    public static Tensor mul(Tensor x, Tensor s) {
        if (!InPlace.enabled() || x.isShapeOnly() || s.isShapeOnly() || x.dtype() != DType.FLOAT32 || s.dtype() != DType.FLOAT32
                || x.dim() != 4 || s.dim() != 4) {
            return null;
        }
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        if (s.size(0) != n || s.size(1) != c || s.size(2) != 1 || s.size(3) != 1 || !DnnlConv.channelsLast(x.nd())) return null;
        return Tensor.derive(x.shape(), DType.FLOAT32, arrays -> {
            INDArray fast = dev.nnsh.ops.fast.DnnlChannelScale.mul(arrays[0], arrays[1]); // issue 11 (mobile): one oneDNN binary
            if (fast != null) return fast;
            INDArray xs = arrays[0].permute(0, 2, 3, 1); // [N, H, W, C], dense
            INDArray ss = arrays[1].reshape('c', n, 1, 1, c);
            INDArray out = NativeBuffers.uninitialized(DataType.FLOAT, n, h, w, c);
            Nd4j.exec(new MulOp(xs, ss, out));
            return out.permute(0, 3, 1, 2);
        }, x, s);
    }
}
