package dev.nnsh.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

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

    /**
     * The layer's result written into {@code into} (channels [c, c + growth) of the same buffer as {@code earlier});
     * false, with nothing written, where this path does not apply (the caller runs the layer as before).
     */
    public static boolean runInto(Module norm1, Module relu1, Module conv1, Module norm2, Module relu2, Module conv2,
                                  Tensor earlier, Tensor into) {
        if (!enabled() || !ConvFusion.active(earlier) || !DnnlBlockedConv.enabled() || into.isShapeOnly()) return false;
        long[] dims = earlier.shape();
        if (dims[1] % 16 != 0 || !DnnlConv.channelsLastStrided(earlier.nd()) || !DnnlConv.channelsLastStrided(into.nd())) return false;
        if (!ConvFusion.fusableNorm(norm1, dims[1]) || relu1 == null || FusableActivation.of(relu1) == null
                || !ConvFusion.fusable(conv1, norm2, relu2) || !ConvFusion.fusable(conv2, null, null)) {
            return false;
        }
        Conv2d c1 = (Conv2d) conv1, c2 = (Conv2d) conv2;
        if (!Arrays.equals(c1.kernelSize(), new int[]{1, 1}) || !Arrays.equals(c1.stride, ONE) || c1.groups != 1
                || c1.inChannels != dims[1] || c2.inChannels != c1.outChannels) {
            return false;
        }
        INDArray n1 = null, b1 = null, b2 = null;
        try {
            INDArray[] fn = ConvFusion.foldedNorm((BatchNorm2d) norm1, earlier);
            if (fn == null) return false;
            INDArray[] f1 = folded(c1, (BatchNorm2d) norm2, earlier);
            Tensor w2 = c2.ownParameters().get("weight").valueFor(earlier);
            Parameter bp = c2.ownParameters().get("bias");
            INDArray bias2 = bp == null ? null : bp.valueFor(earlier).nd();
            long[] dims1 = DnnlBlockedConv.outputDims(dims, c1.outChannels, 1, 1, ONE, c1.effectivePadding(), c1.dilation);
            long[] dims2 = DnnlBlockedConv.outputDims(dims1, c2.outChannels, c2.kernelSize()[0], c2.kernelSize()[1], c2.stride,
                    c2.effectivePadding(), c2.dilation);
            if (!Arrays.equals(dims2, into.shape()) || !Arrays.equals(dims1, new long[]{dims[0], c1.outChannels, dims[2], dims[3]})) return false;
            // every primitive is asked for before anything runs, so a rejected one leaves nothing half-done
            if (DnnlBlockedConv.implementation(dims, null, new long[]{dims[1], 1, 1, 1}, true, ONE, NO_PAD, ONE, (int) dims[1],
                    ConvFusion.postOps(relu1), false, true) == null
                    || DnnlBlockedConv.implementation(dims, null, f1[0].shape(), f1[1] != null, ONE, c1.effectivePadding(), c1.dilation, 1,
                    ConvFusion.postOps(relu2), false, true) == null
                    || DnnlBlockedConv.implementation(dims1, null, w2.shape(), bias2 != null, c2.stride, c2.effectivePadding(), c2.dilation,
                    c2.groups, DnnlPostOps.NONE, false, true) == null) {
                return false;
            }
            n1 = DnnlBlockedConv.toBlocked(earlier.nd());
            b1 = DnnlBlockedConv.conv2d(n1, dims, fn[0], fn[1], ONE, NO_PAD, ONE, (int) dims[1], ConvFusion.postOps(relu1), null);
            free(n1);
            n1 = null;
            b2 = DnnlBlockedConv.conv2d(b1, dims, f1[0], f1[1], ONE, c1.effectivePadding(), c1.dilation, 1, ConvFusion.postOps(relu2), null);
            free(b1);
            b1 = null;
            INDArray out = DnnlBlockedConv.conv2d(b2, dims1, w2.nd(), bias2, c2.stride, c2.effectivePadding(), c2.dilation, c2.groups,
                    DnnlPostOps.NONE, null);
            free(b2);
            b2 = null;
            DnnlBlockedConv.fromBlocked(out, dims2, into.nd());
            free(out);
            RUNS.incrementAndGet();
            return true;
        } catch (RuntimeException e) { // nothing was written into the slice before the last reorder
            for (INDArray a : new INDArray[]{n1, b1, b2}) if (a != null) free(a);
            return false;
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    /** How many layers ran on this path so far (tests check which path a pass took). */
    public static long runs() { return RUNS.get(); }

    private static INDArray[] folded(Conv2d conv, BatchNorm2d bn, Tensor x) {
        Tensor w = conv.ownParameters().get("weight").valueFor(x);
        Parameter bp = conv.ownParameters().get("bias");
        return ConvFusion.foldedWeights(conv, bn, w, bp == null ? null : bp.valueFor(x), x);
    }

    private static void free(INDArray blocked) {
        if (IntermediateRelease.isEnabled() && NativeBuffers.release(Tensor.of(blocked), "a blocked dense layer (issue 11, cnn)")) {
            IntermediateRelease.countReleased();
        }
    }
}
