package dev.nnsh.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlBlockedConv;
import dev.nnsh.ops.fast.DnnlBlockedExcite;
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
    /** One operation of a step. */
    public sealed interface Op permits Layer, Excite {}

    /** One fused convolution: conv, then bn (null: none), then act (null: none). */
    public record Layer(Module conv, Module bn, Module act) implements Op {}

    /**
     * A squeeze-excitation, x·scale(fc2(act(fc1(mean of x over the pixels)))) (fc1, fc2 1×1 Conv2d with bias; act, scale
     * activations a convolution takes as post-ops): never a step's first operation (x is scaled in place).
     */
    public record Excite(Module fc1, Module act, Module fc2, Module scale) implements Op {}

    /** Operations run in order; {@code residual}: the step's input is added to its last layer's result, after that layer's act (as torchvision's blocks). */
    public record Step(List<? extends Op> layers, boolean residual) {}

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


    /** How many runs went through the blocked layout (tests check which path a pass took). */
    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    public static long runs() { return RUNS.get(); }

    /** Whether the blocked path may run over x now. */
    public static boolean active(Tensor x) { return ConvFusion.active(x) && DnnlBlockedConv.enabled(); }

    /** The steps' result (channels-last), or null where this path does not apply (nothing computed then). */
    public Tensor run(Tensor x) {
        if (!active(x) || steps.isEmpty()) return null;
        for (Step s : steps) {
            if (s.layers().isEmpty() || !(s.layers().get(s.layers().size() - 1) instanceof Layer)) return null;
            for (Op op : s.layers()) {
                if (op instanceof Layer l && !ConvFusion.fusable(l.conv(), l.bn(), l.act())) return null;
                if (op instanceof Excite e && (s.layers().get(0) == op || !ConvFusion.fusable(e.fc1(), null, e.act())
                        || !ConvFusion.fusable(e.fc2(), null, e.scale()))) return null;
            }
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

    /** One convolution's arguments, checked against oneDNN; or (fc1 non-null) a squeeze-excitation over srcDims. */
    private record Planned(INDArray weight, INDArray bias, int[] stride, int[] pad, int[] dilation, int groups, DnnlPostOps act,
                           long[] srcDims, boolean plainIn, boolean sum, boolean blockedOut, long[] dstDims, boolean stepStart,
                           boolean reorderIn, Planned fc1, Planned fc2, long[] fixedSrcStrides, boolean addAfter) {}

    /**
     * A 1×1 convolution with bias over a blocked [N, C, 1, 1], blocked out, or null where oneDNN has no jit kernel. With
     * {@code plain}, source and result are read and written as plain [N, C] rows instead: the same memory as the blocked
     * form when both channel counts are multiples of 16 (or, for the squeeze, when only the next 1×1 reads it), and oneDNN
     * has its brgemm kernel for that layout.
     */
    private static Planned pointwise(Module m, Module activation, long[] dims, Tensor x, boolean plain) {
        Conv2d conv = (Conv2d) m;
        INDArray[] wb = folded(conv, null, x);
        INDArray w = wb[0];
        if (w.rank() != 4 || w.size(2) != 1 || w.size(3) != 1 || conv.groups != 1 || w.size(1) != dims[1] || conv.stride[0] != 1 || conv.stride[1] != 1
                || conv.dilation[0] != 1 || conv.dilation[1] != 1 || Arrays.stream(conv.effectivePadding()).anyMatch(v -> v != 0)) return null;
        DnnlPostOps act = activation == null ? DnnlPostOps.NONE : FusableActivation.of(activation);
        long[] strides = plain ? new long[]{dims[1], 1, dims[1], dims[1]} : null; // nhwc's strides: oneDNN reads them as that tag
        if (DnnlBlockedConv.implementation(dims, strides, w.shape(), wb[1] != null, conv.stride, conv.effectivePadding(), conv.dilation, 1, act, false,
                !plain) == null) {
            return null;
        }
        long[] dst = {dims[0], w.size(0), 1, 1};
        return new Planned(w, wb[1], conv.stride, conv.effectivePadding(), conv.dilation, 1, act, dims, plain, false, !plain, dst, false, false,
                null, null, strides, false);
    }

    private List<Planned> plan(Tensor x) {
        List<Planned> plan = new ArrayList<>();
        long[] dims = x.shape();
        long[] inStrides = x.nd().stride();
        int count = 0, total = 0;
        for (Step s : steps) total += s.layers().size();
        for (Step s : steps) {
            long[] stepDims = dims;
            for (int i = 0; i < s.layers().size(); i++) {
                if (s.layers().get(i) instanceof Excite e) {
                    if (count == 0 || count == total - 1 || !DnnlBlockedExcite.supported(dims)) return null;
                    long[] pooled = {dims[0], dims[1], 1, 1};
                    boolean plain = dims[1] % 16 == 0 && DnnlBlockedConv.plainExcite(); // blocked [N, C, 1, 1] is then plain [N, C]
                    Planned fc1 = pointwise(e.fc1(), e.act(), pooled, x, plain);
                    Planned fc2 = fc1 == null ? null : pointwise(e.fc2(), e.scale(), fc1.dstDims, x, plain);
                    if (fc2 == null || !Arrays.equals(fc2.dstDims, pooled)) {
                        if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println("blocked run: no squeeze-excitation over " + Arrays.toString(dims));
                        return null;
                    }
                    plan.add(new Planned(null, null, null, null, null, 1, null, dims, false, false, true, dims, false, false, fc1, fc2, null, false));
                    count++;
                    continue;
                }
                Layer l = (Layer) s.layers().get(i);
                Conv2d conv = (Conv2d) l.conv();
                INDArray[] wb = folded(conv, (BatchNorm2d) l.bn(), x);
                INDArray w = wb[0];
                if (w.size(1) * conv.groups != dims[1]) {
                    if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println("blocked run: " + conv + " over " + Arrays.toString(dims));
                    return null;
                }
                DnnlPostOps act = l.act() == null ? DnnlPostOps.NONE : FusableActivation.of(l.act());
                boolean first = count == 0, lastOne = count == total - 1, sum = s.residual() && i == s.layers().size() - 1;
                // act, then the sum: oneDNN 2.5's jit convolutions take no sum after an activation, so a blocked add follows
                boolean addAfter = sum && act != DnnlPostOps.NONE;
                if (addAfter) {
                    if (!DnnlBlockedExcite.addSupported(stepDims)) return null;
                    sum = false;
                }
                if (sum || addAfter) lastOne = false; // the residual is blocked, so is the sum: a run's last one is reordered out after it
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
                if ((sum || addAfter) && !Arrays.equals(dst, stepDims)) return null;
                plan.add(new Planned(w, wb[1], conv.stride, pad, conv.dilation, conv.groups, act, dims, plainIn, sum, blockedOut, dst, i == 0,
                        first && !plainIn, null, null, null, addAfter));
                dims = dst;
                count++;
            }
        }
        return plan;
    }

    private static INDArray[] folded(Conv2d conv, BatchNorm2d bn, Tensor x) {
        Tensor w = conv.ownParameters().get("weight").valueFor(x);
        Parameter bp = conv.ownParameters().get("bias");
        return ConvFusion.foldedWeights(conv, bn, w, bp == null ? null : bp.valueFor(x), x);
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
            if (p.fc1 != null) { // a squeeze-excitation: cur (never the step's input) scaled in place
                INDArray pooled = DnnlBlockedExcite.averagePool(cur, p.srcDims);
                INDArray h = conv(p.fc1, pooled, null);
                free(pooled);
                INDArray scale = conv(p.fc2, h, null);
                free(h);
                DnnlBlockedExcite.scaleInPlace(cur, p.srcDims, scale);
                free(scale);
                continue;
            }
            INDArray out = conv(p, cur, p.sum ? stepIn : null);
            if (p.addAfter) DnnlBlockedExcite.addInPlace(out, p.dstDims, stepIn);
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
        RUNS.incrementAndGet();
        return cur;
    }

    private static INDArray conv(Planned p, INDArray src, INDArray residual) {
        long[] srcStrides = p.fixedSrcStrides != null ? p.fixedSrcStrides : p.plainIn ? src.stride() : null;
        INDArray out = DnnlBlockedConv.conv2d(src, p.srcDims, srcStrides, p.weight, p.bias, p.stride, p.pad,
                p.dilation, p.groups, p.act, residual, p.blockedOut);
        if (out == null) throw new IllegalStateException("blocked convolution declined after planning: " + Arrays.toString(p.srcDims));
        return out;
    }

    /** Gives a consumed intermediate back to the pool (counted with the others; none with {@code -Dnnsh.memory.release=off}). */
    private static void free(INDArray blocked) {
        if (IntermediateRelease.isEnabled() && NativeBuffers.release(Tensor.of(blocked), "a blocked convolution run (issue 11, mobile)")) {
            IntermediateRelease.countReleased();
        }
    }
}
