package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

class FactoriesTest {
    @Test void arangeWithStartStepAndDtype() {
        assertArrayEquals(new long[]{2, 5, 8}, Tensor.arange(2, 10, 3).toLongArray());
        assertArrayEquals(new long[]{5, 4, 3}, Tensor.arange(5, 2, -1).toLongArray());
        assertArrayEquals(new long[]{3, 4}, Tensor.arange(3, 5).toLongArray());
        Tensor f = Tensor.arange(0.0, 1.0, 0.25);
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new float[]{0, 0.25f, 0.5f, 0.75f}, f.toFloatArray());
        assertEquals(DType.FLOAT64, Tensor.arange(DType.FLOAT64, 0, 3, 1).dtype());
        var e = assertThrows(ShapeException.class, () -> Tensor.arange(0, 5, -1));
        assertTrue(e.getMessage().contains("inconsistent with step sign"), e.getMessage());
        assertThrows(ShapeException.class, () -> Tensor.arange(0, 5, 0));
    }

    @Test void linspaceEyeFullLikes() {
        assertArrayEquals(new float[]{0, 0.25f, 0.5f, 0.75f, 1}, Tensor.linspace(0, 1, 5).toFloatArray());
        assertArrayEquals(new float[]{-1}, Tensor.linspace(-1, 1, 1).toFloatArray());
        assertArrayEquals(new float[]{1, 0, 0, 0, 1, 0}, Tensor.eye(2, 3).toFloatArray());
        assertArrayEquals(new long[]{3, 3}, Tensor.eye(3).shape());
        Tensor full = Tensor.full(DType.INT64, 7, 2, 2);
        assertArrayEquals(new long[]{7, 7, 7, 7}, full.toLongArray());
        Tensor x = Tensor.rand(2, 3);
        assertArrayEquals(new float[6], Tensor.zerosLike(x).toFloatArray());
        assertArrayEquals(new float[]{1, 1, 1, 1, 1, 1}, Tensor.onesLike(x).toFloatArray());
        assertEquals(DType.INT64, Tensor.fullLike(full, 3).dtype());
        assertArrayEquals(new long[]{2, 3}, Tensor.randnLike(x).shape());
        assertArrayEquals(new long[]{2, 3}, Tensor.emptyLike(x).shape());
        for (float v : Tensor.randLike(x).toFloatArray()) assertTrue(v >= 0 && v < 1);
        assertTrue(Tensor.zerosLike(Tensor.shapeOnly(4)).isShapeOnly());
        long[] r = Tensor.randint(3, 6, 1000).toLongArray();
        boolean[] seen = new boolean[3];
        for (long v : r) { assertTrue(v >= 3 && v < 6, "value " + v); seen[(int) v - 3] = true; }
        assertTrue(seen[0] && seen[1] && seen[2]);
        assertThrows(ShapeException.class, () -> Tensor.randint(3, 3, 2));
    }

    @Test void meshgridIjAndXy() {
        List<Tensor> g = Tensor.meshgrid(Tensor.arange(2), Tensor.arange(3));
        assertArrayEquals(new long[]{2, 3}, g.get(0).shape());
        assertArrayEquals(new long[]{0, 0, 0, 1, 1, 1}, g.get(0).toLongArray());
        assertArrayEquals(new long[]{0, 1, 2, 0, 1, 2}, g.get(1).toLongArray());
        List<Tensor> xy = Tensor.meshgrid("xy", Tensor.arange(2), Tensor.arange(3));
        assertArrayEquals(new long[]{3, 2}, xy.get(0).shape());
        assertArrayEquals(new long[]{0, 1, 0, 1, 0, 1}, xy.get(0).toLongArray());
        assertThrows(IllegalArgumentException.class, () -> Tensor.meshgrid("ji", Tensor.arange(2)));
    }

    @Test void everyFactoryIsShapeOnlyInsideAShapeOnlyPass() {
        List<Tensor> made = ShapeOnlyMode.run(() -> List.of(Tensor.arange(5), Tensor.arange(1, 5), Tensor.zeros(3, 3),
                Tensor.ones(2), Tensor.rand(2), Tensor.randn(2), Tensor.full(1, 4), Tensor.eye(3), Tensor.linspace(0, 1, 4),
                Tensor.randint(0, 5, 3), Tensor.full(DType.INT64, 1, 2), Tensor.ones(4, 4).tril(),
                Tensor.arange(0.0, 1.0, 0.5)));
        for (Tensor t : made) assertTrue(t.isShapeOnly(), t.toString());
        assertArrayEquals(new long[]{4, 4}, made.get(11).shape());
        assertFalse(Tensor.arange(5).isShapeOnly());
        assertFalse(ShapeOnlyMode.active());
        // the same errors in both modes
        for (java.util.function.Supplier<Tensor> bad : List.<java.util.function.Supplier<Tensor>>of(() -> Tensor.zeros(2, -1),
                () -> Tensor.ones(-3), () -> Tensor.rand(-1), () -> Tensor.randn(1, -2), () -> Tensor.full(0, -1),
                () -> Tensor.rand(DType.INT64, 2), () -> Tensor.arange(3, 1, 1), () -> Tensor.eye(-1))) {
            var real = assertThrows(IllegalArgumentException.class, bad::get);
            var shapeOnly = assertThrows(IllegalArgumentException.class, () -> ShapeOnlyMode.run(bad));
            assertEquals(real.getMessage(), shapeOnly.getMessage());
        }
    }
}
