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

    /** The compiled primitive, or null when oneDNN rejects this convolution. */
    static synchronized DnnlConvPrimitive get(DnnlConvShape shape) {
        DnnlConvPrimitive p = COMPILED.get(shape);
        if (p != null || UNSUPPORTED.containsKey(shape)) return p;
        try {
            p = new DnnlConvPrimitive(shape);
        } catch (DnnlException e) {
            if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println(shape + ": " + e.getMessage());
            if (UNSUPPORTED.size() < LIMIT) UNSUPPORTED.put(shape, Boolean.TRUE);
            return null;
        }
        if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println(shape + " -> " + p.implementation);
        if (COMPILED.size() < LIMIT) COMPILED.put(shape, p);
        return p;
    }

    static synchronized int size() { return COMPILED.size(); }
}
