package dev.nnsh.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * issue 11: ShuffleNetV2's {@code channel_shuffle(torch.cat([a, b], 1), 2)} as one copy of each part,
 * and its {@code x.chunk(2, 1)} without a copy.
 * Shuffling two groups puts a's channel k at 2k and b's at 2k + 1, so both parts are written
 * straight into the even and odd channels of one channels-last buffer; the concatenation and the
 * transposed copy of the shuffle are never made. Used only while {@link ConvFusion#active} holds.
 */
public final class ChannelInterleave {
    private ChannelInterleave() {}

    /** The shuffled concatenation of two parts of equal shape, or null where this path does not apply. */
    public static Tensor catShuffled(Tensor a, Tensor b) {
        if (!ConvFusion.active(a) || !ConvFusion.active(b) || !Arrays.equals(a.shape(), b.shape())) return null;
        long n = a.size(0), c = a.size(1), h = a.size(2), w = a.size(3);
        Tensor out = Tensor.derive(new long[]{n, 2 * c, h, w}, DType.FLOAT32, arrays -> {
            INDArray buffer = DnnlConv.newChannelsLast(n, 2 * c, h, w);
            DnnlConv.copy(arrays[0], channels(buffer, 0, c));
            DnnlConv.copy(arrays[1], channels(buffer, 1, c));
            return buffer;
        }, a, b);
        return out;
    }

    /**
     * {@code x.chunk(2, 1)} as two views of x's memory (chunk copies each part), for a block that
     * only reads them; null where this path does not apply.
     */
    public static java.util.List<Tensor> halves(Tensor x) {
        if (!ConvFusion.active(x) || x.size(1) % 2 != 0) return null;
        long half = x.size(1) / 2;
        INDArray all = x.nd();
        return java.util.List.of(Tensor.of(channelRange(all, 0, half)), Tensor.of(channelRange(all, half, 2 * half)));
    }

    private static INDArray channelRange(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** Channels first, first + 2, … below 2 × count, sharing the buffer. */
    private static INDArray channels(INDArray buffer, long first, long count) {
        return buffer.get(NDArrayIndex.all(), NDArrayIndex.interval(first, 2, 2 * count),
                NDArrayIndex.all(), NDArrayIndex.all());
    }
}
