package dev.nnsh.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
        INDArray w = convWeight.nd().castTo(DataType.DOUBLE).dup('c');
        w.reshape('c', out, w.length() / out).muliColumnVector(st[0].reshape(out, 1));
        // b' = (b − mean)·s + beta = b·s + t
        INDArray b = convBias == null ? st[1] : convBias.nd().castTo(DataType.DOUBLE).reshape(out).mul(st[0]).addi(st[1]);
        weight = w.castTo(DataType.FLOAT).reshape('c', convWeight.shape());
        bias = b.castTo(DataType.FLOAT);
        key = now;
    }
}
