package dev.nnsh.ops.fast;

import java.util.Objects;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.tensor.Tensor;

/**
 * Eval batch norm as one per-channel affine map, y = x·s + t with s = weight/√(var + eps) and
 * t = bias − mean·s, in double (callers round once), and the cache-key test that the caches built
 * on it share: tensors by identity, everything else by value.
 */
public final class BatchNormAffine {
    private BatchNormAffine() {}

    /** {s, t}, each a double vector of {@code c}; weight and bias may be null (affine=False). */
    public static INDArray[] scaleShift(long c, Tensor weight, Tensor bias, Tensor mean, Tensor var, double eps) {
        INDArray s = var.nd().castTo(DataType.DOUBLE).reshape(c).add(eps);
        org.nd4j.linalg.ops.transforms.Transforms.pow(s, -0.5, false);
        if (weight != null) s.muli(weight.nd().castTo(DataType.DOUBLE).reshape(c));
        INDArray t = mean.nd().castTo(DataType.DOUBLE).reshape(c).mul(s).negi();
        if (bias != null) t.addi(bias.nd().castTo(DataType.DOUBLE).reshape(c));
        return new INDArray[]{s, t};
    }

    /** Whether two cache keys are the same: tensors the same objects, other entries equal. */
    public static boolean sameKey(Object[] a, Object[] b) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            boolean same = a[i] instanceof Tensor ? a[i] == b[i] : Objects.equals(a[i], b[i]);
            if (!same) return false;
        }
        return true;
    }
}
