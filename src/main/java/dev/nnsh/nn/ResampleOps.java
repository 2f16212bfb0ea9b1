package dev.nnsh.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Separable resampling of the last one or two dims: each output row/column is a weighted sum of
 * input rows/columns, so adaptive average pooling, nearest and bilinear interpolation are all
 * {@code A_H · x · A_Wᵀ} per channel, with the weight matrices from {@link ResampleWeights}.
 */
final class ResampleOps {
    private ResampleOps() {}

    /** x [..., H, W]; rowsH [outH, H] (null for a 1-D resample of [..., W]); rowsW [outW, W]. */
    static INDArray apply(INDArray x, float[][] rowsH, float[][] rowsW, long[] resultShape) {
        int rank = x.rank();
        long w = x.size(rank - 1), outW = rowsW.length;
        long lead = x.length() / w;
        INDArray alongW = x.dup('c').reshape('c', lead, w).mmul(matrix(rowsW, x).transpose());
        if (rowsH == null) return alongW.reshape('c', resultShape);
        long h = x.size(rank - 2), outH = rowsH.length, planes = lead / h;
        INDArray columns = alongW.reshape('c', planes, h, outW).permute(0, 2, 1).dup('c').reshape('c', planes * outW, h);
        INDArray alongH = columns.mmul(matrix(rowsH, x).transpose());
        return alongH.reshape('c', planes, outW, outH).permute(0, 2, 1).dup('c').reshape('c', resultShape);
    }

    private static INDArray matrix(float[][] rows, INDArray like) {
        return Nd4j.create(rows).castTo(like.dataType());
    }
}
