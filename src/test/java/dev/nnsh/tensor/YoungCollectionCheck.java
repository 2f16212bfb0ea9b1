package dev.nnsh.tensor;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * issue 11 (shell): run by {@link YoungCollectionTest} in a JVM of its own (Serial collector, small eden, as
 * script mode's): a dead pooled buffer's next request. Prints {@code available=… sameBuffer=… full=N young=N}
 * (the collections of each kind that request caused).
 */
public final class YoungCollectionCheck {
    private YoungCollectionCheck() {}

    public static void main(String[] args) {
        long[] shape = {3, 1024, 256}; // 3 MiB: pooled, far below the full collection's 64 MiB threshold
        // ND4J's start-up first (its objects would push the test's out of the young generation), then a full collection
        NativeBuffers.release(Tensor.of(NativeBuffers.uninitialized(DataType.FLOAT, 256, 1024)), "the check"); // 1 MiB: no 3 MiB piece fits
        System.gc();
        long address = NativeBuffers.uninitialized(DataType.FLOAT, shape).data().address(); // dead at once
        long full0 = count("MarkSweepCompact"), young0 = count("Copy");
        long again = NativeBuffers.uninitialized(DataType.FLOAT, shape).data().address();
        System.out.println("available=" + YoungCollection.available() + " sameBuffer=" + (again == address)
                + " full=" + (count("MarkSweepCompact") - full0) + " young=" + (count("Copy") - young0));
    }

    private static long count(String collector) {
        long n = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (b.getName().equals(collector)) n += b.getCollectionCount();
        }
        return n;
    }
}
