package dev.nnsh.nn;

import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;

import dev.nnsh.ops.fast.DnnlAttention;
import dev.nnsh.ops.fast.DnnlLinearResidual;
import dev.nnsh.ops.fast.PartitionRows;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.NativeBuffers;
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
        if (!on(a) || !on(b) || !Arrays.equals(a.shape(), b.shape()) || !PartitionRows.channelsLast(a.nd())) return null;
        INDArray bn = b.nd();
        if (!PartitionRows.channelsLast(bn) && !PartitionRows.dense(bn)) return null;
        long[] s = a.shape();
        INDArray out = NativeBuffers.uninitialized(DataType.FLOAT, s[0], s[2], s[3], s[1]);
        Nd4j.exec(new AddOp(a.nd().permute(0, 2, 3, 1), bn.permute(0, 2, 3, 1), out));
        return Tensor.of(out.permute(0, 3, 1, 2));
    }

    private static boolean residualOn(Tensor x, Tensor residual) {
        return !"off".equals(System.getProperty("nnsh.tf.residual")) && !"off".equals(System.getProperty("nnsh.tf.partition"))
                && !"off".equals(System.getProperty("nnsh.tf.partitionres"))
                && !Module.everyCallObserved() && !x.isShapeOnly() && !residual.isShapeOnly() && x.dtype() == DType.FLOAT32
                && residual.dtype() == DType.FLOAT32;
    }

    /** residual + linear(x) on one matmul (the sum as its post-op) into a pooled buffer, or null where it does not apply. */
    public static Tensor linearPlus(Linear linear, Tensor x, Tensor residual) {
        if (!residualOn(x, residual) || linear.isTraining() || linear.getClass() != Linear.class) return null;
        Tensor w = linear.ownParameters().get("weight").valueFor(x);
        Parameter bp = linear.ownParameters().get("bias");
        Tensor b = bp == null ? null : bp.valueFor(x);
        if (w.isShapeOnly() || w.dtype() != DType.FLOAT32 || b != null && (b.isShapeOnly() || b.dtype() != DType.FLOAT32)) return null;
        long[] shape = x.shape();
        shape[shape.length - 1] = w.size(0);
        if (!Arrays.equals(shape, residual.shape())) return null;
        INDArray out = DnnlLinearResidual.linear(x.nd(), w.nd(), b == null ? null : b.nd(), null, residual.nd());
        return out == null ? null : Tensor.of(out);
    }

    /**
     * x + mlp(x) for MaxViT's pre-norm MLP, a Sequential of exactly LayerNorm, Linear, GELU, Linear, Dropout in
     * eval: the norm, Linear → GELU as one matmul, and the second Linear with x added as its post-op (no
     * separate sum); the intermediates freed once consumed. Null where it does not apply.
     */
    public static Tensor preNormMlpPlus(Module mlp, Tensor x) {
        if (!residualOn(x, x) || !(mlp instanceof Sequential) || "off".equals(System.getProperty("nnsh.fuse.gelu"))) return null;
        List<Module> c = mlp.children();
        if (c.size() != 5 || c.get(0).getClass() != LayerNorm.class || c.get(1).getClass() != Linear.class || c.get(2).getClass() != GELU.class
                || c.get(3).getClass() != Linear.class || c.get(4).getClass() != Dropout.class) return null;
        for (Module m : c) if (m.isTraining()) return null;
        Tensor normed = c.get(0).apply(x);
        Tensor hidden = LinearFusion.run((Linear) c.get(1), c.get(2), normed);
        if (normed != x) NativeBuffers.release(normed, "MaxViT MLP");
        if (hidden == null) return null;
        Tensor out = linearPlus((Linear) c.get(3), hidden, x);
        NativeBuffers.release(hidden, "MaxViT MLP");
        return out;
    }

    /** rows [B, hp·wp, p², C] (swap: [B, p², hp·wp, C]) into [B, C, hp·p, wp·p]. */
    public static Tensor departition(Tensor rows, int p, long hp, long wp, boolean swap) {
        if (!on(rows)) return null;
        INDArray images = PartitionRows.departition(rows.nd(), p, hp, wp, swap);
        return images == null ? null : Tensor.of(images);
    }
}
