package dev.nnsh.ops.fast;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_matmul_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

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
        dnnl_primitive_desc pd = create(desc, s.act());
        try {
            implementation = Dnnl.implementation(pd);
            scratchpad = Dnnl.scratchpad(pd);
            scratchpadBytes = scratchpad == null ? 0 : dnnl_memory_desc_get_size(scratchpad);
            primitive = Dnnl.createPrimitive(pd);
        } finally {
            dnnl_primitive_desc_destroy(pd);
        }
    }

    private static dnnl_primitive_desc create(dnnl_matmul_desc_t desc, DnnlPostOps act) {
        PointerPointer<Pointer> out = new PointerPointer<>(1);
        dnnl_primitive_attr attr = Dnnl.newAttr();
        dnnl_post_ops ops = null;
        try {
            if (act != DnnlPostOps.NONE) {
                Dnnl.check(dnnl_post_ops_create(out), "post_ops_create");
                ops = new dnnl_post_ops(out.get(0));
                if (act == DnnlPostOps.RELU) Dnnl.check(dnnl_post_ops_append_eltwise(ops, 1f, dnnl_eltwise_relu, 0f, 0f), "post_ops_append_eltwise");
                if (act == DnnlPostOps.RELU6) Dnnl.check(dnnl_post_ops_append_eltwise(ops, 1f, dnnl_eltwise_clip, 0f, 6f), "post_ops_append_eltwise");
                Dnnl.check(dnnl_primitive_attr_set_post_ops(attr, ops), "primitive_attr_set_post_ops");
            }
            Dnnl.check(dnnl_primitive_desc_create(out, new const_dnnl_op_desc_t(desc), attr, Dnnl.engine(), null), "primitive_desc_create");
            return new dnnl_primitive_desc(out.get(0));
        } finally {
            if (ops != null) dnnl_post_ops_destroy(ops);
            dnnl_primitive_attr_destroy(attr);
        }
    }

    /** Runs over the arrays at these native addresses (bias ignored when this primitive has none). */
    void execute(Pointer srcData, Pointer weightData, Pointer biasData, Pointer dstData) {
        if (bias == null) {
            Dnnl.execute(primitive, scratchpad, new int[]{DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST},
                    new dnnl_memory_desc_t[]{src, weights, dst}, new Pointer[]{srcData, weightData, dstData});
        } else {
            Dnnl.execute(primitive, scratchpad, new int[]{DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
                    new dnnl_memory_desc_t[]{src, weights, bias, dst}, new Pointer[]{srcData, weightData, biasData, dstData});
        }
    }
}
