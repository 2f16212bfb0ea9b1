package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** A real input with a shape-only weight or bias goes through every functional form as shape-only (it used to throw). */
class ShapeOnlyOperandsTest {
    @Test void linearWithAShapeOnlyBias() {
        Tensor out = F.linear(Tensor.rand(2, 4), Tensor.rand(3, 4), Tensor.shapeOnly(3));
        assertTrue(out.isShapeOnly());
        assertArrayEquals(new long[]{2, 3}, out.shape());
    }

    @Test void convolutionsWithAShapeOnlyBias() {
        Tensor conv = F.conv2d(Tensor.rand(1, 2, 5, 5), Tensor.rand(4, 2, 3, 3), Tensor.shapeOnly(4));
        assertTrue(conv.isShapeOnly());
        assertArrayEquals(new long[]{1, 4, 3, 3}, conv.shape());
        Tensor transposed = F.convTranspose2d(Tensor.rand(1, 2, 5, 5), Tensor.rand(2, 4, 3, 3), Tensor.shapeOnly(4),
                new int[]{1, 1}, new int[]{0, 0}, new int[]{0, 0}, 1, new int[]{1, 1});
        assertTrue(transposed.isShapeOnly());
        assertArrayEquals(new long[]{1, 4, 7, 7}, transposed.shape());
    }

    @Test void normalisationsWithShapeOnlyAffineTensors() {
        Tensor x = Tensor.rand(2, 3, 4);
        assertTrue(F.layerNorm(x, new long[]{4}, Tensor.rand(4), Tensor.shapeOnly(4), 1e-5).isShapeOnly());
        assertTrue(F.groupNorm(x, 3, Tensor.shapeOnly(3), null, 1e-5).isShapeOnly());
        assertTrue(F.batchNorm(x, null, null, Tensor.shapeOnly(3), null, true, 0.1, 1e-5).isShapeOnly());
    }

    @Test void embeddingWithAShapeOnlyWeight() {
        Tensor out = F.embedding(Tensor.arange(3), Tensor.shapeOnly(10, 5));
        assertTrue(out.isShapeOnly());
        assertArrayEquals(new long[]{3, 5}, out.shape());
    }
}
