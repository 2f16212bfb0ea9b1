package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * A concatenation along channels built in place: one channels-last buffer whose channel slices the
 * parts are written into (by a fused convolution, {@link ConvFusion#runInto}, or copied), for the
 * zoo blocks that concatenate (DenseNet's dense blocks, SqueezeNet's Fire). Used only while
 * {@link ConvFusion#active} holds.
 */
public final class ChannelConcat {
    private final Tensor buffer;

    /** A buffer of {@code channels} channels with the batch and spatial size of {@code like}. */
    public ChannelConcat(Tensor like, long channels) {
        long n = like.size(0), h = like.size(2), w = like.size(3);
        buffer = Tensor.derive(new long[]{n, channels, h, w}, DType.FLOAT32, a -> DnnlConv.newChannelsLast(n, channels, h, w), like);
    }

    /** Channels [from, to) as a tensor sharing the buffer. */
    public Tensor slice(long from, long to) {
        INDArray all = buffer.nd();
        return Tensor.of(all.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all()));
    }

    /** Copies values into channels [from, from + C). */
    public void copy(Tensor values, long from) {
        DnnlConv.copy(values.nd(), slice(from, from + values.size(1)).nd());
    }

    /** The whole concatenation. */
    public Tensor result() { return buffer; }
}
