package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** narrow and chunk as PyTorch defines them (the zoo's stopgap until the tensorapi branch's versions merge). */
class ZooStopgapOpsTest {
    private static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    @Test void narrowTakesLengthElementsFromStart() {
        Tensor x = Tensor.arange(12).to(DType.FLOAT32).reshape(3, 4);
        Tensor n = x.narrow(1, 1, 2);
        assertArrayEquals(new long[]{3, 2}, n.shape());
        assertArrayEquals(new float[]{1, 2, 5, 6, 9, 10}, values(n));
        assertArrayEquals(new long[]{1, 4}, Tensor.shapeOnly(3, 4).narrow(0, -1, 1).shape());
        assertThrows(ShapeException.class, () -> x.narrow(0, 2, 2));
    }

    @Test void chunkSplitsIntoCeilSizedPiecesTheLastSmaller() {
        Tensor x = Tensor.arange(10).to(DType.FLOAT32).reshape(1, 10);
        List<Tensor> parts = x.chunk(3, 1);
        assertEquals(3, parts.size());
        assertArrayEquals(new long[]{1, 4}, parts.get(0).shape());
        assertArrayEquals(new long[]{1, 2}, parts.get(2).shape());
        assertArrayEquals(new float[]{8, 9}, values(parts.get(2)));
        assertEquals(2, Tensor.shapeOnly(2, 6, 3, 3).chunk(2, 1).size());
        assertEquals(3, Tensor.shapeOnly(1, 6).chunk(4, 1).size(), "6 in chunks of 2: three pieces, as PyTorch");
    }

    @Test void rollShiftsCyclicallyAlongEachDim() {
        Tensor x = Tensor.arange(6).to(DType.FLOAT32).reshape(2, 3);
        assertArrayEquals(new float[]{2, 0, 1, 5, 3, 4}, values(x.roll(new long[]{1}, new int[]{1})));
        assertArrayEquals(new float[]{4, 5, 3, 1, 2, 0}, values(x.roll(new long[]{-1, 1}, new int[]{-1, 0})));
        assertArrayEquals(new long[]{2, 3}, Tensor.shapeOnly(2, 3).roll(new long[]{5}, new int[]{1}).shape());
    }
}
