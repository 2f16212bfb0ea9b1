package dev.nnsh.tensor;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
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
        boolean done;

        Lease(DataBuffer view, ReferenceQueue<DataBuffer> queue, Key key, INDArray slab, long bytes) {
            super(view, queue);
            this.key = key;
            this.slab = slab;
            this.address = slab.data().address();
            this.bytes = bytes;
        }
    }

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
        outstandingPerKey.merge(lease.key, -1, Integer::sum);
        outstandingBytes -= lease.key.capacity();
        lease.clear();
        free.computeIfAbsent(lease.key, k -> new ArrayDeque<>()).addLast(lease.slab);
        freeOrder.addLast(new Free(lease.slab, lease.key));
        freeBytes += lease.key.capacity();
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
