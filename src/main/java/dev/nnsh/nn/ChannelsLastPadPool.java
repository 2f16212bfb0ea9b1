package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.PoolOps;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.ops.fast.DnnlPool;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (cnn): the functional poolings of Inception v3's blocks ({@code F.avgPool2d(x, 3, 1, 1)} with PyTorch's
 * default count_include_pad, {@code F.maxPool2d(x, 3, 2, 0)}) on oneDNN for a channels-last input (a fused
 * convolution's result), keeping the layout; they ran in ND4J on the channels-last view (a padded NCHW copy, the
 * pooling, a divisor pass). Null where this does not apply; the caller then calls F as before.
 * {@code -Dnnsh.fuse.pools=off} or {@link #setEnabled} turns it off.
 */
public final class ChannelsLastPadPool {
    private ChannelsLastPadPool() {}

    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.fuse.pools"));

    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    /** How many poolings ran on this path so far (tests check which path a block took). */
    public static long runs() { return RUNS.get(); }

    /** Turns this path on or off at run time (A/B in one JVM). */
    public static void setEnabled(boolean on) { enabled = on; }

    /** F.avgPool2d(x, kernel, stride, padding) (count_include_pad, floor mode), or null. */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        if (!applies(x)) return null;
        int[] k = {kernel, kernel}, s = {stride, stride}, p = {padding, padding};
        return pooled(x, () -> PoolOps.avgPool2d(Tensor.shapeOnly(x.dtype(), x.shape()), k, s, p, false, true, 0).shape(),
                shape -> DnnlPool.averageIncludingPadding(x.nd(), k, s, p, shape));
    }

    /** F.maxPool2d(x, kernel, stride, padding) (no dilation, floor mode), or null. */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        if (!applies(x)) return null;
        int[] k = {kernel, kernel}, s = {stride, stride}, p = {padding, padding}, d = {1, 1};
        return pooled(x, () -> PoolOps.maxPool2d(Tensor.shapeOnly(x.dtype(), x.shape()), k, s, p, d, false).shape(),
                shape -> DnnlPool.max(x.nd(), k, s, p, d, shape));
    }

    private static boolean applies(Tensor x) {
        return enabled && ConvFusion.active(x) && DnnlConv.channelsLast(x.nd());
    }

    private static Tensor pooled(Tensor x, java.util.function.Supplier<long[]> shape, java.util.function.Function<long[], INDArray> pool) {
        try {
            long[] s = shape.get();
            return Tensor.derive(s, DType.FLOAT32, a -> {
                INDArray out = pool.apply(s);
                if (out == null) throw new IllegalStateException("not pooled");
                RUNS.incrementAndGet();
                return out;
            }, x);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
