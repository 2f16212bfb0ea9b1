package dev.nnsh.ops.fast;

/**
 * What a compiled linear-layer matmul depends on: rows (the batch), in and out features, the
 * weight's strides as an [out, in] array, whether there is a bias, and the fused activation.
 */
record DnnlMatmulShape(long rows, long in, long out, long weightOutStride, long weightInStride, boolean bias, DnnlPostOps act) {}
