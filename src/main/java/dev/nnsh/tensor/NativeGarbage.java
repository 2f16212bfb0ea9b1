package dev.nnsh.tensor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * ND4J frees a tensor's native buffer only after the JVM's garbage collector finds its Java object
 * unreachable. The Java objects are tiny, so the heap feels no pressure and dead buffers pile up:
 * each seed forward pass then writes into fresh, never-touched memory, and on this project's
 * machines the first touch of a page costs more than the convolutions themselves (scripts/native-memory-env sets the allocator up for it).
 * So after every {@value #DEFAULT_EVERY_MIB} MiB of tensors allocated (system property
 * {@code nnsh.memory.collectEvery}, bytes; 0 turns it off) a collection is requested: only
 * unreachable tensors are freed, and their memory is reused by the next ones.
 */
final class NativeGarbage {
    static final long DEFAULT_EVERY_MIB = 512;
    private static final long EVERY = Long.getLong("nnsh.memory.collectEvery", DEFAULT_EVERY_MIB << 20);
    private static final AtomicLong allocatedSinceCollection = new AtomicLong();

    private NativeGarbage() {}

    /** Counts a tensor about to be allocated; collects first when enough has been allocated since the last time. */
    static void beforeAllocating(long bytes) {
        if (EVERY <= 0) return;
        if (allocatedSinceCollection.addAndGet(bytes) >= EVERY) collect();
    }

    /** Frees the native memory of unreachable tensors (asynchronously: ND4J's deallocator thread does the freeing). */
    static void collect() {
        allocatedSinceCollection.set(0);
        System.gc();
    }
}
