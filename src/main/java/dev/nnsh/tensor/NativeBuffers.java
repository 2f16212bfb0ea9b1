package dev.nnsh.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where op outputs get their memory: {@link #uninitialized} is the one allocation method for results
 * that an op writes completely. Buffers of {@value #MIN_POOLED_BYTES} bytes or more come from a pool
 * ({@link BufferPool}) and go back to it when a caller proves them dead ({@link #release}, e.g.
 * between a {@code Sequential}'s children) or when the collector finds them unreachable; memory that
 * goes back stays touched in the process, so passes after the first neither fault pages in again
 * nor depend on how glibc's malloc is tuned. Smaller buffers go to ND4J directly.
 *
 * <p>System properties: {@code nnsh.memory.pool=off} hands out plain ND4J arrays (A/B comparisons);
 * {@code nnsh.memory.poolMax} (bytes, default 1 GiB) bounds the memory kept free in the pool.
 */
public final class NativeBuffers {
    static final long MIN_POOLED_BYTES = 256 * 1024;
    private static final BufferPool POOL = new BufferPool();
    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.memory.pool"));

    static {
        MallocSettings.applyOnce();
        POOL.setMaxFreeBytes(Long.getLong("nnsh.memory.poolMax", 1L << 30));
    }

    private NativeBuffers() {}

    /** A c-ordered array of this type and shape whose contents are undefined: the caller writes every element. */
    public static INDArray uninitialized(DataType type, long... shape) {
        long length = 1;
        for (long s : shape) length *= s;
        long bytes = length * type.width();
        if (!enabled || bytes < MIN_POOLED_BYTES || length == 0) return Nd4j.createUninitialized(type, shape);
        INDArray reused = POOL.take(type, shape, length, bytes);
        if (reused != null) {
            NativeGarbage.servedFromPool(bytes);
            return reused;
        }
        INDArray piece = POOL.carve(type, shape, length, bytes); // issue 11 (shell): a piece of a larger free slab
        if (piece != null) {
            NativeGarbage.servedFromPool(bytes);
            return piece;
        }
        // the pool has none free: when one of this size is out, the collector may find it dead
        if (POOL.anyOutstanding(bytes)) {
            reused = collectAndTake(type, shape, length, bytes); // issue 11 (shell): a young collection first
            if (reused == null) reused = POOL.carve(type, shape, length, bytes); // issue 11 (shell): what came back
            if (reused != null) return reused;
        }
        return POOL.allocate(type, shape, length, bytes);
    }

    /**
     * issue 11 (shell): a young collection where that is cheap ({@link YoungCollection}: a pass's dead tensors are
     * young objects), then the full one under its rules when one of this size is still out; the lease or null.
     */
    private static INDArray collectAndTake(DataType type, long[] shape, long length, long bytes) {
        if (YoungCollection.worthRunning()) {
            POOL.collectAndDrain(NativeGarbage::collectYoung);
            INDArray got = POOL.take(type, shape, length, bytes);
            if (got != null || !POOL.anyOutstanding(bytes)) return got;
        }
        if (!NativeGarbage.worthCollectingFor(bytes)) return null;
        NativeGarbage.reclaimed(bytes, POOL.collectAndDrain(NativeGarbage::collect));
        return POOL.take(type, shape, length, bytes);
    }

    /**
     * Gives a dead tensor's memory back to the pool and marks the tensor freed: any later use of it
     * throws an error naming {@code by}. Only for a tensor that nothing can reach any more (no other
     * tensor shares its memory, no one keeps it); returns false and does nothing when the tensor is
     * not a whole pooled buffer (shape-only, a view of part of one, from ND4J directly, already freed).
     */
    public static boolean release(Tensor tensor, String by) {
        if (tensor == null || tensor.isShapeOnly() || tensor.freedBy() != null) return false;
        Object lease = POOL.leaseOf(tensor.nd());
        if (lease == null) return false;
        tensor.markFreed(by);
        POOL.giveBack(lease);
        return true;
    }

    /** Whether two real tensors' memory overlaps (a view, a reshape, the same tensor). */
    public static boolean shareMemory(Tensor a, Tensor b) {
        if (a == null || b == null || a.isShapeOnly() || b.isShapeOnly()) return false;
        if (a == b) return true;
        long[] ra = range(a.nd()), rb = range(b.nd());
        return ra[0] < rb[1] && rb[0] < ra[1];
    }

    /** The whole buffer under an array (a view's range lies inside it: overlap is over-, never under-estimated). */
    private static long[] range(INDArray array) {
        var data = array.data();
        long start = data.address();
        return new long[]{start, start + Math.max(1, data.length()) * data.getElementSize()};
    }

    /** Frees the memory kept free in the pool (back to malloc). */
    public static void trim() { POOL.trimTo(0); }

    /** Turns pooling on or off at run time (for before/after comparisons in one JVM). */
    public static void setEnabled(boolean on) { enabled = on; }

    /** issue 11 (shell): how many times the request a larger free slab may be when it is lent in pieces (0: never). */
    public static void setCarveRatio(long ratio) { POOL.setCarveRatio(ratio); }

    /** issue 11 (shell): whether the pool's collections may be young-only ({@link YoungCollection}), for A/B runs. */
    public static void setYoungCollections(boolean on) { YoungCollection.setEnabled(on); }

    public static boolean isEnabled() { return enabled; }

    /** How glibc's malloc was set up at the first allocation ("mallopt", or why not). */
    public static String mallocSettings() { return MallocSettings.applied(); }

    /** Counters since the JVM started. */
    public record Stats(long hits, long misses, long released, long reclaimedByCollector, long collections,
                        long collectionNanos, long freeBytes, long outstandingBytes, long carved) {} // issue 11 (shell): carved

    public static Stats stats() {
        synchronized (POOL) {
            return new Stats(POOL.hits, POOL.misses, POOL.released, POOL.reclaimed, NativeGarbage.collections(),
                    NativeGarbage.collectionNanos(), POOL.freeBytes(), POOL.outstandingBytes(), POOL.carved);
        }
    }
}
