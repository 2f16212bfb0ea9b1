package dev.nnsh.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlLinear;
import dev.nnsh.ops.fast.DnnlPostOps;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * Eval-mode Linear (→ ReLU/ReLU6/GELU; GELU: issue 11, tf) on oneDNN's matmul ({@link DnnlLinear}): the bias and the
 * activation fused into the product, the weight read where it lies (so a weight changed in place or
 * replaced is seen at the next call; nothing is cached but the compiled primitive per shape). It
 * applies only when the fast paths are on, the Linear is in eval and of exactly that class (a subclass
 * may override forward), the input, weight and bias are real float32 arrays in a layout the matmul
 * reads, and, for a fused activation, no observer that must see every call is installed (a
 * summary). Train mode, and everything else, keeps ND4J's product; values equal within float rounding.
 */
final class LinearFusion {
    private LinearFusion() {}

    /** Whether a Sequential's pass over x may fuse Linear → activation pairs now (cheap). */
    static boolean active(Tensor x) {
        return x != null && !x.isShapeOnly() && x.dtype() == DType.FLOAT32 && x.dim() != 4 && !Module.everyCallObserved()
                && DnnlLinear.enabled();
    }

    /**
     * A Sequential's children run in order (for an input {@link #active} accepts), each Linear →
     * ReLU/ReLU6 pair as one call; {@code release} frees each intermediate once the next step has consumed it.
     */
    static Tensor forward(List<Module> children, Tensor x, IntermediateRelease release) {
        int n = children.size();
        for (int i = 0; i < n; ) {
            Module m = children.get(i);
            if (pairAt(children, i)) {
                x = release.after(m, x, apply(m, children.get(i + 1), x));
                i += 2;
            } else {
                x = release.after(m, x, m.apply(x));
                i++;
            }
        }
        return x;
    }

    /** True when children[i] is a Linear followed by a ReLU/ReLU6 that {@link #apply} would fuse. */
    static boolean pairAt(List<Module> children, int i) {
        return i + 1 < children.size() && children.get(i).getClass() == Linear.class
                && (children.get(i + 1).getClass() == ReLU.class || children.get(i + 1).getClass() == ReLU6.class
                    || children.get(i + 1).getClass() == GELU.class) // issue 11 (tf)
                && !Module.everyCallObserved();
    }

    /** act(linear(x)) as one call where it applies, else the two calls as they are. */
    static Tensor apply(Module linear, Module act, Tensor x) {
        Tensor fused;
        try {
            fused = run((Linear) linear, act, x);
        } catch (RuntimeException e) { // a memory-guard refusal and the like: the separate calls report it with the layer's path
            fused = null;
        }
        return fused != null ? fused : act.apply(linear.apply(x));
    }

    /**
     * act(linear(x)) (act null: none) on the fast path, or null where it does not apply (the caller
     * then runs ND4J's product and the activation as before).
     */
    static Tensor run(Linear linear, Module act, Tensor x) {
        if (x == null || x.isShapeOnly() || x.dtype() != DType.FLOAT32 || linear.isTraining() || !DnnlLinear.enabled()) return null;
        if (act != null && linear.getClass() != Linear.class) return null; // fusing skips apply: only where forward is Linear's
        DnnlPostOps post = act == null ? DnnlPostOps.NONE : act.getClass() == ReLU.class ? DnnlPostOps.RELU
                : act.getClass() == ReLU6.class ? DnnlPostOps.RELU6
                : act.getClass() == GELU.class ? geluPostOp((GELU) act) : null; // issue 11 (tf)
        if (post == null) return null;
        Tensor w = linear.ownParameters().get("weight").valueFor(x);
        Parameter bp = linear.ownParameters().get("bias");
        Tensor b = bp == null ? null : bp.valueFor(x);
        if (w.isShapeOnly() || w.dtype() != DType.FLOAT32 || w.dim() != 2 || b != null && (b.isShapeOnly() || b.dtype() != DType.FLOAT32
                || b.dim() != 1 || b.size(0) != w.size(0))) return null;
        if (x.dim() == 0 || x.size(-1) != w.size(1)) return null; // ND4J's path reports the shape error
        long[] shape = x.shape();
        shape[shape.length - 1] = w.size(0);
        try {
            return Tensor.derive(shape, DType.FLOAT32, a -> {
                INDArray y = DnnlLinear.linear(a[0], a[1], a[2], post);
                if (y == null) throw new NotFused();
                return y;
            }, x, w, b);
        } catch (NotFused e) {
            return null;
        }
    }

    /** issue 11 (tf): oneDNN's erf or tanh GELU post-op, unless -Dnnsh.fuse.gelu=off. */
    private static DnnlPostOps geluPostOp(GELU act) {
        if ("off".equals(System.getProperty("nnsh.fuse.gelu"))) return null;
        return "tanh".equals(act.approximate()) ? DnnlPostOps.GELU_TANH : DnnlPostOps.GELU_ERF;
    }

    /** oneDNN declined this product after all; the caller runs ND4J's. */
    private static final class NotFused extends RuntimeException {
        NotFused() { super(null, null, false, false); }
    }
}
