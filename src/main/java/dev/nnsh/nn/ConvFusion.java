package dev.nnsh.nn;

import java.util.Map;
import java.util.WeakHashMap;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.ConvOps;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.ops.fast.DnnlPostOps;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * Conv2d → BatchNorm2d → ReLU/ReLU6 (+ a residual sum before the activation) as one oneDNN
 * convolution in eval passes: the batch norm folded into the weights ({@link FoldedConv}, cached
 * per convolution), the sum and the activation as post-ops, the result channels-last (the next
 * convolution reads it without a reorder). It applies only when the fast paths are on, no observer
 * that must see every call is installed (a summary; the progress line does not count), every
 * module is in eval and of exactly these classes (a subclass may override forward), the batch norm
 * keeps running statistics and the input is a real float32 tensor. Where it does not apply, or
 * anything fails, {@link #run} returns null and the caller calls the modules as before; the values
 * are those of the separate calls within float rounding.
 */
public final class ConvFusion {
    private ConvFusion() {}

    private static final Map<Conv2d, FoldedConv> FOLDS = new WeakHashMap<>();
    private static final Map<BatchNorm2d, Object[]> NORM_FOLDS = new WeakHashMap<>(); // {ones [C, 1, 1, 1], FoldedConv}

    /** True when fusion may run for a pass over x now (cheap; checked before looking at modules). */
    public static boolean active(Tensor x) {
        return x != null && !x.isShapeOnly() && x.dtype() == DType.FLOAT32 && x.dim() == 4 && !Module.everyCallObserved()
                && DnnlConv.enabled();
    }

    /** Whether {@code m} can be the activation of a fused run (null: none). */
    static boolean isActivation(Module m) { return m == null || FusableActivation.of(m) != null; } // issue 11 (free): + Hardswish, SiLU

    /** Whether conv → bn (→ act) can be fused now, by the modules alone. */
    public static boolean fusable(Module conv, Module bn, Module act) {
        if (conv == null || conv.getClass() != Conv2d.class || conv.isTraining()) return false;
        if (bn != null) {
            if (bn.getClass() != BatchNorm2d.class || bn.isTraining()) return false;
            BatchNorm2d norm = (BatchNorm2d) bn;
            if (!norm.trackRunningStats() || norm.numFeatures() != ((Conv2d) conv).outChannels) return false;
        }
        return isActivation(act);
    }

    /**
     * act(bn(conv(x)) + residual) as one convolution, or null where fusion does not apply (the
     * caller then calls the modules). bn, act and residual may be null.
     */
    public static Tensor run(Module conv, Module bn, Module act, Tensor x, Tensor residual) {
        if (!active(x) || !fusable(conv, bn, act)) return null;
        if (residual != null && (residual.isShapeOnly() || residual.dtype() != DType.FLOAT32)) return null;
        try {
            return fused((Conv2d) conv, (BatchNorm2d) bn, act, x, residual);
        } catch (RuntimeException e) { // a shape error or a convolution oneDNN rejects: the separate calls report or run it
            return null;
        }
    }

    /**
     * act(bn(x)) as one pass, for a channels-last x (a fused convolution's result, a channel slice
     * of a concatenation): the folded batch norm as a depthwise 1×1 convolution with the activation
     * as its post-op, writing a dense channels-last result. Null where it does not apply.
     */
    public static Tensor runNorm(Module bn, Module act, Tensor x) {
        if (!active(x) || !DnnlConv.channelsLastStrided(x.nd()) || !fusableNorm(bn, x.size(1)) || !isActivation(act)) return null;
        try {
            BatchNorm2d norm = (BatchNorm2d) bn;
            INDArray[] folded = foldedNorm(norm, x);
            if (folded == null) return null;
            INDArray fw = folded[0], fb = folded[1], xa = x.nd();
            DnnlPostOps post = postOps(act);
            int[] one = {1, 1};
            int groups = (int) norm.numFeatures();
            return Tensor.derive(x.shape(), DType.FLOAT32, arrays -> {
                INDArray out = DnnlConv.conv2d(xa, fw, fb, one, new int[4], one, groups, post, null, true);
                if (out == null) throw new NotFused();
                return out;
            }, x);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * act(conv(x)) written into {@code into} (act may be null) (a channels-last view, such as a channel slice of a
     * concatenation's buffer); false, with nothing written, where this does not apply.
     */
    public static boolean runInto(Module conv, Module act, Tensor x, Tensor into) {
        if (!active(x) || !fusable(conv, null, act) || into.isShapeOnly()) return false;
        try {
            Conv2d c = (Conv2d) conv;
            Tensor w = c.ownParameters().get("weight").valueFor(x);
            Parameter bp = c.ownParameters().get("bias");
            Tensor b = bp == null ? null : bp.valueFor(x);
            long[] shape = ConvOps.conv2d(Tensor.shapeOnly(x.dtype(), x.shape()), Tensor.shapeOnly(w.dtype(), w.shape()),
                    b == null ? null : Tensor.shapeOnly(b.dtype(), b.shape()), c.stride, c.effectivePadding(), c.dilation, c.groups).shape();
            if (!java.util.Arrays.equals(shape, into.shape())) return false;
            return DnnlConv.conv2dInto(x.nd(), w.nd(), b == null ? null : b.nd(), c.stride, c.effectivePadding(), c.dilation, c.groups,
                    postOps(act), into.nd()) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** bn as a depthwise 1×1 convolution's weight [C, 1, 1, 1] and bias [C], from one cache per batch norm; null if stale. */
    static INDArray[] foldedNorm(BatchNorm2d norm, Tensor x) {
        Tensor w;
        FoldedConv fold;
        synchronized (NORM_FOLDS) {
            Object[] entry = NORM_FOLDS.computeIfAbsent(norm, k -> new Object[]{
                    Tensor.ones(norm.numFeatures(), 1, 1, 1), new FoldedConv()});
            w = (Tensor) entry[0];
            fold = (FoldedConv) entry[1];
        }
        if (w.size(0) != norm.numFeatures()) return null;
        Tensor mean = norm.ownBuffers().get("running_mean").valueFor(x), var = norm.ownBuffers().get("running_var").valueFor(x);
        Tensor gamma = norm.affine() ? norm.ownParameters().get("weight").valueFor(x) : null;
        Tensor beta = norm.affine() ? norm.ownParameters().get("bias").valueFor(x) : null;
        fold.prepare(w, null, gamma, beta, mean, var, norm.eps(), norm.statsVersion());
        return new INDArray[]{fold.weight(), fold.bias()};
    }

    /** act(bn(x)) by {@link #runNorm} where it applies, else the two calls as they are (act may be null). */
    public static Tensor applyNorm(Module bn, Module act, Tensor x) {
        Tensor fused = runNorm(bn, act, x);
        if (fused != null) return fused;
        Tensor y = bn.apply(x);
        return act == null ? y : act.apply(y);
    }

    static boolean fusableNorm(Module bn, long channels) {
        if (bn == null || bn.getClass() != BatchNorm2d.class || bn.isTraining()) return false;
        BatchNorm2d norm = (BatchNorm2d) bn;
        return norm.trackRunningStats() && norm.numFeatures() == channels && channels <= Integer.MAX_VALUE;
    }

    static DnnlPostOps postOps(Module act) {
        return act == null ? DnnlPostOps.NONE : FusableActivation.of(act); // issue 11 (free): + Hardswish, SiLU
    }

    /** act(bn(conv(x))) fused where {@link #run} applies, else the three calls as they are (bn, act may be null). */
    public static Tensor apply(Module conv, Module bn, Module act, Tensor x) {
        Tensor fused = run(conv, bn, act, x, null);
        if (fused != null) return fused;
        Tensor y = conv.apply(x);
        if (bn != null) y = bn.apply(y);
        return act == null ? y : act.apply(y);
    }

    /**
     * The convolution's weight and bias (w, b: its parameters' values for x) with bn folded in, from one cache
     * per convolution shared by every fused path (kept until the weights or bn's statistics change); as they are
     * when bn is null.
     */
    static INDArray[] foldedWeights(Conv2d conv, BatchNorm2d bn, Tensor w, Tensor b, Tensor x) {
        if (bn == null) return new INDArray[]{w.nd(), b == null ? null : b.nd()};
        Tensor mean = bn.ownBuffers().get("running_mean").valueFor(x), var = bn.ownBuffers().get("running_var").valueFor(x);
        Tensor gamma = bn.affine() ? bn.ownParameters().get("weight").valueFor(x) : null;
        Tensor beta = bn.affine() ? bn.ownParameters().get("bias").valueFor(x) : null;
        FoldedConv fold;
        synchronized (FOLDS) { fold = FOLDS.computeIfAbsent(conv, c -> new FoldedConv()); }
        fold.prepare(w, b, gamma, beta, mean, var, bn.eps(), bn.statsVersion());
        return new INDArray[]{fold.weight(), fold.bias()};
    }

    private static Tensor fused(Conv2d conv, BatchNorm2d bn, Module act, Tensor x, Tensor residual) {
        Tensor w = conv.ownParameters().get("weight").valueFor(x);
        Parameter bp = conv.ownParameters().get("bias");
        Tensor b = bp == null ? null : bp.valueFor(x);
        int[] stride = conv.stride, padding = conv.effectivePadding(), dilation = conv.dilation;
        int groups = conv.groups;
        // the shape rules, on shape-only copies: errors and the result's shape as the separate call gives them
        long[] shape = ConvOps.conv2d(Tensor.shapeOnly(x.dtype(), x.shape()), Tensor.shapeOnly(w.dtype(), w.shape()),
                b == null ? null : Tensor.shapeOnly(b.dtype(), b.shape()), stride, padding, dilation, groups).shape();
        if (residual != null && !java.util.Arrays.equals(shape, residual.shape())) return null;
        INDArray[] folded = foldedWeights(conv, bn, w, b, x);
        INDArray weight = folded[0], bias = folded[1];
        DnnlPostOps post = postOps(act);
        INDArray xa = x.nd(), ra = residual == null ? null : residual.nd();
        INDArray fw = weight, fb = bias;
        return Tensor.derive(shape, DType.FLOAT32, arrays -> {
            INDArray out = DnnlConv.conv2d(xa, fw, fb, stride, padding, dilation, groups, post, ra, true);
            if (out == null) throw new NotFused();
            return out;
        }, x);
    }

    /** oneDNN declined this convolution after all; the caller runs the modules. */
    private static final class NotFused extends RuntimeException {
        NotFused() { super(null, null, false, false); }
    }
}
