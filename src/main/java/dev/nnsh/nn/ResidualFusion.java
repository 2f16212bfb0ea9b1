package dev.nnsh.nn;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;

import dev.nnsh.ops.fast.DnnlLinearResidual;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Transformer blocks' residual sums in eval added by the last matmul of the branch (issue 11, tf):
 * residual + attention(x) and residual + mlp(x), so the sum takes no pass of its own. Null where it
 * does not apply (training, a summary watching every call, other module classes, the fast paths
 * off, -Dnnsh.tf.residual=off); the caller then runs the modules and the add.
 */
public final class ResidualFusion {
    private ResidualFusion() {}

    private static boolean on(Tensor x, Tensor residual) {
        return !"off".equals(System.getProperty("nnsh.tf.residual")) && !Module.everyCallObserved() && !x.isShapeOnly()
                && !residual.isShapeOnly() && x.dtype() == DType.FLOAT32 && residual.dtype() == DType.FLOAT32;
    }

    /**
     * branch + residual of the same shape into a pooled buffer (ND4J's add would allocate one the pool cannot
     * take back), so that the sum can be freed once dead; null where the fusion is off or does not apply.
     */
    public static Tensor pooledSum(Tensor branch, Tensor residual) {
        if (!on(branch, residual) || !java.util.Arrays.equals(branch.shape(), residual.shape())) return null;
        INDArray out = NativeBuffers.uninitialized(DataType.FLOAT, branch.shape());
        Nd4j.exec(new AddOp(branch.nd(), residual.nd(), out));
        return Tensor.of(out);
    }

    /** residual + attention(x, x, x) for a MultiheadAttention in eval. */
    public static Tensor attentionPlus(MultiheadAttention attention, Tensor x, Tensor residual) {
        return on(x, residual) ? attention.evalSelfAttentionPlus(x, residual) : null;
    }

    /**
     * residual + mlp(x) for torchvision's MLP of one hidden layer as it stands in ViT and Swin: a
     * Sequential of exactly Linear, GELU, Dropout, Linear, Dropout, all in eval.
     */
    public static Tensor mlpPlus(Module mlp, Tensor x, Tensor residual) {
        if (!on(x, residual) || !(mlp instanceof Sequential)) return null;
        List<Module> c = mlp.children();
        if (c.size() != 5 || c.get(0).getClass() != Linear.class || c.get(1).getClass() != GELU.class || c.get(2).getClass() != Dropout.class
                || c.get(3).getClass() != Linear.class || c.get(4).getClass() != Dropout.class) return null;
        for (Module m : c) if (m.isTraining()) return null;
        if ("off".equals(System.getProperty("nnsh.fuse.gelu"))) return null;
        Linear fc2 = (Linear) c.get(3);
        long[] shape = x.shape();
        shape[shape.length - 1] = fc2.outFeatures();
        if (!java.util.Arrays.equals(shape, residual.shape())) return null;
        Tensor hidden = LinearFusion.run((Linear) c.get(0), c.get(1), x);
        if (hidden == null) return null;
        Tensor w = fc2.ownParameters().get("weight").valueFor(x);
        Parameter bp = fc2.ownParameters().get("bias");
        Tensor b = bp == null ? null : bp.valueFor(x);
        if (w.isShapeOnly() || w.dtype() != DType.FLOAT32 || b != null && (b.isShapeOnly() || b.dtype() != DType.FLOAT32)) return null;
        INDArray out = DnnlLinearResidual.linear(hidden.nd(), w.nd(), b == null ? null : b.nd(), null, residual.nd());
        NativeBuffers.release(hidden, "MLP residual");
        return out == null ? null : Tensor.of(out);
    }
}
