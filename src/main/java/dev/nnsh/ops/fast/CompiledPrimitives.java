package dev.nnsh.ops.fast;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One fast path's compiled oneDNN primitives by key, and the keys oneDNN rejected, so that each key is
 * compiled or refused once (at most {@link DnnlPrimitiveCache#LIMIT} of each are kept). With
 * {@code -Dnnsh.dnnl.debug=true} each compile prints its key and what {@code describe} says of the result.
 */
final class CompiledPrimitives<K, V> {
    private final Map<K, V> compiled = new HashMap<>();
    private final Set<K> rejected = new HashSet<>();
    private final Function<V, String> describe;

    CompiledPrimitives(Function<V, String> describe) { this.describe = describe; }

    /** The primitive for {@code key}, compiled on first use; null when oneDNN rejects it. */
    synchronized V get(K key, Function<K, V> compile) {
        V v = compiled.get(key);
        if (v != null || rejected.contains(key)) return v;
        boolean debug = Boolean.getBoolean("nnsh.dnnl.debug");
        try {
            v = compile.apply(key);
        } catch (DnnlException e) {
            if (debug) System.err.println(key + ": " + e.getMessage());
            if (rejected.size() < DnnlPrimitiveCache.LIMIT) rejected.add(key);
            return null;
        }
        if (debug) System.err.println(key + " -> " + describe.apply(v));
        if (compiled.size() < DnnlPrimitiveCache.LIMIT) compiled.put(key, v);
        return v;
    }

    /** How many keys have a compiled primitive (tests: shows the path ran). */
    synchronized int size() { return compiled.size(); }
}
