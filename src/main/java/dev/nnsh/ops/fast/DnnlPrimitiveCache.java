package dev.nnsh.ops.fast;

import java.util.HashMap;
import java.util.Map;

/**
 * Compiled convolutions per shape, arguments, layouts and post-ops. A network has a few dozen
 * distinct convolutions; past {@link #LIMIT} shapes (a loop over many input sizes) new ones are
 * still compiled but not kept. A shape oneDNN cannot compile is remembered as such (null result).
 */
final class DnnlPrimitiveCache {
    private DnnlPrimitiveCache() {}

    static final int LIMIT = 4096;
    private static final Map<DnnlConvShape, DnnlConvPrimitive> COMPILED = new HashMap<>();
    private static final Map<DnnlConvShape, Boolean> UNSUPPORTED = new HashMap<>();
    // issue 11 (mem): Winograd primitives that transform their weights per call, apart (a switch flipped in one JVM)
    private static final Map<DnnlConvShape, DnnlConvPrimitive> COMPILED_PER_CALL = new HashMap<>();
    private static final Map<DnnlConvShape, Boolean> UNSUPPORTED_PER_CALL = new HashMap<>();

    /**
     * The compiled primitive, or null when oneDNN rejects this convolution. issue 11 (mem): a Winograd
     * convolution whose inference primitive is F(4×4, 3×3) gets, while {@link DnnlWinograd#weightsPerCall},
     * the primitive that transforms its weights at each call instead (same kernel); F(2×2, 3×3), which
     * oneDNN picks for some batch-1 shapes, has only an inference primitive (its transformed weights are
     * 16/9 of the plain ones) and is kept (measured: F(4×4) there 1.8× slower, with a 10× scratchpad);
     * so are transformed weights below {@link DnnlWinograd#perCallFrom}.
     */
    static synchronized DnnlConvPrimitive get(DnnlConvShape shape) {
        DnnlConvPrimitive inference = compiled(shape, false);
        if (inference == null || !shape.winograd() || !DnnlWinograd.weightsPerCall()
                || !inference.implementation.startsWith("jit_wino_4x3")) return inference;
        long[] w = shape.weightDims(); // [O, I, 3, 3]: Winograd takes one group only
        if (4L * 36 * w[0] * w[1] < DnnlWinograd.perCallFrom()) return inference; // small: kept transformed
        DnnlConvPrimitive perCall = compiled(shape, true);
        return perCall != null ? perCall : inference;
    }

    private static DnnlConvPrimitive compiled(DnnlConvShape shape, boolean perCall) {
        Map<DnnlConvShape, DnnlConvPrimitive> kept = perCall ? COMPILED_PER_CALL : COMPILED;
        Map<DnnlConvShape, Boolean> rejected = perCall ? UNSUPPORTED_PER_CALL : UNSUPPORTED;
        DnnlConvPrimitive p = kept.get(shape);
        if (p != null || rejected.containsKey(shape)) return p;
        try {
            p = new DnnlConvPrimitive(shape, perCall);
        } catch (DnnlException e) {
            if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println(shape + ": " + e.getMessage());
            if (rejected.size() < LIMIT) rejected.put(shape, Boolean.TRUE);
            return null;
        }
        if (Boolean.getBoolean("nnsh.dnnl.debug")) {
            System.err.println(shape + (perCall ? " (weights per call)" : "") + " -> " + p.implementation + ", scratchpad " + p.scratchpadBytes() + " bytes");
        }
        if (kept.size() < LIMIT) kept.put(shape, p);
        return p;
    }

    // issue 11 (small): primitives compiled for the calling thread alone (DnnlThreads), apart from those made for all threads
    private static final Map<DnnlConvShape, DnnlConvPrimitive> COMPILED_ALONE = new HashMap<>();
    private static final Map<DnnlConvShape, Boolean> UNSUPPORTED_ALONE = new HashMap<>();

    /** issue 11 (small): as {@link #get}, compiled while the calling thread's OpenMP regions have one thread; run it the same way. */
    static synchronized DnnlConvPrimitive getAlone(DnnlConvShape shape) {
        DnnlConvPrimitive p = COMPILED_ALONE.get(shape);
        if (p != null || UNSUPPORTED_ALONE.containsKey(shape)) return p;
        int threads = DnnlThreads.single();
        try {
            p = new DnnlConvPrimitive(shape, false);
        } catch (DnnlException e) {
            if (UNSUPPORTED_ALONE.size() < LIMIT) UNSUPPORTED_ALONE.put(shape, Boolean.TRUE);
            return null;
        } finally {
            DnnlThreads.restore(threads);
        }
        if (COMPILED_ALONE.size() < LIMIT) COMPILED_ALONE.put(shape, p);
        return p;
    }

    static synchronized int size() { return COMPILED.size() + COMPILED_PER_CALL.size(); }
}
