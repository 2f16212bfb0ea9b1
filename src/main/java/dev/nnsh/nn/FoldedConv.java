package dev.nnsh.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import dev.nnsh.ops.fast.BatchNormAffine;
import dev.nnsh.tensor.Tensor;

/**
 * A convolution's weight and bias with the eval batch norm after it folded in:
 * w' = w·s (per output channel), b' = (b − mean)·s + beta, s = gamma/√(var + eps), computed in
 * double and rounded once. Kept while the tensors it was made from are the same objects, eps is
 * the same and the batch norm's running statistics have not moved (a training step moves them in
 * place: {@link BatchNormBase#statsVersion()}); loading a state dict or setting a parameter installs
 * new tensors, so the fold is made again. Not thread-safe, like the modules.
 */
final class FoldedConv {
    private Object[] key = new Object[0];
    private INDArray weight;
    private INDArray bias;

    INDArray weight() { return weight; }

    INDArray bias() { return bias; }

    /** Makes the fold current for these tensors (bnWeight/bnBias null without affine, convBias null without bias). */
    void prepare(Tensor convWeight, Tensor convBias, Tensor bnWeight, Tensor bnBias, Tensor mean, Tensor var, double eps,
                 long statsVersion) {
        Object[] now = {convWeight, convBias, bnWeight, bnBias, mean, var, eps, statsVersion};
        if (BatchNormAffine.sameKey(now, key)) return;
        long out = convWeight.size(0);
        INDArray[] st = BatchNormAffine.scaleShift(out, bnWeight, bnBias, mean, var, eps);
        INDArray w = scaledRows(convWeight.nd(), out, st[0]); // issue 11 (mem)
        // b' = (b − mean)·s + beta = b·s + t
        INDArray b = convBias == null ? st[1] : convBias.nd().castTo(DataType.DOUBLE).reshape(out).mul(st[0]).addi(st[1]);
        weight = w.reshape('c', convWeight.shape());
        bias = b.castTo(DataType.FLOAT);
        key = now;
    }

    /**
     * issue 11 (mem): w·s row by row (s per output channel), in double and rounded once, a few MiB of
     * rows at a time with each temporary freed at once: the whole weight in double (2× it, twice) left
     * to the collector stayed resident for good (malloc keeps what it had; wide_resnet50_2's folds: ~0.5 GiB).
     */
    private static INDArray scaledRows(INDArray weight, long out, INDArray scale) {
        long rest = weight.length() / out;
        INDArray rows = weight.reshape('c', out, rest);
        INDArray result = org.nd4j.linalg.factory.Nd4j.createUninitialized(DataType.FLOAT, out, rest);
        long chunk = Math.max(1, (1L << 19) / Math.max(1, rest));
        for (long r0 = 0; r0 < out; r0 += chunk) {
            long r1 = Math.min(out, r0 + chunk);
            INDArray d = rows.get(NDArrayIndex.interval(r0, r1), NDArrayIndex.all()).castTo(DataType.DOUBLE);
            d.muliColumnVector(scale.reshape(out, 1).get(NDArrayIndex.interval(r0, r1), NDArrayIndex.all()));
            INDArray f = d.castTo(DataType.FLOAT);
            result.get(NDArrayIndex.interval(r0, r1), NDArrayIndex.all()).assign(f);
            if (d.closeable()) d.close();
            if (f.closeable()) f.close();
        }
        return result;
    }
}
