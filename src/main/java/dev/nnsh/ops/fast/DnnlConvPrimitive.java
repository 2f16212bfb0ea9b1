package dev.nnsh.ops.fast;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * One compiled oneDNN forward convolution (inference): source and destination in the plain layouts
 * given (their strides), weights in the layout the primitive prefers (format any), bias optional,
 * post-ops: a sum into the destination (a residual added before the activation), then ReLU or
 * clip to [0, 6].
 */
final class DnnlConvPrimitive {
    final dnnl_memory_desc_t src;
    final dnnl_memory_desc_t weights;      // the primitive's preferred layout
    final dnnl_memory_desc_t plainWeights; // PyTorch's [O, I/g, kH, kW] (as [g, O/g, I/g, kH, kW] when grouped)
    final dnnl_memory_desc_t bias;         // null without bias
    final dnnl_memory_desc_t dst;
    final String implementation;
    private final dnnl_memory_desc_t scratchpad; // null: none needed
    private final dnnl_primitive primitive;
    private final DnnlWinograd.Boundary blocked; // issue 11 (wino): null for direct; the reorders around Winograd's nChw16c

    DnnlConvPrimitive(DnnlConvShape s) {
        dnnl_memory_desc_t plainSrc = Dnnl.stridedF32(s.srcDims(), s.srcStrides()), plainDst = Dnnl.stridedF32(s.dstDims(), s.dstStrides());
        src = s.winograd() ? DnnlWinograd.blocked(s.srcDims()) : plainSrc; // issue 11 (wino)
        dst = s.winograd() ? DnnlWinograd.blocked(s.dstDims()) : plainDst; // issue 11 (wino)
        long[] wDims = s.weightDims();
        plainWeights = Dnnl.taggedF32(wDims, wDims.length == 5 ? dnnl_goihw : dnnl_oihw);
        dnnl_memory_desc_t anyWeights = Dnnl.taggedF32(wDims, dnnl_format_tag_any);
        bias = s.bias() ? Dnnl.taggedF32(new long[]{s.dstDims()[1]}, dnnl_x) : null;
        dnnl_convolution_desc_t desc = new dnnl_convolution_desc_t();
        long[] dilates = {s.dilation()[0] - 1, s.dilation()[1] - 1};
        Dnnl.check(dnnl_dilated_convolution_forward_desc_init(desc, dnnl_forward_inference,
                s.winograd() ? dnnl_convolution_winograd : dnnl_convolution_direct, // issue 11 (wino)
                src, anyWeights, bias, dst, s.stride(), dilates, s.padBefore(), s.padAfter()), "dilated_convolution_forward_desc_init");
        dnnl_primitive_desc pd = create(desc, s.postOps(), s.sum());
        try {
            weights = Dnnl.copy(dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0));
            implementation = Dnnl.implementation(pd);
            scratchpad = Dnnl.scratchpad(pd);
            primitive = Dnnl.createPrimitive(pd);
            blocked = s.winograd() ? new DnnlWinograd.Boundary(implementation, plainSrc, src, dst, plainDst, s.sum()) : null; // issue 11 (wino)
        } finally {
            dnnl_primitive_desc_destroy(pd); // the primitive keeps what it needs
        }
    }

    private static dnnl_primitive_desc create(dnnl_convolution_desc_t desc, DnnlPostOps act, boolean sum) {
        PointerPointer<Pointer> out = new PointerPointer<>(1);
        dnnl_primitive_attr attr = Dnnl.newAttr();
        dnnl_post_ops ops = null;
        try {
            if (sum || act != DnnlPostOps.NONE) {
                Dnnl.check(dnnl_post_ops_create(out), "post_ops_create");
                ops = new dnnl_post_ops(out.get(0));
                if (sum) Dnnl.check(dnnl_post_ops_append_sum(ops, 1f), "post_ops_append_sum");
                if (act == DnnlPostOps.RELU) Dnnl.check(dnnl_post_ops_append_eltwise(ops, 1f, dnnl_eltwise_relu, 0f, 0f), "post_ops_append_eltwise");
                if (act == DnnlPostOps.RELU6) Dnnl.check(dnnl_post_ops_append_eltwise(ops, 1f, dnnl_eltwise_clip, 0f, 6f), "post_ops_append_eltwise");
                if (act == DnnlPostOps.HARDSWISH) Dnnl.check(dnnl_post_ops_append_eltwise(ops, 1f, dnnl_eltwise_hardswish, 0f, 0f), "post_ops_append_eltwise"); // issue 11 (free)
                if (act == DnnlPostOps.SILU) Dnnl.check(dnnl_post_ops_append_eltwise(ops, 1f, dnnl_eltwise_swish, 1f, 0f), "post_ops_append_eltwise"); // issue 11 (free)
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
        if (blocked != null) { // issue 11 (wino): plain in, blocked between, plain out
            blocked.execute(srcData, dstData, (s, d) -> run(s, weightData, biasData, d));
            return;
        }
        run(srcData, weightData, biasData, dstData);
    }

    private void run(Pointer srcData, Pointer weightData, Pointer biasData, Pointer dstData) {
        if (bias == null) {
            Dnnl.execute(primitive, scratchpad, new int[]{DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST},
                    new dnnl_memory_desc_t[]{src, weights, dst}, new Pointer[]{srcData, weightData, dstData});
        } else {
            Dnnl.execute(primitive, scratchpad, new int[]{DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
                    new dnnl_memory_desc_t[]{src, weights, bias, dst}, new Pointer[]{srcData, weightData, biasData, dstData});
        }
    }
}
