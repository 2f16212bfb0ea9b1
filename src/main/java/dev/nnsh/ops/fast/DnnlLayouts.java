package dev.nnsh.ops.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Layout checks shared by the transformer fast paths (issue 11, tf). */
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
}
