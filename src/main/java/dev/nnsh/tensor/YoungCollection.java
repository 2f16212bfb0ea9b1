package dev.nnsh.tensor;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.List;
import java.util.Set;

/**
 * issue 11 (shell): a collection of the young generation only, for the pool to find a pass's dead
 * buffers cheaply. {@code System.gc()} is a full collection: it marks the whole heap, so in a JVM that
 * also holds javac's state (the script mode's JShell, some 25 MB) it takes 40-80 ms instead of 5-10, and
 * the pool's time rule then allows few collections inside a pass. A pass's tensors are young objects;
 * filling what is left of eden with short-lived arrays makes the collector run a young collection,
 * which only copies the few live young objects. Used only with a generational collector whose eden is
 * at most {@value #MAX_EDEN_MIB} MiB (filling it is then a millisecond or two); otherwise, or
 * with {@code -Dnnsh.memory.young=off}, {@link #run} returns false and the caller does a full one.
 */
final class YoungCollection {
    static final long MAX_EDEN_MIB = 32;
    private static final Set<String> YOUNG = Set.of("Copy", "PS Scavenge", "G1 Young Generation", "ParNew");
    private static final boolean ON = !"off".equals(System.getProperty("nnsh.memory.young"));
    private static final List<GarbageCollectorMXBean> young = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(b -> YOUNG.contains(b.getName())).toList();
    private static final MemoryPoolMXBean eden = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getName().endsWith("Eden Space")).findFirst().orElse(null);
    private static volatile boolean enabled = ON;
    @SuppressWarnings("unused") private static volatile Object sink;

    private YoungCollection() {}

    /** Whether this JVM's collector and eden allow it (and it is not switched off). */
    static boolean available() {
        if (!enabled || young.isEmpty() || eden == null) return false;
        long committed = eden.getUsage().getCommitted();
        return committed > 0 && committed <= MAX_EDEN_MIB << 20;
    }

    /**
     * Whether one is available and the time since the last one is at least {@value NativeGarbage#TIME_FACTOR}
     * times what it took (the same 5 % rule as the full collections', with its own, much smaller, cost).
     */
    static boolean worthRunning() {
        return available() && System.nanoTime() - lastEnd >= NativeGarbage.TIME_FACTOR * lastNanos;
    }

    private static volatile long lastEnd = System.nanoTime(), lastNanos;

    /** Runs a young collection; false when not available or none happened (then nothing was collected). */
    static boolean run() {
        if (!available()) return false;
        long t0 = System.nanoTime();
        try {
            return fillEden();
        } finally {
            lastEnd = System.nanoTime();
            lastNanos = lastEnd - t0;
        }
    }

    private static boolean fillEden() {
        long before = count();
        // at most twice eden's size of short-lived arrays: a young collection starts when eden is full
        long budget = 2 * Math.max(eden.getUsage().getCommitted(), 1 << 20);
        for (long filled = 0; count() == before && filled < budget; filled += 64 * 1024) sink = new byte[64 * 1024];
        sink = null;
        return count() != before;
    }

    private static long count() {
        long n = 0;
        for (GarbageCollectorMXBean b : young) n += Math.max(0, b.getCollectionCount());
        return n;
    }

    /** For before/after comparisons in one JVM. */
    static void setEnabled(boolean on) { enabled = on; }
}
