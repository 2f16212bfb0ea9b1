package dev.nnsh.tensor;

import java.util.Arrays;

import org.nd4j.linalg.api.ops.impl.scalar.Relu6;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Operations that overwrite their first operand and return it, as PyTorch's {@code inplace=True}
 * layers and {@code add_} do: no new buffer, so the result stays in memory that is already warm.
 * A shape-only tensor, or one whose dtype or shape the result could not keep, gets the ordinary
 * out-of-place operation instead (same values, same shape rules and errors).
 */
public final class InPlace {
    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.fastpaths"));

    private InPlace() {}

    /**
     * Whether issue 11's fast paths (these in-place operations, eval batch norm as scale/shift) are on;
     * {@code -Dnnsh.fastpaths=off} or {@link #setEnabled} turns them off, for before/after comparisons.
     */
    public static boolean enabled() { return enabled; }

    public static void setEnabled(boolean on) { enabled = on; }

    /** max(0, x) written into x. */
    public static Tensor relu(Tensor x) {
        if (x.isShapeOnly() || !enabled) return x.relu();
        Transforms.relu(x.nd(), false);
        return x;
    }

    /** min(max(0, x), 6) written into x, in one pass; integer tensors go out of place. */
    public static Tensor relu6(Tensor x, java.util.function.UnaryOperator<Tensor> outOfPlace) {
        if (x.isShapeOnly() || !enabled || !x.dtype().isFloatingPoint()) return outOfPlace.apply(x);
        Nd4j.exec(new Relu6(x.nd(), x.nd(), 0.0));
        return x;
    }

    /** a + b written into a when both have the same shape and dtype. */
    public static Tensor add(Tensor a, Tensor b) {
        if (!enabled || a.isShapeOnly() || b.isShapeOnly() || a.dtype() != b.dtype() || !Arrays.equals(a.shape(), b.shape())) {
            return a.add(b);
        }
        Nd4j.exec(new AddOp(a.nd(), b.nd(), a.nd()));
        return a;
    }
}
