package dev.nnsh.tensor;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.pointers.PagedPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Native buffers kept for reuse, by size class (four classes per doubling of the byte size, so a slab
 * is at most 19 % larger than what it serves; any dtype). A <em>slab</em> is a buffer the pool owns (an ND4J array the pool holds, so ND4J never frees it); an array handed out is a fresh
 * ND4J array over a non-owning buffer on the slab's memory (a <em>lease</em>). A slab goes back to the
 * free list exactly once per lease: either when {@link #giveBack} is told the lease's array is dead
 * (deterministic), or when the collector finds the non-owning buffer unreachable, which means no
 * array or view of the lease is left (a phantom reference, polled here, never ND4J's deallocator).
 * Memory that went back to the free list stays touched in the process: the next pass does not fault
 * its pages in again, whatever malloc would have done with a freed buffer.
 *
 * <p>issue 11 (shell): when no slab of a request's class is free, a free slab of a larger class may be lent
 * in pieces ({@link Parent}, "carving") rather than a new slab allocated: a network's activations of different
 * sizes then share memory, as they cannot through size classes alone. A parent is at most
 * {@code nnsh.memory.carveRatio} (default 16; {@code off} or 0: never carve) times the piece, so a piece someone
 * keeps pins at most that much; it goes back to the free list whole once every piece has come back.
 */
final class BufferPool {
    /** A size class: slabs of {@code capacity} bytes serve every request of more than the class below's. */
    private record Key(int index, long capacity) {
        static Key of(long bytes) {
            int index = (int) Math.ceil(4 * Math.log(bytes) / Math.log(2) - 1e-9);
            long capacity;
            while ((capacity = pageRounded((long) Math.ceil(Math.pow(2, index / 4.0)))) < bytes) index++;
            return new Key(index, capacity);
        }

        private static long pageRounded(long bytes) { return (bytes + 4095) & ~4095L; }
    }

    /** One handing-out of a slab; {@code done} makes giving back idempotent (deterministic or by the collector). */
    private static final class Lease extends PhantomReference<DataBuffer> {
        final Key key;
        final INDArray slab;
        final long address;
        final long bytes;
        final Parent parent; // issue 11 (shell): the slab this lease is a piece of, or null (a whole slab)
        boolean done;

        Lease(DataBuffer view, ReferenceQueue<DataBuffer> queue, Key key, INDArray slab, long bytes) {
            this(view, queue, key, slab, slab.data().address(), bytes, null);
        }

        Lease(DataBuffer view, ReferenceQueue<DataBuffer> queue, Key key, INDArray slab, long address, long bytes, Parent parent) {
            super(view, queue);
            this.key = key;
            this.slab = slab;
            this.address = address;
            this.bytes = bytes;
            this.parent = parent;
        }
    }

    /** issue 11 (shell): a slab lent in pieces, one after the other from its start; whole again when none is out. */
    private static final class Parent {
        final Key key;
        final INDArray slab;
        final long base;
        long used;
        int pieces;

        Parent(Key key, INDArray slab) {
            this.key = key;
            this.slab = slab;
            this.base = slab.data().address();
        }

        long room() { return key.capacity() - used; }
    }

    private static final String CARVE_SETTING = System.getProperty("nnsh.memory.carveRatio", "16");
    static final long CARVE_RATIO = CARVE_SETTING.equals("off") ? 0 : Long.parseLong(CARVE_SETTING);
    private long carveRatio = CARVE_RATIO;
    private final List<Parent> carving = new ArrayList<>(); // parents with pieces out
    long carved;

    private final ReferenceQueue<DataBuffer> queue = new ReferenceQueue<>();
    private final Map<Key, ArrayDeque<INDArray>> free = new HashMap<>();
    private record Free(INDArray slab, Key key) {}
    private final ArrayDeque<Free> freeOrder = new ArrayDeque<>(); // oldest first, for trimming
    private final Map<Long, Lease> outstanding = new HashMap<>();       // by slab address
    private final Map<Key, Integer> outstandingPerKey = new HashMap<>();
    private long freeBytes;
    private long outstandingBytes;
    long hits, misses, released, reclaimed;

    /** A lease from the free list, or null when none of this size is free. */
    synchronized INDArray take(DataType type, long[] shape, long length, long bytes) {
        drain();
        Key key = Key.of(bytes);
        ArrayDeque<INDArray> slabs = free.get(key);
        INDArray slab = slabs == null ? null : slabs.pollLast();
        if (slab == null) return null;
        freeOrder.removeIf(f -> f.slab() == slab);
        freeBytes -= key.capacity();
        hits++;
        return lease(key, slab, type, shape, length, bytes);
    }

    /**
     * issue 11 (shell): a lease on a piece of a larger slab: the parent already lent in pieces with the least room
     * that fits, else the smallest free slab that fits; null when none is at most the carve ratio times the request.
     */
    synchronized INDArray carve(DataType type, long[] shape, long length, long bytes) {
        if (carveRatio <= 0) return null;
        drain();
        long need = Key.pageRounded(bytes), most = bytes * carveRatio;
        Parent best = null;
        for (Parent p : carving) {
            if (p.room() >= need && p.key.capacity() <= most && (best == null || p.room() < best.room())) best = p;
        }
        if (best == null) {
            Key fit = null;
            for (Map.Entry<Key, ArrayDeque<INDArray>> e : free.entrySet()) {
                long c = e.getKey().capacity();
                if (!e.getValue().isEmpty() && c >= need && c <= most && (fit == null || c < fit.capacity())) fit = e.getKey();
            }
            if (fit == null) return null;
            INDArray slab = free.get(fit).pollLast();
            freeOrder.removeIf(f -> f.slab() == slab);
            freeBytes -= fit.capacity();
            best = new Parent(fit, slab);
            carving.add(best);
            // out as a whole for its class: a request of that class asks the collector to bring the pieces back
            outstandingPerKey.merge(fit, 1, Integer::sum);
            outstandingBytes += fit.capacity();
        }
        long address = best.base + best.used;
        best.used += need;
        best.pieces++;
        carved++;
        DataBuffer view = Nd4j.createBuffer(new PagedPointer(address), length, type);
        Lease lease = new Lease(view, queue, Key.of(bytes), best.slab, address, bytes, best);
        outstanding.put(address, lease);
        outstandingPerKey.merge(lease.key, 1, Integer::sum); // a request of its class may find it dead
        return Nd4j.create(view, shape, Nd4j.getStrides(shape, 'c'), 0, 'c', type);
    }

    /** Sets the carve ratio (0: never carve), for before/after comparisons in one JVM. */
    synchronized void setCarveRatio(long ratio) { carveRatio = ratio; }

    /** A lease on a newly allocated slab. */
    synchronized INDArray allocate(DataType type, long[] shape, long length, long bytes) {
        misses++;
        Key key = Key.of(bytes);
        INDArray slab = Nd4j.createUninitialized(DataType.FLOAT, key.capacity() / 4);
        return lease(key, slab, type, shape, length, bytes);
    }

    private INDArray lease(Key key, INDArray slab, DataType type, long[] shape, long length, long bytes) {
        DataBuffer view = Nd4j.createBuffer(slab.data().addressPointer(), length, type);
        Lease lease = new Lease(view, queue, key, slab, bytes);
        outstanding.put(lease.address, lease);
        outstandingPerKey.merge(key, 1, Integer::sum);
        outstandingBytes += key.capacity();
        return Nd4j.create(view, shape, Nd4j.getStrides(shape, 'c'), 0, 'c', type);
    }

    /** Whether a lease of this size class is handed out: a collection might bring one back. */
    synchronized boolean anyOutstanding(long bytes) {
        return outstandingPerKey.getOrDefault(Key.of(bytes), 0) > 0;
    }

    /**
     * The lease whose whole memory {@code array} covers, or null (not pooled, a part of a lease, or
     * already given back).
     */
    synchronized Object leaseOf(INDArray array) {
        DataBuffer data = array.data();
        Lease lease = outstanding.get(data.address());
        if (lease == null || lease.done) return null;
        long bytes = array.length() * data.getElementSize();
        return bytes == lease.bytes ? lease : null;
    }

    /** Puts a lease's slab back on the free list (the caller has established that nothing uses it). */
    synchronized void giveBack(Object handle) {
        if (finish((Lease) handle, maxFree)) released++;
    }

    private boolean finish(Lease lease, long maxFreeBytes) {
        if (lease.done) return false;
        lease.done = true;
        outstanding.remove(lease.address);
        lease.clear();
        outstandingPerKey.merge(lease.key, -1, Integer::sum);
        if (lease.parent != null) return pieceBack(lease.parent, maxFreeBytes); // issue 11 (shell)
        outstandingBytes -= lease.key.capacity();
        free.computeIfAbsent(lease.key, k -> new ArrayDeque<>()).addLast(lease.slab);
        freeOrder.addLast(new Free(lease.slab, lease.key));
        freeBytes += lease.key.capacity();
        trimTo(maxFreeBytes);
        return true;
    }

    /** issue 11 (shell): a piece came back; its parent goes back to the free list whole when it was the last one. */
    private boolean pieceBack(Parent parent, long maxFreeBytes) {
        if (--parent.pieces > 0) return true;
        carving.remove(parent);
        outstandingPerKey.merge(parent.key, -1, Integer::sum);
        outstandingBytes -= parent.key.capacity();
        parent.used = 0;
        free.computeIfAbsent(parent.key, k -> new ArrayDeque<>()).addLast(parent.slab);
        freeOrder.addLast(new Free(parent.slab, parent.key));
        freeBytes += parent.key.capacity();
        trimTo(maxFreeBytes);
        return true;
    }

    private long maxFree = Long.MAX_VALUE;

    synchronized void setMaxFreeBytes(long max) {
        maxFree = max;
        trimTo(max);
    }

    /** Frees the oldest free slabs (really: back to malloc) until at most {@code max} bytes are kept. */
    synchronized void trimTo(long max) {
        while (freeBytes > max && !freeOrder.isEmpty()) {
            Free oldest = freeOrder.pollFirst();
            free.get(oldest.key()).removeIf(s -> s == oldest.slab()); // identity: INDArray.equals compares values
            freeBytes -= oldest.key().capacity();
            oldest.slab().close();
        }
    }

    /** Slabs whose leases the collector found unreachable go back to the free list; returns how many. */
    synchronized int drain() {
        int n = 0;
        for (Reference<? extends DataBuffer> r; (r = queue.poll()) != null; ) {
            if (finish((Lease) r, maxFree)) {
                reclaimed++;
                n++;
            }
        }
        return n;
    }

    /**
     * Runs {@code collection} and gives back every slab whose lease it found unreachable. Not through the
     * queue: the reference handler thread enqueues what a collection found some time after the collection
     * returns (on a loaded machine, after a wait of 5 ms had given up once). The collector clears a dead
     * lease's referent during the collection itself, so asking each outstanding lease needs no wait.
     */
    int collectAndDrain(Runnable collection) {
        collection.run();
        int n = 0;
        synchronized (this) {
            for (Lease lease : List.copyOf(outstanding.values())) {
                if (lease.refersTo(null) && finish(lease, maxFree)) {
                    reclaimed++;
                    n++;
                }
            }
        }
        return n + drain();
    }

    synchronized long freeBytes() { return freeBytes; }

    synchronized long outstandingBytes() { return outstandingBytes; }
}
