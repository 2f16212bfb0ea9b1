package dev.nnsh.ops.fast;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * Convolution weights reordered once into the layout a primitive prefers, kept while the weight
 * array lives (keyed by the array's identity, like {@link EvalBatchNorm}'s cache: every nnsh API
 * that changes a weight installs a new tensor; writing into its ND4J array in place is not noticed).
 */
final class DnnlWeights {
    private DnnlWeights() {}

    private record Reordered(dnnl_memory_desc_t layout, INDArray data) {}

    private static final IdentityWeakCache<INDArray, List<Reordered>> CACHE = new IdentityWeakCache<>();

    /** The weight's data in {@code p}'s preferred layout (the array itself when that is the plain layout). */
    static INDArray forPrimitive(INDArray weight, DnnlConvPrimitive p) {
        if (dnnl_memory_desc_equal(p.weights, p.plainWeights) != 0) return weight;
        List<Reordered> layouts = CACHE.get(weight, w -> new ArrayList<>());
        synchronized (layouts) {
            for (Reordered r : layouts) {
                if (dnnl_memory_desc_equal(r.layout, p.weights) != 0) return r.data;
            }
            INDArray data = reorder(weight, p.plainWeights, p.weights);
            layouts.add(new Reordered(p.weights, data));
            return data;
        }
    }

    static int cachedWeights() { return CACHE.size(); }

    /** issue 11 (mem): bytes of the reordered copies kept for this weight array. */
    static long cachedBytes(INDArray weight) {
        long[] sum = {0};
        CACHE.forEachValue(weight, layouts -> {
            synchronized (layouts) { for (Reordered r : layouts) sum[0] += r.data.length() * 4; }
        });
        return sum[0];
    }

    /** issue 11 (mem): bytes of every reordered weight copy now kept. */
    static long cachedBytes() {
        long[] sum = {0};
        CACHE.forEachValue(layouts -> {
            synchronized (layouts) { for (Reordered r : layouts) sum[0] += r.data.length() * 4; }
        });
        return sum[0];
    }

    /** A copy of a plain f32 array in another layout (zero-filled first: blocked layouts pad). */
    static INDArray reorder(INDArray plain, dnnl_memory_desc_t from, dnnl_memory_desc_t to) {
        long bytes = dnnl_memory_desc_get_size(to);
        INDArray out = Nd4j.zeros(DataType.FLOAT, (bytes + 3) / 4);
        run(from, to, DnnlConv.address(plain), DnnlConv.address(out));
        return out;
    }

    record CompiledReorder(dnnl_primitive primitive, dnnl_memory_desc_t from, dnnl_memory_desc_t to, dnnl_memory_desc_t scratchpad) {}

    private static final java.util.Map<List<Object>, CompiledReorder> REORDERS = new java.util.HashMap<>();

    /**
     * issue 11 (dense): a reorder between two plain strided f32 layouts of the same dims, its primitive
     * compiled once per (dims, strides, strides) and kept (a dense block copies a channel slice of the
     * same shapes every pass: compiling each time cost about 0.1 ms a copy). Beyond the cache's limit,
     * compiled per call as before.
     */
    static void runStrided(long[] dims, long[] fromStrides, long[] toStrides, Pointer src, Pointer dst) {
        List<Object> key = List.of(java.util.Arrays.toString(dims), java.util.Arrays.toString(fromStrides), java.util.Arrays.toString(toStrides));
        CompiledReorder c;
        synchronized (REORDERS) {
            c = REORDERS.get(key);
            if (c == null && REORDERS.size() < DnnlPrimitiveCache.LIMIT) {
                c = compile(Dnnl.stridedF32(dims, fromStrides), Dnnl.stridedF32(dims, toStrides),
                        java.util.Arrays.toString(dims) + " " + java.util.Arrays.toString(fromStrides) + " -> " + java.util.Arrays.toString(toStrides));
                REORDERS.put(key, c);
            }
        }
        if (c == null) {
            run(Dnnl.stridedF32(dims, fromStrides), Dnnl.stridedF32(dims, toStrides), src, dst);
            return;
        }
        execute(c, src, dst);
    }

    /** One reorder from memory at {@code src} (layout {@code from}) to {@code dst} (layout {@code to}), compiled for this call. */
    static void run(dnnl_memory_desc_t from, dnnl_memory_desc_t to, Pointer src, Pointer dst) {
        CompiledReorder c = compile(from, to, "(compiled for one call)");
        try {
            execute(c, src, dst);
        } finally {
            dnnl_primitive_destroy(c.primitive);
        }
    }

    /** {@code what} names the reorder in the -Dnnsh.dnnl.debug line. */
    static CompiledReorder compile(dnnl_memory_desc_t from, dnnl_memory_desc_t to, String what) {
        PointerPointer<Pointer> out = new PointerPointer<>(1);
        dnnl_primitive_attr attr = Dnnl.newAttr();
        dnnl_primitive_desc pd;
        try {
            Dnnl.check(dnnl_reorder_primitive_desc_create(out, from, Dnnl.engine(), to, Dnnl.engine(), attr), "reorder_primitive_desc_create");
            pd = new dnnl_primitive_desc(out.get(0));
        } finally {
            dnnl_primitive_attr_destroy(attr);
        }
        try {
            if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println("reorder " + what + " -> " + Dnnl.implementation(pd));
            return new CompiledReorder(Dnnl.createPrimitive(pd), from, to, Dnnl.scratchpad(pd));
        } finally {
            dnnl_primitive_desc_destroy(pd);
        }
    }

    static void execute(CompiledReorder c, Pointer src, Pointer dst) {
        Dnnl.execute(c.primitive, c.scratchpad, new int[]{DNNL_ARG_FROM, DNNL_ARG_TO}, new dnnl_memory_desc_t[]{c.from, c.to}, new Pointer[]{src, dst});
    }
}
