package dev.nnsh.ops.fast;

import org.bytedeco.dnnl.dnnl_matmul_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * One compiled oneDNN matmul for a linear layer, y = act(x·Wᵀ + b): x [rows, in] and y [rows, out]
 * row-major, W read where it lies as the [in, out] transposed view of PyTorch's [out, in] weight
 * (no reordered copy to keep or invalidate: every call reads the weight's current values), the bias
 * as a [1, out] row, ReLU or clip to [0, 6] as a post-op.
 */
final class DnnlMatmulPrimitive {
    private final dnnl_memory_desc_t src;
    private final dnnl_memory_desc_t weights;
    private final dnnl_memory_desc_t bias; // null without bias
    private final dnnl_memory_desc_t dst;
    final String implementation;
    final long scratchpadBytes;
    private final dnnl_memory_desc_t scratchpad; // null: none needed
    private final dnnl_primitive primitive;

    DnnlMatmulPrimitive(DnnlMatmulShape s) {
        src = Dnnl.stridedF32(new long[]{s.rows(), s.in()}, new long[]{s.in(), 1});
        weights = Dnnl.stridedF32(new long[]{s.in(), s.out()}, new long[]{s.weightInStride(), s.weightOutStride()});
        bias = s.bias() ? Dnnl.stridedF32(new long[]{1, s.out()}, new long[]{s.out(), 1}) : null;
        dst = Dnnl.stridedF32(new long[]{s.rows(), s.out()}, new long[]{s.out(), 1});
        dnnl_matmul_desc_t desc = new dnnl_matmul_desc_t();
        Dnnl.check(dnnl_matmul_desc_init(desc, src, weights, bias, dst), "matmul_desc_init");
        dnnl_primitive_desc pd = Dnnl.primitiveDesc(desc, s.act(), false);
        try {
            implementation = Dnnl.implementation(pd);
            scratchpad = Dnnl.scratchpad(pd);
            scratchpadBytes = scratchpad == null ? 0 : dnnl_memory_desc_get_size(scratchpad);
            primitive = Dnnl.createPrimitive(pd);
        } finally {
            dnnl_primitive_desc_destroy(pd);
        }
    }

    /** Runs over the arrays at these native addresses (bias ignored when this primitive has none). */
    void execute(Pointer srcData, Pointer weightData, Pointer biasData, Pointer dstData) {
        Dnnl.executeWeighted(primitive, scratchpad, src, weights, bias, dst, srcData, weightData, biasData, dstData);
    }
}
