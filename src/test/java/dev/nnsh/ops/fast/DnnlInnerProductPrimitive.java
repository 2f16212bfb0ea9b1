package dev.nnsh.ops.fast;

import org.bytedeco.dnnl.dnnl_inner_product_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;

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
        dnnl_primitive_desc pd = Dnnl.primitiveDesc(desc, act, false);
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

    void execute(Pointer srcData, Pointer weightData, Pointer biasData, Pointer dstData) {
        Dnnl.executeWeighted(primitive, scratchpad, src, weights, bias, dst, srcData, weightData, biasData, dstData);
    }
}
