package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.AllocationTooLargeException;
import dev.nnsh.tensor.MemoryGuard;
import dev.nnsh.tensor.Tensor;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

class LazyAllocationTest {
    private static final long MIB = 1 << 20;

    private static long usedHeap() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    /** Ten billion parameters: 40 GB of float32, more than this machine has. */
    static class Huge extends Module {
        Linear fc = new Linear(100_000, 100_000);
        LayerNorm norm = new LayerNorm(100_000);
        Embedding embed = new Embedding(100_000, 1000);
    }

    @Test void buildingATenBillionParameterNetworkAllocatesNothing() {
        Tensor.zeros(1); // ND4J's own one-time setup is not what is measured
        long heapBefore = usedHeap();
        long nativeBefore = Pointer.physicalBytes();
        var net = new Huge();
        long heapGrowth = usedHeap() - heapBefore;
        long nativeGrowth = Pointer.physicalBytes() - nativeBefore;

        assertEquals(10_000_100_000L + 200_000L + 100_000_000L, net.numParams());
        assertTrue(net.parameters().stream().noneMatch(Parameter::isMaterialized));
        assertTrue(heapGrowth < 16 * MIB, "heap grew by " + heapGrowth + " bytes");
        assertTrue(nativeGrowth < 64 * MIB, "resident memory grew by " + nativeGrowth + " bytes");
    }

    @Test void shapeOnlyForwardWorksAndMaterialisesNothing() {
        var net = new Huge();
        Tensor out = net.norm.apply(net.fc.apply(Tensor.shapeOnly(64, 100_000)));
        assertArrayEquals(new long[]{64, 100_000}, out.shape());
        assertArrayEquals(new long[]{64, 7, 1000}, net.embed.apply(Tensor.shapeOnly(dev.nnsh.tensor.DType.INT64, 64, 7)).shape());
        assertTrue(net.parameters().stream().noneMatch(Parameter::isMaterialized));
    }

    /** The guard's decisions below assume 8 GiB free, so they are the same on a 16, 32 or 128 GB machine. */
    private static final long ASSUMED = 8L << 30;

    @Test void materialisingIsRefusedByTheMemoryGuardNotACrash() {
        try (var limit = MemoryGuard.assumeAvailable(ASSUMED)) {
            refusedNotCrashed();
        }
    }

    private void refusedNotCrashed() {
        long needed = 100_000L * 100_000L * 4;
        var fc = new Linear(100_000, 100_000);
        var e = assertThrows(AllocationTooLargeException.class, () -> fc.ownParameters().get("weight").data());
        assertArrayEquals(new long[]{100_000, 100_000}, e.shape());
        assertEquals(needed, e.bytesNeeded());
        assertTrue(e.getMessage().startsWith("cannot allocate a tensor of shape [100000, 100000] (float32): it needs"),
                e.getMessage());
        assertTrue(e.getMessage().contains("40,000,000,000 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("of memory are available"), e.getMessage());

        var viaForward = assertThrows(ModuleException.class, () -> fc.apply(Tensor.rand(1, 100_000)));
        assertInstanceOf(AllocationTooLargeException.class, viaForward.getCause());
        assertFalse(fc.ownParameters().get("weight").isMaterialized());
    }

    @Test void aTwentyGigabyteRandomTensorIsRefused() {
        long needed = 100_000L * 224 * 224 * 4;
        AllocationTooLargeException e;
        try (var limit = MemoryGuard.assumeAvailable(ASSUMED)) {
            e = assertThrows(AllocationTooLargeException.class, () -> Tensor.rand(100_000, 1, 224, 224));
        }
        assertEquals(needed, e.bytesNeeded());
        assertEquals(ASSUMED, e.bytesAvailable());
        assertTrue(e.getMessage().contains("[100000, 1, 224, 224]"), e.getMessage());
    }
}
