package dev.nnsh.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import dev.nnsh.nn.ConvFusion;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): ViT's input in eval, cat(class token, patches) + position embedding, written in one pass
 * into a pooled [N, 1 + P, D] sequence from the patch convolution's channels-last result ([N, h, w, D]
 * memory is already [N, P, D]), where the module path took the convolution over [N, C, H, W], a
 * permute copy, a concatenation copy and the embedding's add into a new array. The dropout that
 * follows is the identity in eval. Null where it does not apply (training, shape-only or non-float
 * values, -Dnnsh.tf.vitembed=off, the convolution declining); the caller then runs the modules.
 */
final class VitEmbedding {
    private VitEmbedding() {}

    static Tensor embedded(Module conv, Tensor token, Tensor pos, Module dropout, Tensor x, long hidden) {
        if ("off".equals(System.getProperty("nnsh.tf.vitembed")) || dropout.isTraining() || !ConvFusion.active(x)) return null;
        if (token.isShapeOnly() || pos.isShapeOnly() || token.dtype() != DType.FLOAT32 || pos.dtype() != DType.FLOAT32
                || token.numel() != hidden || pos.dim() != 3 || pos.size(2) != hidden) return null;
        Tensor y = ConvFusion.run(conv, null, null, x, null);
        if (y == null) return null;
        long n = y.size(0), patches = y.size(2) * y.size(3);
        if (y.size(1) != hidden || pos.size(1) != patches + 1) {
            NativeBuffers.release(y, "ViT embedding");
            return null;
        }
        INDArray nhwc = y.nd().permute(0, 2, 3, 1); // a view where the convolution wrote channels-last
        INDArray rows = nhwc.reshape('c', n, patches, hidden);
        INDArray seq = NativeBuffers.uninitialized(DataType.FLOAT, n, patches + 1, hidden);
        INDArray p = pos.nd().reshape('c', patches + 1, hidden);
        INDArray first = p.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()), rest = p.get(NDArrayIndex.interval(1, patches + 1), NDArrayIndex.all());
        INDArray t = token.nd().reshape('c', 1, hidden);
        for (long b = 0; b < n; b++) {
            INDArray s = seq.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.all());
            Nd4j.exec(new AddOp(t, first, s.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all())));
            Nd4j.exec(new AddOp(rows.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.all()), rest,
                    s.get(NDArrayIndex.interval(1, patches + 1), NDArrayIndex.all())));
        }
        NativeBuffers.release(y, "ViT embedding");
        return Tensor.of(seq);
    }
}
