package dev.nnsh.ops.fast;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.dnnl.dnnl_binary_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * Issue 11 (mobile): x·s for a channels-last x [N, C, H, W] and one scale per image and channel s [N, C, 1, 1]
 * (a squeeze-excitation's scale) as one oneDNN binary multiply with s broadcast over the pixels, into a new
 * channels-last buffer. One compiled primitive per shape and layout. {@code -Dnnsh.dnnl.scale=off} turns it off
 * (the caller then multiplies with ND4J's broadcast). Null where it does not apply.
 */
public final class DnnlChannelScale {
    private DnnlChannelScale() {}

    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.dnnl.scale"));

    /** For A/B measurements of this path alone. */
    public static void setEnabled(boolean on) { enabled = on; }

    public static boolean enabled() { return enabled && DnnlConv.enabled(); }

    private record Compiled(dnnl_primitive primitive, dnnl_memory_desc_t x, dnnl_memory_desc_t s, dnnl_memory_desc_t dst,
                            dnnl_memory_desc_t scratchpad) {}

    private static final Map<List<Object>, Compiled> CACHE = new HashMap<>();

    /** x·s into a new channels-last array, or null where this path does not apply (nothing computed then). */
    public static INDArray mul(INDArray x, INDArray s) {
        if (!enabled() || x.dataType() != DataType.FLOAT || s.dataType() != DataType.FLOAT || x.rank() != 4 || s.rank() != 4
                || !DnnlConv.channelsLast(x)) {
            return null;
        }
        long[] dims = x.shape(), sDims = s.shape();
        if (sDims[0] != dims[0] || sDims[1] != dims[1] || sDims[2] != 1 || sDims[3] != 1) return null;
        long[] sStrides = s.stride().clone();
        if (dims[1] > 1 && sStrides[1] != 1 || dims[0] > 1 && sStrides[0] != dims[1]) return null; // channels adjacent, images after
        sStrides[2] = sStrides[3] = dims[1];
        long[] xStrides = x.stride();
        List<Object> key = List.of(Arrays.toString(dims), Arrays.toString(xStrides), Arrays.toString(sStrides));
        Compiled c;
        synchronized (CACHE) {
            c = CACHE.get(key);
            if (c == null && !CACHE.containsKey(key)) {
                try {
                    c = compile(dims, xStrides, sStrides);
                } catch (DnnlException e) {
                    c = null;
                }
                if (CACHE.size() < DnnlPrimitiveCache.LIMIT) CACHE.put(key, c);
            }
        }
        if (c == null) return null;
        INDArray out = DnnlConv.newChannelsLast(dims[0], dims[1], dims[2], dims[3]);
        Dnnl.execute(c.primitive, c.scratchpad, new int[]{DNNL_ARG_SRC_0, DNNL_ARG_SRC_1, DNNL_ARG_DST},
                new dnnl_memory_desc_t[]{c.x, c.s, c.dst}, new Pointer[]{DnnlConv.address(x), DnnlConv.address(s), DnnlConv.address(out)});
        return out;
    }

    private static Compiled compile(long[] dims, long[] xStrides, long[] sStrides) {
        dnnl_memory_desc_t x = Dnnl.stridedF32(dims, xStrides), dst = Dnnl.stridedF32(dims, xStrides);
        dnnl_memory_desc_t s = Dnnl.stridedF32(new long[]{dims[0], dims[1], 1, 1}, sStrides);
        dnnl_binary_desc_t desc = new dnnl_binary_desc_t();
        Dnnl.check(dnnl_binary_desc_init(desc, dnnl_binary_mul, x, s, dst), "binary_desc_init");
        dnnl_primitive_desc pd = Dnnl.primitiveDesc(desc, DnnlPostOps.NONE, false);
        try {
            String impl = Dnnl.implementation(pd);
            if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println("channel scale " + Arrays.toString(dims) + " -> " + impl);
            if (impl.startsWith("ref")) return null; // oneDNN's reference loop: slower than ND4J's broadcast
            return new Compiled(Dnnl.createPrimitive(pd), x, s, dst, Dnnl.scratchpad(pd));
        } finally {
            dnnl_primitive_desc_destroy(pd);
        }
    }
}
