package dev.nnsh.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
        if (same(now, key)) return;
        long out = convWeight.size(0);
        INDArray s = var.nd().castTo(DataType.DOUBLE).reshape(out).add(eps);
        org.nd4j.linalg.ops.transforms.Transforms.pow(s, -0.5, false);
        if (bnWeight != null) s.muli(bnWeight.nd().castTo(DataType.DOUBLE).reshape(out));
        INDArray w = convWeight.nd().castTo(DataType.DOUBLE).dup('c');
        INDArray w2 = w.reshape('c', out, w.length() / out);
        w2.muliColumnVector(s.reshape(out, 1));
        INDArray b = convBias == null ? Nd4j.zeros(DataType.DOUBLE, out) : convBias.nd().castTo(DataType.DOUBLE).reshape(out).dup();
        b.subi(mean.nd().castTo(DataType.DOUBLE).reshape(out)).muli(s);
        if (bnBias != null) b.addi(bnBias.nd().castTo(DataType.DOUBLE).reshape(out));
        weight = w.castTo(DataType.FLOAT).reshape('c', convWeight.shape());
        bias = b.castTo(DataType.FLOAT);
        key = now;
    }

    private static boolean same(Object[] a, Object[] b) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            boolean equal = a[i] instanceof Double || a[i] instanceof Long ? a[i].equals(b[i]) : a[i] == b[i];
            if (!equal) return false;
        }
        return true;
    }
}
