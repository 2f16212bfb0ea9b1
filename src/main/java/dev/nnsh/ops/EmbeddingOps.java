package dev.nnsh.ops;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Row lookup: indices of any shape → shape + [embedding_dim]. */
public final class EmbeddingOps {
    private EmbeddingOps() {}

    public static Tensor embedding(String who, Tensor indices, Tensor weight) {
        if (indices.dtype() != DType.INT64 && indices.dtype() != DType.INT32) {
            throw new IllegalArgumentException(who + ": expected indices of type int64 or int32, got " + indices.dtype()
                    + " (input of shape " + Shapes.format(indices.shape()) + ")");
        }
        long[] ws = weight.shape();
        if (ws.length != 2) throw new ShapeException(who + ": weight must be 2-D [num_embeddings, embedding_dim], got " + Shapes.format(ws));
        long[] result = Shapes.insert(indices.shape(), indices.dim(), ws[1]);
        return Tensor.derive(result, weight.dtype(), a -> lookup(who, a[0], a[1]), indices, weight);
    }

    private static INDArray lookup(String who, INDArray indices, INDArray weight) {
        long rows = weight.size(0);
        long[] flat = indices.castTo(DataType.LONG).dup('c').data().asLong();
        int[] picked = new int[flat.length];
        for (int i = 0; i < flat.length; i++) {
            if (flat[i] < 0 || flat[i] >= rows) {
                throw new IndexOutOfBoundsException(who + ": index " + flat[i] + " (at flat position " + i
                        + " of the input) is out of range for num_embeddings=" + rows + "; valid indices are 0.." + (rows - 1));
            }
            picked[i] = (int) flat[i];
        }
        if (picked.length == 0) return weight.getRows(new int[0]).reshape(0, weight.size(1));
        return weight.getRows(picked);
    }
}
