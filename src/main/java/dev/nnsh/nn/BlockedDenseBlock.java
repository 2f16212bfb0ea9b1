package dev.nnsh.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.BlockedChannelSlices;
import dev.nnsh.ops.fast.DnnlBlockedConv;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/**
 * issue 11 (cnn): a whole DenseNet dense block in eval with its growing concatenation held in nChw16c. There one
 * image's first C channels (whole blocks of 16) are contiguous, so each layer gathers its earlier maps densely and
 * appends its result with one memcpy per image each: no reorder per layer, one into the block
 * (its input) and one out of it (the channels-last result the transition reads). Where a channel count is not a
 * multiple of 16 the caller runs the layers one by one ({@link BlockedDenseLayer}). {@code -Dnnsh.dense.blockedBuffer=off}
 * (read per call) turns only this off.
 */
public final class BlockedDenseBlock {
    private BlockedDenseBlock() {}

    static boolean enabled() { return !"off".equals(System.getProperty("nnsh.dense.blockedBuffer")); }

    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    /** How many blocks ran on this path so far (tests check which path a pass took). */
    public static long runs() { return RUNS.get(); }

    /**
     * The block's output (x and every layer's result concatenated along channels, channels-last), or null where this
     * path does not apply (nothing computed then). Each layer is {norm1, relu1, conv1, norm2, relu2, conv2}.
     */
    public static Tensor run(List<Module[]> layers, Tensor x) {
        if (!enabled() || !BlockedDenseLayer.enabled() || !ConvFusion.active(x) || !DnnlBlockedConv.enabled() || layers.isEmpty()) return null;
        long[] d = x.shape();
        long n = d[0], h = d[2], w = d[3], pixels = h * w, total = d[1];
        List<BlockedDenseLayer.Plan> plans = new ArrayList<>();
        try {
            for (Module[] m : layers) {
                BlockedDenseLayer.Plan p = BlockedDenseLayer.plan(m[0], m[1], m[2], m[3], m[4], m[5], new long[]{n, total, h, w}, x);
                if (p == null || p.dims2()[1] % 16 != 0 || p.dims2()[2] != h || p.dims2()[3] != w) return null;
                plans.add(p);
                total += p.dims2()[1];
            }
        } catch (RuntimeException e) {
            return null;
        }
        if (total % 16 != 0 || d[1] % 16 != 0) return null;
        INDArray buffer = DnnlBlockedConv.newBlocked(new long[]{n, total, h, w});
        try {
            INDArray in = DnnlBlockedConv.toBlocked(x.nd());
            BlockedChannelSlices.copy(in, d[1], 0, buffer, total, 0, d[1], n, pixels);
            BlockedDenseLayer.free(in);
            long at = d[1];
            for (BlockedDenseLayer.Plan p : plans) {
                INDArray out = BlockedDenseLayer.runFromBuffer(p, buffer, total);
                long g = p.dims2()[1];
                BlockedChannelSlices.copy(out, g, 0, buffer, total, at, g, n, pixels);
                BlockedDenseLayer.free(out);
                BlockedDenseLayer.RUNS.incrementAndGet();
                at += g;
            }
            INDArray result = DnnlConv.newChannelsLast(n, total, h, w);
            DnnlBlockedConv.fromBlocked(buffer, new long[]{n, total, h, w}, result);
            RUNS.incrementAndGet();
            return Tensor.of(result);
        } catch (RuntimeException e) {
            return null;
        } finally {
            BlockedDenseLayer.free(buffer);
        }
    }
}
