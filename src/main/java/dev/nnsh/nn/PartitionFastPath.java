package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlAttention;
import dev.nnsh.ops.fast.PartitionRows;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * MaxViT's window/grid partition (with the grid's axis swap) and departition in eval as one row copy
 * each into pooled buffers (issue 11, tf; {@link PartitionRows}); the departitioned images come back
 * channels-last, which the next partition, convolution and batch norm read as they lie. Null where it
 * does not apply (the caller keeps its reshape/permute path). Off with -Dnnsh.tf.partition=off.
 */
public final class PartitionFastPath {
    private PartitionFastPath() {}

    private static boolean on(Tensor x) {
        return !"off".equals(System.getProperty("nnsh.tf.partition")) && DnnlAttention.enabled() && !x.isShapeOnly()
                && x.dtype() == DType.FLOAT32 && x.dim() == 4;
    }

    /** x [B, C, H, W] into [B, G, p², C] (swap: [B, p², G, C]). */
    public static Tensor partition(Tensor x, int p, boolean swap) {
        if (!on(x)) return null;
        INDArray rows = PartitionRows.partition(x.nd(), p, swap);
        return rows == null ? null : Tensor.of(rows);
    }

    /**
     * a + b into a pooled buffer held channels-last like {@code a} (a convolution's result; the sum then
     * stays channels-last for the partition and the next block), or null unless a is channels-last and b is
     * channels-last or a dense [B, C, H, W] of the same shape. Off with the partition path.
     */
    public static Tensor channelsLastSum(Tensor a, Tensor b) {
        if (!on(a) || !on(b) || !java.util.Arrays.equals(a.shape(), b.shape()) || !PartitionRows.channelsLast(a.nd())) return null;
        INDArray bn = b.nd();
        if (!PartitionRows.channelsLast(bn) && !PartitionRows.dense(bn)) return null;
        long[] s = a.shape();
        INDArray out = dev.nnsh.tensor.NativeBuffers.uninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, s[0], s[2], s[3], s[1]);
        org.nd4j.linalg.factory.Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp(
                a.nd().permute(0, 2, 3, 1), bn.permute(0, 2, 3, 1), out));
        return Tensor.of(out.permute(0, 3, 1, 2));
    }

    /** rows [B, hp·wp, p², C] (swap: [B, p², hp·wp, C]) into [B, C, hp·p, wp·p]. */
    public static Tensor departition(Tensor rows, int p, long hp, long wp, boolean swap) {
        if (!on(rows)) return null;
        INDArray images = PartitionRows.departition(rows.nd(), p, hp, wp, swap);
        return images == null ? null : Tensor.of(images);
    }
}
