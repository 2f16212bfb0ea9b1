package dev.nnsh.ops.fast;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_pooling_v2_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * 2-D pooling on oneDNN for a channels-last float32 input, result channels-last. Max: padding
 * counts as −∞ (as PyTorch's); ceil mode is the caller's output size, reached with a larger
 * padding after (padded elements never win a max). Average: unpadded windows only (the divisor is
 * then the window's size under every PyTorch option). Null where it does not apply.
 */
public final class DnnlPool {
    private DnnlPool() {}

    private record Compiled(dnnl_primitive primitive, dnnl_memory_desc_t src, dnnl_memory_desc_t dst, dnnl_memory_desc_t scratchpad) {}

    private static final Map<List<Object>, Compiled> CACHE = new HashMap<>();

    /** Max pooling; x [N, C, H, W] channels-last; out [N, C, OH, OW] as the shape rules computed it. */
    public static INDArray max(INDArray x, int[] kernel, int[] stride, int[] padding, int[] dilation, long[] out) {
        return run(x, dnnl_pooling_max, kernel, stride, padding, dilation, out);
    }

    /** Average pooling over windows that lie inside the input (no padding, no ceil-mode overhang). */
    public static INDArray average(INDArray x, int[] kernel, int[] stride, long[] out) {
        int[] none = {0, 0}, one = {1, 1};
        for (int i = 0; i < 2; i++) {
            if ((out[2 + i] - 1) * stride[i] + kernel[i] > x.size(2 + i)) return null;
        }
        return run(x, dnnl_pooling_avg_exclude_padding, kernel, stride, none, one, out);
    }

    /**
     * issue 11 (cnn): average pooling whose divisor counts the zero padding (PyTorch's count_include_pad, no divisor
     * override), for windows that end inside the padded input (no ceil-mode overhang): Inception's 3×3/1/1 pools.
     */
    public static INDArray averageIncludingPadding(INDArray x, int[] kernel, int[] stride, int[] padding, long[] out) {
        for (int i = 0; i < 2; i++) {
            if ((out[2 + i] - 1) * stride[i] + kernel[i] > x.size(2 + i) + 2L * padding[i]) return null;
        }
        return run(x, dnnl_pooling_avg_include_padding, kernel, stride, padding, new int[]{1, 1}, out);
    }

    private static INDArray run(INDArray x, int alg, int[] kernel, int[] stride, int[] padding, int[] dilation, long[] out) {
        if (!DnnlConv.enabled() || x.dataType() != DataType.FLOAT || !DnnlConv.channelsLast(x) || out.length != 4) return null;
        long[] dims = x.shape();
        long[] padAfter = new long[2];
        for (int i = 0; i < 2; i++) {
            padAfter[i] = (out[2 + i] - 1) * stride[i] + (long) dilation[i] * (kernel[i] - 1) + 1 - dims[2 + i] - padding[i];
            if (padAfter[i] < 0) padAfter[i] = 0; // windows that end before the input does
        }
        List<Object> key = List.of(alg, Arrays.toString(dims), Arrays.toString(out), Arrays.toString(kernel), Arrays.toString(stride),
                Arrays.toString(padding), Arrays.toString(dilation), Arrays.toString(padAfter));
        Compiled c;
        synchronized (CACHE) {
            c = CACHE.get(key);
            if (c == null && !CACHE.containsKey(key)) {
                try {
                    c = compile(alg, dims, out, kernel, stride, padding, dilation, padAfter);
                } catch (DnnlException e) {
                    c = null;
                }
                if (CACHE.size() < DnnlPrimitiveCache.LIMIT) CACHE.put(key, c);
            }
        }
        if (c == null) return null;
        INDArray result = DnnlConv.newChannelsLast(out[0], out[1], out[2], out[3]);
        Dnnl.execute(c.primitive, c.scratchpad, new int[]{DNNL_ARG_SRC, DNNL_ARG_DST}, new dnnl_memory_desc_t[]{c.src, c.dst},
                new Pointer[]{DnnlConv.address(x), DnnlConv.address(result)});
        return result;
    }

    private static Compiled compile(int alg, long[] dims, long[] out, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                    long[] padAfter) {
        dnnl_memory_desc_t src = Dnnl.taggedF32(dims, dnnl_nhwc), dst = Dnnl.taggedF32(out, dnnl_nhwc);
        dnnl_pooling_v2_desc_t desc = new dnnl_pooling_v2_desc_t();
        Dnnl.check(dnnl_pooling_v2_forward_desc_init(desc, dnnl_forward_inference, alg, src, dst,
                new long[]{stride[0], stride[1]}, new long[]{kernel[0], kernel[1]}, new long[]{dilation[0] - 1, dilation[1] - 1},
                new long[]{padding[0], padding[1]}, padAfter), "pooling_v2_forward_desc_init");
        dnnl_primitive_desc pd = Dnnl.primitiveDesc(desc, DnnlPostOps.NONE, false);
        try {
            if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println("pooling " + alg + " " + Arrays.toString(dims) + " -> " + Dnnl.implementation(pd));
            return new Compiled(Dnnl.createPrimitive(pd), src, dst, Dnnl.scratchpad(pd));
        } finally {
            dnnl_primitive_desc_destroy(pd);
        }
    }
}
