package dev.nnsh.ops.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Layout checks shared by the oneDNN fast paths. */
final class DnnlLayouts {
    private DnnlLayouts() {}

    /** True when a's elements lie densely in row-major order (size-1 dims may have any stride). */
    static boolean denseRowMajor(INDArray a) {
        long expected = 1;
        long[] s = a.stride(), d = a.shape();
        for (int i = d.length - 1; i >= 0; i--) {
            if (d[i] != 1 && s[i] != expected) return false;
            expected *= d[i];
        }
        return true;
    }

    /** True when v is null (an absent weight or bias) or a dense float32 array of n elements. */
    static boolean floatVectorOrNull(INDArray v, long n) {
        return v == null || v.dataType() == DataType.FLOAT && v.length() == n && denseRowMajor(v);
    }
}
