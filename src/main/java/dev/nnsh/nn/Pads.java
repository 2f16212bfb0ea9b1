package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Constant padding of an ND4J array per dimension; a negative amount crops instead. */
final class Pads {
    private Pads() {}

    /** {@code before[d]}/{@code after[d]} elements of {@code value} around dimension d (negative: removed). */
    static INDArray constant(INDArray x, long[] before, long[] after, double value) {
        int rank = x.rank();
        INDArrayIndex[] keep = new INDArrayIndex[rank];
        boolean crops = false, grows = false;
        for (int d = 0; d < rank; d++) {
            long cropBefore = Math.max(0, -before[d]), cropAfter = Math.max(0, -after[d]);
            keep[d] = NDArrayIndex.interval(cropBefore, x.size(d) - cropAfter);
            crops |= cropBefore > 0 || cropAfter > 0;
            grows |= before[d] > 0 || after[d] > 0;
        }
        INDArray source = crops ? x.get(keep) : x;
        if (!grows) return crops ? source.dup('c') : x;
        long[] shape = new long[rank];
        INDArrayIndex[] place = new INDArrayIndex[rank];
        for (int d = 0; d < rank; d++) {
            long start = Math.max(0, before[d]);
            shape[d] = source.size(d) + start + Math.max(0, after[d]);
            place[d] = NDArrayIndex.interval(start, start + source.size(d));
        }
        INDArray out = Nd4j.valueArrayOf(shape, value, x.dataType());
        out.get(place).assign(source);
        return out;
    }

    /** Pads the last two dims (H, W) of a 4-D array: {top, bottom, left, right}. */
    static INDArray spatial(INDArray x, int[] pad, double value) {
        if (pad[0] == 0 && pad[1] == 0 && pad[2] == 0 && pad[3] == 0) return x;
        return constant(x, new long[]{0, 0, pad[0], pad[2]}, new long[]{0, 0, pad[1], pad[3]}, value);
    }
}
