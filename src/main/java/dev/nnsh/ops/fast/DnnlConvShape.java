package dev.nnsh.ops.fast;

import java.util.Arrays;

/**
 * Everything a compiled convolution depends on: the source's dims and strides, the destination's,
 * the weight's dims (5-D [g, O/g, I/g, kH, kW] when grouped), window arguments, post-ops and
 * the algorithm (Winograd or direct; issue 11 (wino)).
 * The cache key of {@link DnnlPrimitiveCache}.
 */
record DnnlConvShape(long[] srcDims, long[] srcStrides, long[] dstDims, long[] dstStrides, long[] weightDims, boolean bias,
                     long[] stride, long[] dilation, long[] padBefore, long[] padAfter, DnnlPostOps postOps, boolean sum,
                     boolean winograd) {
    @Override public boolean equals(Object o) {
        return o instanceof DnnlConvShape k && Arrays.equals(srcDims, k.srcDims) && Arrays.equals(srcStrides, k.srcStrides)
                && Arrays.equals(dstDims, k.dstDims) && Arrays.equals(dstStrides, k.dstStrides)
                && Arrays.equals(weightDims, k.weightDims) && bias == k.bias && Arrays.equals(stride, k.stride)
                && Arrays.equals(dilation, k.dilation) && Arrays.equals(padBefore, k.padBefore)
                && Arrays.equals(padAfter, k.padAfter) && postOps == k.postOps && sum == k.sum && winograd == k.winograd;
    }

    @Override public int hashCode() {
        int h = Arrays.hashCode(srcDims);
        for (long[] a : new long[][]{srcStrides, dstDims, dstStrides, weightDims, stride, dilation, padBefore, padAfter}) {
            h = 31 * h + Arrays.hashCode(a);
        }
        return 31 * (31 * (31 * (31 * h + Boolean.hashCode(bias)) + postOps.hashCode()) + Boolean.hashCode(sum)) + Boolean.hashCode(winograd);
    }

    /** The same convolution over the first {@code n} images (the strides stay: a batch's leading part). */
    DnnlConvShape withBatch(long n) {
        long[] src = srcDims.clone(), dst = dstDims.clone();
        src[0] = n;
        dst[0] = n;
        return new DnnlConvShape(src, srcStrides, dst, dstStrides, weightDims, bias, stride, dilation, padBefore, padAfter, postOps, sum,
                winograd);
    }

    /** The same convolution by the other algorithm. */
    DnnlConvShape withWinograd(boolean on) {
        return new DnnlConvShape(srcDims, srcStrides, dstDims, dstStrides, weightDims, bias, stride, dilation, padBefore, padAfter,
                postOps, sum, on);
    }

    @Override public String toString() {
        return "conv src " + Arrays.toString(srcDims) + "/" + Arrays.toString(srcStrides) + " weights " + Arrays.toString(weightDims)
                + " stride " + Arrays.toString(stride) + " dilation " + Arrays.toString(dilation) + " pad "
                + Arrays.toString(padBefore) + Arrays.toString(padAfter) + " " + postOps + (sum ? " +sum" : "")
                + (winograd ? " winograd" : "");
    }
}
