package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.PoolOps;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.ops.fast.DnnlMaxPool;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * MaxPool2d on a channels-last input (a fused convolution's result) on oneDNN, keeping the layout
 * for the next convolution; only while {@link ConvFusion#active} holds and the module is exactly a
 * MaxPool2d. Where it does not apply, {@link #apply} calls the module as usual.
 */
public final class ChannelsLastPool {
    private ChannelsLastPool() {}

    /** The pooled tensor, or null where this path does not apply. */
    public static Tensor run(Module pool, Tensor x) {
        if (pool == null || pool.getClass() != MaxPool2d.class || !ConvFusion.active(x) || !DnnlConv.channelsLast(x.nd())) return null;
        MaxPool2d p = (MaxPool2d) pool;
        try {
            int[] kernel = p.kernelSize(), stride = p.stride(), padding = p.padding(), dilation = p.dilation();
            long[] shape = PoolOps.maxPool2d(Tensor.shapeOnly(x.dtype(), x.shape()), kernel, stride, padding, dilation, p.ceilMode()).shape();
            INDArray xa = x.nd();
            return Tensor.derive(shape, DType.FLOAT32, a -> {
                INDArray out = DnnlMaxPool.run(xa, kernel, stride, padding, dilation, shape);
                if (out == null) throw new IllegalStateException("not pooled");
                return out;
            }, x);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@link #run} where it applies, else {@code pool.apply(x)}. */
    public static Tensor apply(Module pool, Tensor x) {
        Tensor pooled = run(pool, x);
        return pooled != null ? pooled : pool.apply(x);
    }
}
