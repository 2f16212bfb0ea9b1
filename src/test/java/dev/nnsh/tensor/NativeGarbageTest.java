package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.ref.WeakReference;

import org.junit.jupiter.api.Test;

class NativeGarbageTest {
    @Test void allocatingMoreThanTheThresholdCollectsUnreachableTensors() {
        WeakReference<Tensor> dropped = new WeakReference<>(Tensor.zeros(4, 4));
        Tensor kept = Tensor.ones(4, 4);
        long chunk = 64L << 20;
        for (long allocated = 0; allocated <= (NativeGarbage.DEFAULT_EVERY_MIB << 20) + chunk; allocated += chunk) {
            Tensor.zeros(16, 1024, 1024); // 64 MiB, unreachable at once
            if (dropped.get() == null) break;
        }
        assertNull(dropped.get(), "an unreachable tensor survived " + NativeGarbage.DEFAULT_EVERY_MIB + " MiB of allocations");
        assertEquals(16.0, kept.sum().item(), "a reachable tensor must keep its values");
    }
}
