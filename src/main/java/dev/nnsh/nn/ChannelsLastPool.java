package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.PoolOps;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.ops.fast.DnnlPool;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * MaxPool2d, AvgPool2d (unpadded) and AdaptiveAvgPool2d (output sizes that divide the input's) on a channels-last input
 * (a fused convolution's result) on oneDNN, keeping the layout; only while {@link ConvFusion#active}
 * holds and the module is exactly one of those classes. Where it does not apply, {@link #apply}
 * calls the module as usual.
 */
public final class ChannelsLastPool {
    private ChannelsLastPool() {}

    /** The pooled tensor, or null where this path does not apply. */
    public static Tensor run(Module pool, Tensor x) {
        if (pool == null || !ConvFusion.active(x) || !DnnlConv.channelsLast(x.nd())) return null;
        if (pool.getClass() == AdaptiveAvgPool2d.class) {
            int[] size = ((AdaptiveAvgPool2d) pool).outputSize();
            return adaptiveAverage(x, size[0], size[1]);
        }
        if (pool.getClass() == AvgPool2d.class) return average((AvgPool2d) pool, x); // issue 11 (dense)
        if (pool.getClass() != MaxPool2d.class) return null;
        MaxPool2d p = (MaxPool2d) pool;
        int[] kernel = p.kernelSize(), stride = p.stride(), padding = p.padding(), dilation = p.dilation();
        return pooled(x, () -> PoolOps.maxPool2d(Tensor.shapeOnly(x.dtype(), x.shape()), kernel, stride, padding, dilation,
                p.ceilMode()).shape(), shape -> DnnlPool.max(x.nd(), kernel, stride, padding, dilation, shape));
    }

    /**
     * issue 11 (dense): AvgPool2d without padding or divisor override (DenseNet's transitions), whose
     * windows then all lie inside the input (ceil mode may not add a partial one): every divisor is the
     * window's size, under either count_include_pad. Null where that does not hold.
     */
    private static Tensor average(AvgPool2d p, Tensor x) {
        int[] kernel = p.kernelSize(), stride = p.stride(), padding = p.padding();
        if (p.divisorOverride() != 0 || kernel.length != 2 || padding[0] != 0 || padding[1] != 0) return null;
        return pooled(x, () -> PoolOps.avgPool2d(Tensor.shapeOnly(x.dtype(), x.shape()), kernel, stride, padding, p.ceilMode(),
                p.countIncludePad(), 0).shape(), shape -> DnnlPool.average(x.nd(), kernel, stride, shape));
    }

    /**
     * F.adaptiveAvgPool2d(x, outH, outW) on a channels-last x where each output size divides the
     * input's (PyTorch's windows are then equal and disjoint); null where that does not hold.
     */
    static Tensor adaptiveAverage(Tensor x, int outH, int outW) {
        if (!ConvFusion.active(x) || !DnnlConv.channelsLast(x.nd()) || outH <= 0 || outW <= 0) return null;
        long h = x.size(2), w = x.size(3);
        if (h % outH != 0 || w % outW != 0) return null;
        int[] kernel = {(int) (h / outH), (int) (w / outW)};
        long[] shape = {x.size(0), x.size(1), outH, outW};
        return pooled(x, () -> shape, s -> DnnlPool.average(x.nd(), kernel, kernel, s));
    }

    /**
     * The pooling {@code pool} computes on oneDNN for the result shape {@code shape} gives (PoolOps'
     * rules, which also check the arguments), or null where either refuses: the module then runs as usual.
     */
    private static Tensor pooled(Tensor x, java.util.function.Supplier<long[]> shape,
                                 java.util.function.Function<long[], INDArray> pool) {
        try {
            long[] s = shape.get();
            return Tensor.derive(s, DType.FLOAT32, a -> {
                INDArray out = pool.apply(s);
                if (out == null) throw new IllegalStateException("not pooled");
                return out;
            }, x);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** F.adaptiveAvgPool2d(x, size) (square output), on oneDNN where {@link #adaptiveAverage} applies. */
    public static Tensor adaptiveAvgPool2d(Tensor x, int size) {
        Tensor pooled = x.dim() == 4 ? adaptiveAverage(x, size, size) : null;
        return pooled != null ? pooled : F.adaptiveAvgPool2d(x, size);
    }

    /** {@link #run} where it applies, else {@code pool.apply(x)}. */
    public static Tensor apply(Module pool, Tensor x) {
        Tensor pooled = run(pool, x);
        return pooled != null ? pooled : pool.apply(x);
    }
}
