package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The guard's checks, with the available memory assumed (8 GiB), so they pass alike on any machine. */
class MemoryGuardTest {
    private static final long ASSUMED = 8L << 30;

    @Test void impossibleAllocationFailsBeforeNd4jWithShapeAndBytes() {
        AllocationTooLargeException e;
        try (var limit = MemoryGuard.assumeAvailable(ASSUMED)) {
            e = assertThrows(AllocationTooLargeException.class, () -> Tensor.rand(100000, 1, 224, 224));
        }
        assertEquals(20_070_400_000L, e.bytesNeeded());
        assertEquals(ASSUMED, e.bytesAvailable());
        assertTrue(e.getMessage().contains("[100000, 1, 224, 224]"), e.getMessage());
        assertTrue(e.getMessage().contains("20,070,400,000 bytes"), e.getMessage());
    }

    @Test void oversizedOperationResultFailsBeforeNd4j() {
        Tensor column = Tensor.zeros(100000, 1), row = Tensor.zeros(1, 100000);
        AllocationTooLargeException e;
        try (var limit = MemoryGuard.assumeAvailable(ASSUMED)) {
            e = assertThrows(AllocationTooLargeException.class, () -> column.mul(row));
        }
        assertTrue(e.getMessage().contains("[100000, 100000]"), e.getMessage());
        assertArrayEquals(new long[]{100000, 100000}, Tensor.shapeOnly(100000, 1).mul(Tensor.shapeOnly(1, 100000)).shape());
    }

    @Test void theAssumptionIsScopedAndNests() {
        long machine = MemoryGuard.availableBytes();
        try (var outer = MemoryGuard.assumeAvailable(1000)) {
            try (var inner = MemoryGuard.assumeAvailable(5)) {
                assertEquals(5, MemoryGuard.availableBytes());
            }
            assertEquals(1000, MemoryGuard.availableBytes());
        }
        assertNotEquals(1000, MemoryGuard.availableBytes());
        assertTrue(MemoryGuard.availableBytes() > 0 || machine == 0);
    }

    @Test void byteCountsSaturateInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE, MemoryGuard.bytesFor(DType.FLOAT32, new long[]{1L << 40, 1L << 40}));
        assertEquals(48, MemoryGuard.bytesFor(DType.FLOAT64, new long[]{2, 3}));
    }
}
