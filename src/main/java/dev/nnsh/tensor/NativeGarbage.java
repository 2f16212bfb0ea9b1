package dev.nnsh.tensor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The collector as a safety net for native memory. ND4J frees a buffer it allocated only after the
 * JVM's garbage collector finds its Java object unreachable; those objects are tiny, so the heap
 * feels no pressure and dead buffers could pile up without bound. Op outputs come from
 * {@link NativeBuffers}' pool and most go back to it without the collector, so only bytes allocated
 * <em>outside</em> the pool count here: after {@value #DEFAULT_EVERY_MIB} MiB of them (system
 * property {@code nnsh.memory.collectEvery}, bytes; 0 turns it off) a collection is requested.
 * The pool asks for one earlier ({@link #worthCollectingFor}) when a buffer of the size it needs is
 * out and might be dead (a network whose forward is the user's code, where no one can prove it): the
 * threshold for that starts at {@value #MIN_POOL_MIB} MiB and doubles, up to the safety net's, each
 * time a collection brings nothing back; and such a collection waits until the time since the last
 * one is at least {@value #TIME_FACTOR} times what that one took (system property
 * {@code nnsh.memory.collectTimeFactor}; the collector's share of the time stays under about 5 %;
 * what it would have brought back is allocated afresh meanwhile, which costs memory, not time).
 * issue 11 (mem): for a buffer of 32 MiB or more ({@code nnsh.memory.collectAlwaysFrom}, bytes; 0: never)
 * the time rule is waived: faulting it in afresh costs about a collection, and the second buffer stays resident.
 */
final class NativeGarbage {
    static final long DEFAULT_EVERY_MIB = 512;
    static final long MIN_POOL_MIB = 64;
    static final long TIME_FACTOR = 20;
    private static final long timeFactor = Long.getLong("nnsh.memory.collectTimeFactor", TIME_FACTOR);
    // issue 11 (mem): a buffer this large is worth a collection whatever the last one took (faulting it in afresh
    // costs about as much, and keeping a second one costs its size in RSS for good); 0: always the time rule
    private static final long alwaysFrom = Long.getLong("nnsh.memory.collectAlwaysFrom", 32L << 20) <= 0 ? Long.MAX_VALUE
            : Long.getLong("nnsh.memory.collectAlwaysFrom", 32L << 20);
    private static final long EVERY = Long.getLong("nnsh.memory.collectEvery", DEFAULT_EVERY_MIB << 20);
    private static final AtomicLong allocatedSinceCollection = new AtomicLong();
    private static final AtomicLong collections = new AtomicLong();
    private static final AtomicLong collectionNanos = new AtomicLong();
    private static volatile long poolThreshold = Math.min(MIN_POOL_MIB << 20, EVERY);
    private static volatile long lastEnd = System.nanoTime(), lastNanos;

    static { MallocSettings.applyOnce(); } // before the first tensor: malloc keeps freed memory

    private NativeGarbage() {}

    /** Counts a tensor about to be allocated; collects first when enough has been allocated since the last time. */
    static void beforeAllocating(long bytes) {
        if (EVERY <= 0) return;
        if (allocatedSinceCollection.addAndGet(bytes) >= EVERY) collect();
    }

    /** The allocation counted by {@link #beforeAllocating} came from the pool: it does not count. */
    static void servedFromPool(long bytes) {
        allocatedSinceCollection.updateAndGet(n -> Math.max(0, n - bytes));
    }

    /** Whether the pool should ask for a collection before allocating {@code bytes} afresh. */
    static boolean worthCollectingFor(long bytes) {
        return EVERY > 0 && allocatedSinceCollection.get() + bytes >= poolThreshold
                && (bytes >= alwaysFrom || System.nanoTime() - lastEnd >= timeFactor * lastNanos); // issue 11 (mem)
    }

    /** After a collection the pool asked for: how many buffers it got back sets the next threshold. */
    static void reclaimed(long bytes, int buffers) {
        long t = poolThreshold;
        poolThreshold = buffers == 0 ? Math.min(EVERY, t * 2) : Math.max(Math.min(MIN_POOL_MIB << 20, EVERY), t / 2);
    }

    /** Frees the native memory of unreachable tensors (ND4J's deallocator thread, and the pool's queue). */
    static void collect() {
        allocatedSinceCollection.set(0);
        long t0 = System.nanoTime();
        System.gc();
        lastEnd = System.nanoTime();
        lastNanos = lastEnd - t0;
        collectionNanos.addAndGet(lastNanos);
        collections.incrementAndGet();
    }

    /** issue 11 (shell): a young collection ({@link YoungCollection}), counted and timed with the others. */
    static void collectYoung() {
        long t0 = System.nanoTime();
        if (!YoungCollection.run()) return;
        collectionNanos.addAndGet(System.nanoTime() - t0);
        collections.incrementAndGet();
    }

    static long collections() { return collections.get(); }

    static long collectionNanos() { return collectionNanos.get(); }
}
