package dev.nnsh.ops.fast;

import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;

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

    DnnlConvPrimitive(DnnlConvShape s) { this(s, false); }

    /** {@code weightsPerCall}: a Winograd primitive made for forward_training, transforming blocked weights at each call (issue 11 (mem)). */
    DnnlConvPrimitive(DnnlConvShape s, boolean weightsPerCall) { // issue 11 (mem)
        dnnl_memory_desc_t plainSrc = Dnnl.stridedF32(s.srcDims(), s.srcStrides()), plainDst = Dnnl.stridedF32(s.dstDims(), s.dstStrides());
        src = s.winograd() ? DnnlWinograd.blocked(s.srcDims()) : plainSrc; // issue 11 (wino)
        dst = s.winograd() ? DnnlWinograd.blocked(s.dstDims()) : plainDst; // issue 11 (wino)
        long[] wDims = s.weightDims();
        plainWeights = Dnnl.taggedF32(wDims, wDims.length == 5 ? dnnl_goihw : dnnl_oihw);
        dnnl_memory_desc_t anyWeights = Dnnl.taggedF32(wDims, dnnl_format_tag_any);
        bias = s.bias() ? Dnnl.taggedF32(new long[]{s.dstDims()[1]}, dnnl_x) : null;
        dnnl_convolution_desc_t desc = new dnnl_convolution_desc_t();
        long[] dilates = {s.dilation()[0] - 1, s.dilation()[1] - 1};
        Dnnl.check(dnnl_dilated_convolution_forward_desc_init(desc, s.winograd() && weightsPerCall ? dnnl_forward_training : dnnl_forward_inference, // issue 11 (mem)
                s.winograd() ? dnnl_convolution_winograd : dnnl_convolution_direct, // issue 11 (wino)
                src, anyWeights, bias, dst, s.stride(), dilates, s.padBefore(), s.padAfter()), "dilated_convolution_forward_desc_init");
        dnnl_primitive_desc pd = Dnnl.primitiveDesc(desc, s.postOps(), s.sum());
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

    long scratchpadBytes() { return scratchpad == null ? 0 : org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size(scratchpad); } // issue 11 (mem)

    /** Runs over the arrays at these native addresses (bias ignored when this primitive has none). */
    void execute(Pointer srcData, Pointer weightData, Pointer biasData, Pointer dstData) {
        if (blocked != null) { // issue 11 (wino): plain in, blocked between, plain out
            blocked.execute(srcData, dstData, (s, d) -> run(s, weightData, biasData, d));
            return;
        }
        run(srcData, weightData, biasData, dstData);
    }

    private void run(Pointer srcData, Pointer weightData, Pointer biasData, Pointer dstData) {
        Dnnl.executeWeighted(primitive, scratchpad, src, weights, bias, dst, srcData, weightData, biasData, dstData);
    }
}
