package dev.nnsh.ops.fast;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_inner_product_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * For InnerProductShapesBench only (the shipped path is {@link DnnlMatmulPrimitive}): one compiled oneDNN forward inner product (inference), y = x·Wᵀ + b then ReLU or nothing:
 * source [N, in] and destination [N, out] row-major, the weight either PyTorch's own [out, in]
 * row-major array read as it is ({@code plainWeights}) or the primitive's preferred (blocked) layout.
 */
final class DnnlInnerProductPrimitive {
    final dnnl_memory_desc_t src;
    final dnnl_memory_desc_t weights;      // the layout the primitive reads
    final dnnl_memory_desc_t plainWeights; // PyTorch's [out, in]
    final dnnl_memory_desc_t bias;         // null without bias
    final dnnl_memory_desc_t dst;
    final String implementation;
    private final dnnl_memory_desc_t scratchpad;
    private final dnnl_primitive primitive;

    DnnlInnerProductPrimitive(long n, long in, long out, boolean withBias, DnnlPostOps act, boolean plainLayout) {
        src = Dnnl.taggedF32(new long[]{n, in}, dnnl_nc);
        dst = Dnnl.taggedF32(new long[]{n, out}, dnnl_nc);
        plainWeights = Dnnl.taggedF32(new long[]{out, in}, dnnl_oi);
        dnnl_memory_desc_t wanted = plainLayout ? plainWeights : Dnnl.taggedF32(new long[]{out, in}, dnnl_format_tag_any);
        bias = withBias ? Dnnl.taggedF32(new long[]{out}, dnnl_x) : null;
        dnnl_inner_product_desc_t desc = new dnnl_inner_product_desc_t();
        Dnnl.check(dnnl_inner_product_forward_desc_init(desc, dnnl_forward_inference, src, wanted, bias, dst),
                "inner_product_forward_desc_init");
        dnnl_primitive_desc pd = create(desc, act);
        try {
            weights = Dnnl.copy(dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0));
            implementation = Dnnl.implementation(pd);
            scratchpad = Dnnl.scratchpad(pd);
            primitive = Dnnl.createPrimitive(pd);
        } finally {
            dnnl_primitive_desc_destroy(pd);
        }
    }

    boolean readsPlainWeights() { return dnnl_memory_desc_equal(weights, plainWeights) != 0; }

    private static dnnl_primitive_desc create(dnnl_inner_product_desc_t desc, DnnlPostOps act) {
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
