package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MemoryGuardTest {
    @Test void impossibleAllocationFailsBeforeNd4jWithShapeAndBytes() {
        var e = assertThrows(AllocationTooLargeException.class, () -> Tensor.rand(100000, 1, 224, 224));
        assertEquals(20_070_400_000L, e.bytesNeeded());
        assertTrue(e.bytesAvailable() < e.bytesNeeded());
        assertTrue(e.getMessage().contains("[100000, 1, 224, 224]"), e.getMessage());
        assertTrue(e.getMessage().contains("20,070,400,000 bytes"), e.getMessage());
    }

    @Test void oversizedOperationResultFailsBeforeNd4j() {
        Tensor column = Tensor.zeros(100000, 1), row = Tensor.zeros(1, 100000);
        var e = assertThrows(AllocationTooLargeException.class, () -> column.mul(row));
        assertTrue(e.getMessage().contains("[100000, 100000]"), e.getMessage());
        assertArrayEquals(new long[]{100000, 100000}, Tensor.shapeOnly(100000, 1).mul(Tensor.shapeOnly(1, 100000)).shape());
    }

    @Test void byteCountsSaturateInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE, MemoryGuard.bytesFor(DType.FLOAT32, new long[]{1L << 40, 1L << 40}));
        assertEquals(48, MemoryGuard.bytesFor(DType.FLOAT64, new long[]{2, 3}));
    }
}
