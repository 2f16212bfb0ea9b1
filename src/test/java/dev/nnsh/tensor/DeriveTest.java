package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** {@link Tensor#derive(long[], DType, java.util.function.Function, Tensor...)} and the promotion rules on DType. */
class DeriveTest {
    @Test void anyShapeOnlyOperandMakesTheResultShapeOnlyWithoutComputing() {
        AtomicBoolean ran = new AtomicBoolean();
        Tensor out = Tensor.derive(new long[]{2, 3}, DType.FLOAT32, a -> { ran.set(true); return a[0]; },
                Tensor.rand(2, 3), null, Tensor.shapeOnly(3));
        assertTrue(out.isShapeOnly());
        assertArrayEquals(new long[]{2, 3}, out.shape());
        assertFalse(ran.get());
    }

    @Test void realOperandsAreHandedOverInOrderWithNullForAnAbsentOne() {
        Tensor x = Tensor.of(new float[]{1, 2}, 2), y = Tensor.of(new float[]{10, 20}, 2);
        Tensor out = Tensor.derive(new long[]{2}, DType.FLOAT32, a -> {
            assertNull(a[1]);
            return a[0].add(a[2]);
        }, x, null, y);
        assertEquals(11.0, out.nd().getDouble(0));
        assertEquals(22.0, out.nd().getDouble(1));
    }

    @Test void theMemoryGuardRunsBeforeTheComputation() {
        AtomicInteger calls = new AtomicInteger();
        try (var limit = MemoryGuard.assumeAvailable(1L << 30)) {
            var e = assertThrows(AllocationTooLargeException.class, () -> Tensor.derive(new long[]{1L << 20, 1L << 10},
                    DType.FLOAT32, a -> { calls.incrementAndGet(); return a[0]; }, Tensor.zeros(1)));
            assertArrayEquals(new long[]{1L << 20, 1L << 10}, e.shape());
        }
        assertEquals(0, calls.get());
    }

    @Test void theResultIsCastToTheDeclaredType() {
        Tensor out = Tensor.derive(new long[]{2}, DType.FLOAT64, a -> a[0], Tensor.of(new float[]{1, 2}, 2));
        assertEquals(DType.FLOAT64, out.dtype());
        assertEquals(DType.FLOAT64.nd4j(), out.nd().dataType());
    }

    @Test void promotionFollowsPyTorchsCategories() {
        assertEquals(DType.FLOAT32, DType.promote(DType.INT64, DType.FLOAT32));
        assertEquals(DType.FLOAT64, DType.promote(DType.FLOAT32, DType.FLOAT64));
        assertEquals(DType.INT64, DType.promote(DType.INT32, DType.INT64));
        // a 0-dim operand only wins when it is of a higher category
        assertEquals(DType.FLOAT32, DType.resultType(DType.FLOAT32, false, DType.FLOAT64, true));
        assertEquals(DType.FLOAT64, DType.resultType(DType.INT64, false, DType.FLOAT64, true));
        assertEquals(DType.INT32, DType.resultType(DType.INT32, false, DType.INT64, true));
        assertTrue(DType.BOOL.category() < DType.INT8.category() && DType.INT8.category() < DType.FLOAT16.category());
    }
}
