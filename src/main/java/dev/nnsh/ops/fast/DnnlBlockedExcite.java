package dev.nnsh.ops.fast;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_binary_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_pooling_v2_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * issue 11 (mobile): the two non-convolution steps of a squeeze-excitation over a blocked (nChw16c) activation
 * ({@link DnnlBlockedConv}): the global average pool into a blocked [N, C, 1, 1], and x·s with s [N, C, 1, 1]
 * broadcast over the pixels, written over x itself (x is consumed). Each compiled once per shape; only jit
 * kernels are taken ({@link #supported} false otherwise, and the run that asked does not start).
 */
public final class DnnlBlockedExcite {
    private DnnlBlockedExcite() {}

    private record Compiled(dnnl_primitive primitive, dnnl_memory_desc_t a, dnnl_memory_desc_t b, dnnl_memory_desc_t dst,
                            dnnl_memory_desc_t scratchpad) {}

    private static final Map<List<Object>, Compiled> CACHE = new HashMap<>();

    /** Whether both steps have jit kernels for a blocked activation of these dims (compiles and keeps them). */
    public static boolean supported(long[] dims) {
        return Dnnl.available() && scale(dims) != null && pool(dims) != null;
    }

    /** The blocked [N, C, 1, 1] mean over the pixels of a blocked x of dims [N, C, H, W]. */
    public static INDArray averagePool(INDArray x, long[] dims) {
        Compiled c = pool(dims);
        if (c == null) throw new IllegalStateException("no blocked average pool for " + Arrays.toString(dims));
        INDArray out = DnnlBlockedConv.newBlocked(new long[]{dims[0], dims[1], 1, 1});
        Dnnl.execute(c.primitive, c.scratchpad, new int[]{DNNL_ARG_SRC, DNNL_ARG_DST}, new dnnl_memory_desc_t[]{c.a, c.dst},
                new Pointer[]{DnnlConv.address(x), DnnlConv.address(out)});
        return out;
    }

    /** x ← x·s in place: x blocked [N, C, H, W], s blocked [N, C, 1, 1]. */
    public static void scaleInPlace(INDArray x, long[] dims, INDArray s) {
        binaryInPlace(scale(dims), "channel scale", dims, x, s);
    }

    /** Whether a blocked x ← x + y of these dims has a jit kernel (compiles and keeps it). */
    public static boolean addSupported(long[] dims) {
        return Dnnl.available() && add(dims) != null;
    }

    /** x ← x + y in place, both blocked of these dims: a residual sum after an activation (no jit convolution takes that order). */
    public static void addInPlace(INDArray x, long[] dims, INDArray y) {
        binaryInPlace(add(dims), "sum", dims, x, y);
    }

    /** x ← x op y with a compiled binary primitive (null: none for these dims, named by {@code what}). */
    private static void binaryInPlace(Compiled c, String what, long[] dims, INDArray x, INDArray y) {
        if (c == null) throw new IllegalStateException("no blocked " + what + " for " + Arrays.toString(dims));
        Pointer at = DnnlConv.address(x);
        Dnnl.execute(c.primitive, c.scratchpad, new int[]{DNNL_ARG_SRC_0, DNNL_ARG_SRC_1, DNNL_ARG_DST},
                new dnnl_memory_desc_t[]{c.a, c.b, c.dst}, new Pointer[]{at, DnnlConv.address(y), at});
    }

    private static Compiled add(long[] dims) {
        return cached(List.of("add", Arrays.toString(dims)), () -> {
            dnnl_memory_desc_t x = Dnnl.taggedF32(dims, dnnl_nChw16c);
            dnnl_binary_desc_t desc = new dnnl_binary_desc_t();
            Dnnl.check(dnnl_binary_desc_init(desc, dnnl_binary_add, x, x, x), "binary_desc_init");
            return finish(desc, "blocked sum " + Arrays.toString(dims), x, x, x);
        });
    }

    private static Compiled pool(long[] dims) {
        return cached(List.of("pool", Arrays.toString(dims)), () -> compilePool(dims));
    }

    private static Compiled scale(long[] dims) {
        return cached(List.of("scale", Arrays.toString(dims)), () -> compileScale(dims));
    }

    private static Compiled cached(List<Object> key, java.util.function.Supplier<Compiled> make) {
        synchronized (CACHE) {
            if (CACHE.containsKey(key)) return CACHE.get(key);
            Compiled c;
            try {
                c = make.get();
            } catch (DnnlException e) {
                if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println(key + ": " + e.getMessage());
                c = null;
            }
            if (CACHE.size() < DnnlPrimitiveCache.LIMIT) CACHE.put(key, c);
            return c;
        }
    }

    private static Compiled compilePool(long[] dims) {
        long[] out = {dims[0], dims[1], 1, 1};
        dnnl_memory_desc_t src = Dnnl.taggedF32(dims, dnnl_nChw16c), dst = Dnnl.taggedF32(out, dnnl_nChw16c);
        dnnl_pooling_v2_desc_t desc = new dnnl_pooling_v2_desc_t();
        Dnnl.check(dnnl_pooling_v2_forward_desc_init(desc, dnnl_forward_inference, dnnl_pooling_avg_exclude_padding, src, dst,
                new long[]{1, 1}, new long[]{dims[2], dims[3]}, new long[]{0, 0}, new long[]{0, 0}, new long[]{0, 0}),
                "pooling_v2_forward_desc_init");
        return finish(desc, "blocked average pool " + Arrays.toString(dims), src, null, dst);
    }

    private static Compiled compileScale(long[] dims) {
        dnnl_memory_desc_t x = Dnnl.taggedF32(dims, dnnl_nChw16c), s = Dnnl.taggedF32(new long[]{dims[0], dims[1], 1, 1}, dnnl_nChw16c);
        dnnl_binary_desc_t desc = new dnnl_binary_desc_t();
        Dnnl.check(dnnl_binary_desc_init(desc, dnnl_binary_mul, x, s, x), "binary_desc_init");
        return finish(desc, "blocked channel scale " + Arrays.toString(dims), x, s, x);
    }

    private static Compiled finish(Pointer desc, String what, dnnl_memory_desc_t a, dnnl_memory_desc_t b, dnnl_memory_desc_t dst) {
        dnnl_primitive_desc pd = Dnnl.primitiveDesc(desc, DnnlPostOps.NONE, false);
        try {
            String impl = Dnnl.implementation(pd);
            if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println(what + " -> " + impl);
            if (impl.startsWith("ref")) return null;
            return new Compiled(Dnnl.createPrimitive(pd), a, b, dst, Dnnl.scratchpad(pd));
        } finally {
            dnnl_primitive_desc_destroy(pd);
        }
    }
}
