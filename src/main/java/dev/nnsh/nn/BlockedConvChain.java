package dev.nnsh.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlBlockedConv;
import dev.nnsh.ops.fast.DnnlPostOps;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * issue 11 (mobile): a run of fused convolutions (Conv2d → BatchNorm2d → activation, each as one oneDNN call
 * like {@link ConvFusion}) whose intermediates stay in oneDNN's blocked layout nChw16c
 * ({@link DnnlBlockedConv}): the first convolution reads the run's input as it lies, the last writes a
 * channels-last result, nothing in between is reordered. Steps may add their input to their last
 * convolution's result (an inverted residual block's sum, as a post-op). Used by MobileNetV2 and MNASNet for
 * their feature stacks. Every convolution is compiled (and checked to have a jit kernel) before the run
 * starts, so where anything does not apply {@link #run} returns null having computed nothing, and the caller
 * runs its modules as before. Intermediates go back to the buffer pool as soon as they are consumed.
 * {@code -Dnnsh.dnnl.blocked=off} turns it off.
 */
public final class BlockedConvChain {
    /** One fused convolution: conv, then bn (null: none), then act (null: none). */
    public record Layer(Module conv, Module bn, Module act) {}

    /** Layers run in order; {@code residual}: the step's input is added to its last layer's result before that layer's act. */
    public record Step(List<Layer> layers, boolean residual) {}

    private final List<Step> steps;

    /**
     * A flat list of modules read as fused convolutions: each Conv2d, then optionally a BatchNorm2d, then
     * optionally an activation it can take as a post-op; null when the list holds anything else.
     */
    public static List<Layer> layersOf(List<Module> modules) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < modules.size(); ) {
            Module conv = modules.get(i++);
            if (conv.getClass() != Conv2d.class) return null;
            Module bn = i < modules.size() && modules.get(i).getClass() == BatchNorm2d.class ? modules.get(i++) : null;
            Module act = i < modules.size() && modules.get(i).getClass() != Conv2d.class && FusableActivation.of(modules.get(i)) != null
                    ? modules.get(i++) : null;
            layers.add(new Layer(conv, bn, act));
        }
        return layers;
    }

    public BlockedConvChain(List<Step> steps) { this.steps = List.copyOf(steps); }

    private static final Map<Conv2d, FoldedConv> FOLDS = new WeakHashMap<>();

    /** How many runs went through the blocked layout (tests check which path a pass took). */
    private static volatile long runs;

    public static long runs() { return runs; }

    /** Whether the blocked path may run over x now. */
    public static boolean active(Tensor x) { return ConvFusion.active(x) && DnnlBlockedConv.enabled(); }

    /** The steps' result (channels-last), or null where this path does not apply (nothing computed then). */
    public Tensor run(Tensor x) {
        if (!active(x) || steps.isEmpty()) return null;
        for (Step s : steps) {
            if (s.layers().isEmpty()) return null;
            for (Layer l : s.layers()) if (!ConvFusion.fusable(l.conv(), l.bn(), l.act())) return null;
        }
        if (steps.get(0).residual()) return null; // the first step's input is plain: the chain starts after it
        try {
            List<Planned> plan = plan(x);
            if (plan == null) {
                if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println("blocked run: not planned for " + Arrays.toString(x.shape()));
                return null;
            }
            Planned last = plan.get(plan.size() - 1);
            long[] out = last.dstDims;
            return Tensor.derive(out, DType.FLOAT32, arrays -> execute(plan, arrays[0]), x);
        } catch (RuntimeException e) { // a shape error the modules report themselves
            if (Boolean.getBoolean("nnsh.dnnl.debug")) e.printStackTrace();
            return null;
        }
    }

    /** One convolution's arguments, checked against oneDNN. */
    private record Planned(INDArray weight, INDArray bias, int[] stride, int[] pad, int[] dilation, int groups, DnnlPostOps act,
                           long[] srcDims, boolean plainIn, boolean sum, boolean blockedOut, long[] dstDims, boolean stepStart,
                           boolean reorderIn) {}

    private List<Planned> plan(Tensor x) {
        List<Planned> plan = new ArrayList<>();
        long[] dims = x.shape();
        long[] inStrides = x.nd().stride();
        int count = 0, total = 0;
        for (Step s : steps) total += s.layers().size();
        for (Step s : steps) {
            long[] stepDims = dims;
            for (int i = 0; i < s.layers().size(); i++) {
                Layer l = s.layers().get(i);
                Conv2d conv = (Conv2d) l.conv();
                INDArray[] wb = folded(conv, (BatchNorm2d) l.bn(), x);
                INDArray w = wb[0];
                if (w.size(1) * conv.groups != dims[1]) {
                    if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println("blocked run: " + conv + " over " + Arrays.toString(dims));
                    return null;
                }
                DnnlPostOps act = l.act() == null ? DnnlPostOps.NONE : FusableActivation.of(l.act());
                boolean first = count == 0, lastOne = count == total - 1, sum = s.residual() && i == s.layers().size() - 1;
                int[] pad = conv.effectivePadding();
                long[] wd = w.shape();
                // preferred: the first reads the input as it lies, the last writes channels-last; else a reorder at that end
                boolean plainIn = first, blockedOut = !lastOne;
                String impl = null;
                for (int option = 0; option < 4 && impl == null; option++) {
                    plainIn = first && (option & 1) == 0;
                    blockedOut = !lastOne || (option & 2) != 0;
                    if (!first && (option & 1) != 0 || !lastOne && (option & 2) != 0) continue;
                    impl = DnnlBlockedConv.implementation(dims, plainIn ? inStrides : null, wd, wb[1] != null, conv.stride, pad, conv.dilation,
                            conv.groups, act, sum, blockedOut);
                }
                if (impl == null) {
                    if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println("blocked run: no jit kernel for " + conv + " over " + Arrays.toString(dims));
                    return null;
                }
                long[] dst = DnnlBlockedConv.outputDims(dims, wd[0], wd[2], wd[3], conv.stride, pad, conv.dilation);
                if (sum && !Arrays.equals(dst, stepDims)) return null;
                plan.add(new Planned(w, wb[1], conv.stride, pad, conv.dilation, conv.groups, act, dims, plainIn, sum, blockedOut, dst, i == 0,
                        first && !plainIn));
                dims = dst;
                count++;
            }
        }
        return plan;
    }

    private static INDArray[] folded(Conv2d conv, BatchNorm2d bn, Tensor x) {
        Tensor w = conv.ownParameters().get("weight").valueFor(x);
        Parameter bp = conv.ownParameters().get("bias");
        Tensor b = bp == null ? null : bp.valueFor(x);
        if (bn == null) return new INDArray[]{w.nd(), b == null ? null : b.nd()};
        Tensor mean = bn.ownBuffers().get("running_mean").valueFor(x), var = bn.ownBuffers().get("running_var").valueFor(x);
        Tensor gamma = bn.affine() ? bn.ownParameters().get("weight").valueFor(x) : null;
        Tensor beta = bn.affine() ? bn.ownParameters().get("bias").valueFor(x) : null;
        FoldedConv fold;
        synchronized (FOLDS) { fold = FOLDS.computeIfAbsent(conv, c -> new FoldedConv()); }
        fold.prepare(w, b, gamma, beta, mean, var, bn.eps(), bn.statsVersion());
        return new INDArray[]{fold.weight(), fold.bias()};
    }

    private static INDArray execute(List<Planned> plan, INDArray input) {
        INDArray cur = input, stepIn = input;
        if (plan.get(0).reorderIn) { // the first convolution has no jit kernel over the plain input: one reorder in
            cur = DnnlBlockedConv.toBlocked(input);
            stepIn = cur;
        }
        for (int k = 0; k < plan.size(); k++) {
            Planned p = plan.get(k);
            if (p.stepStart && k > 0) {
                if (stepIn != cur && stepIn != input) free(stepIn);
                stepIn = cur;
            }
            INDArray out = DnnlBlockedConv.conv2d(cur, p.srcDims, p.plainIn ? input.stride() : null, p.weight, p.bias, p.stride, p.pad,
                    p.dilation, p.groups, p.act, p.sum ? stepIn : null, p.blockedOut);
            if (out == null) throw new IllegalStateException("blocked convolution declined after planning: " + Arrays.toString(p.srcDims));
            if (cur != input && cur != stepIn) free(cur);
            cur = out;
        }
        if (stepIn != input && stepIn != cur) free(stepIn);
        Planned last = plan.get(plan.size() - 1);
        if (last.blockedOut) { // the last convolution had no channels-last kernel: one reorder out
            long[] d = last.dstDims;
            INDArray result = dev.nnsh.ops.fast.DnnlConv.newChannelsLast(d[0], d[1], d[2], d[3]);
            DnnlBlockedConv.fromBlocked(cur, d, result);
            free(cur);
            cur = result;
        }
        runs++;
        return cur;
    }

    private static void free(INDArray blocked) {
        NativeBuffers.release(Tensor.of(blocked), "a blocked convolution run (issue 11, mobile)");
    }
}
