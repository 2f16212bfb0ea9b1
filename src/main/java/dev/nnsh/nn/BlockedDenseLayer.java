package dev.nnsh.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.BlockedChannelSlices;
import dev.nnsh.ops.fast.DnnlBlockedConv;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.ops.fast.DnnlPostOps;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * issue 11 (cnn): one DenseNet dense layer (norm1 → relu1 → conv1 → norm2 → relu2 → conv2) in eval, run in oneDNN's
 * blocked layout nChw16c between a channel slice of the block's channels-last buffer and the slice its result goes
 * to. One reorder reads the earlier maps (a strided slice) into a blocked buffer; the folded norm1 (a depthwise 1×1
 * convolution with ReLU), the folded conv1 → norm2 → relu2 and the 3×3 conv2 run on jit_dw, jit_1x1 and the
 * direct jit kernel without further reorders; one reorder writes the result into its slice. The channels-last path
 * instead copies the slice densely, and its Winograd conv2 reorders its input and output in and out of nChw16c and
 * its result once more into the slice. {@code -Dnnsh.dense.blocked=off} (read per call) turns it off.
 */
public final class BlockedDenseLayer {
    private BlockedDenseLayer() {}

    static boolean enabled() { return !"off".equals(System.getProperty("nnsh.dense.blocked")); }

    private static final int[] ONE = {1, 1}, NO_PAD = new int[4];

    /** A layer's checked shapes and folded weights: norm1 as a depthwise 1×1 convolution, conv1 with norm2 folded in. */
    record Plan(long[] dims, long[] dims1, long[] dims2, INDArray[] norm, DnnlPostOps act1, INDArray[] conv1, DnnlPostOps act2,
                Conv2d c1, INDArray w2, INDArray b2, Conv2d c2) {}

    /**
     * The plan for a layer over earlier maps of these dims (channels a multiple of 16), or null where this path does
     * not apply; every primitive is compiled here, so a run never stops half-way.
     */
    static Plan plan(Module norm1, Module relu1, Module conv1, Module norm2, Module relu2, Module conv2, long[] dims, Tensor like) {
        if (dims[1] % 16 != 0 || !ConvFusion.fusableNorm(norm1, dims[1]) || relu1 == null || FusableActivation.of(relu1) == null
                || !ConvFusion.fusable(conv1, norm2, relu2) || !ConvFusion.fusable(conv2, null, null)) {
            return null;
        }
        Conv2d c1 = (Conv2d) conv1, c2 = (Conv2d) conv2;
        if (!Arrays.equals(c1.kernelSize(), new int[]{1, 1}) || !Arrays.equals(c1.stride, ONE) || c1.groups != 1
                || c1.inChannels != dims[1] || c2.inChannels != c1.outChannels) {
            return null;
        }
        INDArray[] fn = ConvFusion.foldedNorm((BatchNorm2d) norm1, like);
        if (fn == null) return null;
        INDArray[] f1 = folded(c1, (BatchNorm2d) norm2, like);
        Tensor w2 = c2.ownParameters().get("weight").valueFor(like);
        Parameter bp = c2.ownParameters().get("bias");
        INDArray bias2 = bp == null ? null : bp.valueFor(like).nd();
        long[] dims1 = DnnlBlockedConv.outputDims(dims, c1.outChannels, 1, 1, ONE, c1.effectivePadding(), c1.dilation);
        long[] dims2 = DnnlBlockedConv.outputDims(dims1, c2.outChannels, c2.kernelSize()[0], c2.kernelSize()[1], c2.stride,
                c2.effectivePadding(), c2.dilation);
        if (!Arrays.equals(dims1, new long[]{dims[0], c1.outChannels, dims[2], dims[3]})) return null;
        DnnlPostOps act1 = ConvFusion.postOps(relu1), act2 = ConvFusion.postOps(relu2);
        if (DnnlBlockedConv.implementation(dims, null, new long[]{dims[1], 1, 1, 1}, true, ONE, NO_PAD, ONE, (int) dims[1], act1, false, true) == null
                || DnnlBlockedConv.implementation(dims, null, f1[0].shape(), f1[1] != null, ONE, c1.effectivePadding(), c1.dilation, 1, act2,
                false, true) == null
                || DnnlBlockedConv.implementation(dims1, null, w2.shape(), bias2 != null, c2.stride, c2.effectivePadding(), c2.dilation,
                c2.groups, DnnlPostOps.NONE, false, true) == null) {
            return null;
        }
        return new Plan(dims, dims1, dims2, fn, act1, f1, act2, c1, w2.nd(), bias2, c2);
    }

    /** The layer from its blocked, dense earlier maps to a new blocked result (intermediates freed; {@code earlier} kept). */
    static INDArray run(Plan p, INDArray earlier) {
        INDArray n1 = DnnlBlockedConv.conv2d(earlier, p.dims, p.norm[0], p.norm[1], ONE, NO_PAD, ONE, (int) p.dims[1], p.act1, null);
        return rest(p, n1);
    }

    /**
     * The layer whose earlier maps are channels [0, C) of each image of {@code buffer}, a blocked [N, total, H, W] buffer:
     * one image's slice of whole blocks is contiguous, so they are gathered densely with one memcpy per image.
     */
    static INDArray runFromBuffer(Plan p, INDArray buffer, long total) {
        long n = p.dims[0], c = p.dims[1], pixels = p.dims[2] * p.dims[3];
        INDArray earlier = DnnlBlockedConv.newBlocked(p.dims);
        try {
            BlockedChannelSlices.copy(buffer, total, 0, earlier, c, 0, c, n, pixels);
            return run(p, earlier);
        } finally {
            free(earlier);
        }
    }

    private static INDArray rest(Plan p, INDArray n1) {
        INDArray b2 = DnnlBlockedConv.conv2d(n1, p.dims, p.conv1[0], p.conv1[1], ONE, p.c1.effectivePadding(), p.c1.dilation, 1, p.act2, null);
        free(n1);
        if (b2 == null) throw new IllegalStateException("blocked conv1 declined after planning");
        INDArray out = DnnlBlockedConv.conv2d(b2, p.dims1, p.w2, p.b2, p.c2.stride, p.c2.effectivePadding(), p.c2.dilation, p.c2.groups,
                DnnlPostOps.NONE, null);
        free(b2);
        if (out == null) throw new IllegalStateException("blocked conv2 declined after planning");
        return out;
    }

    /**
     * The layer's result written into {@code into} (channels [c, c + growth) of the same buffer as {@code earlier});
     * false, with nothing written, where this path does not apply (the caller runs the layer as before).
     */
    public static boolean runInto(Module norm1, Module relu1, Module conv1, Module norm2, Module relu2, Module conv2,
                                  Tensor earlier, Tensor into) {
        if (!enabled() || !ConvFusion.active(earlier) || !DnnlBlockedConv.enabled() || into.isShapeOnly()) return false;
        if (!DnnlConv.channelsLastStrided(earlier.nd()) || !DnnlConv.channelsLastStrided(into.nd())) return false;
        try {
            Plan p = plan(norm1, relu1, conv1, norm2, relu2, conv2, earlier.shape(), earlier);
            if (p == null || !Arrays.equals(p.dims2, into.shape())) return false;
            INDArray blocked = DnnlBlockedConv.toBlocked(earlier.nd());
            INDArray out;
            try {
                out = run(p, blocked);
            } finally {
                free(blocked);
            }
            DnnlBlockedConv.fromBlocked(out, p.dims2, into.nd()); // the only write into the slice
            free(out);
            RUNS.incrementAndGet();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    /** How many layers ran on this path so far (tests check which path a pass took). */
    public static long runs() { return RUNS.get(); }

    private static INDArray[] folded(Conv2d conv, BatchNorm2d bn, Tensor x) {
        Tensor w = conv.ownParameters().get("weight").valueFor(x);
        Parameter bp = conv.ownParameters().get("bias");
        return ConvFusion.foldedWeights(conv, bn, w, bp == null ? null : bp.valueFor(x), x);
    }

    static void free(INDArray blocked) {
        if (IntermediateRelease.isEnabled() && NativeBuffers.release(Tensor.of(blocked), "a blocked dense layer (issue 11, cnn)")) {
            IntermediateRelease.countReleased();
        }
    }
}
