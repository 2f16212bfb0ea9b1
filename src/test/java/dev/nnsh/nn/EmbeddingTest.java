package dev.nnsh.nn;

import static dev.nnsh.nn.Reference.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class EmbeddingTest {
    private static final int NUM = 10, DIM = 4;
    private static final long[][] INDICES = {{3, 0, 9}, {3, 7, 1}};

    private static double[] expectedRows(float[] weight) {
        double[] out = new double[6 * DIM];
        int k = 0;
        for (long[] row : INDICES) {
            for (long index : row) {
                for (int d = 0; d < DIM; d++) out[k++] = weight[(int) index * DIM + d];
            }
        }
        return out;
    }

    private static Embedding withKnownWeight(float[] weight) {
        var emb = new Embedding(NUM, DIM);
        emb.ownParameters().get("weight").set(tensor(weight, NUM, DIM));
        return emb;
    }

    @Test void int64IndicesPickRowsAndAddTheEmbeddingDimension() {
        float[] weight = random(1, NUM * DIM, 1, 0);
        Tensor out = withKnownWeight(weight).apply(Tensor.of(Nd4j.createFromArray(INDICES)));
        assertArrayEquals(new long[]{2, 3, DIM}, out.shape());
        assertClose(expectedRows(weight), out);
    }

    @Test void int32IndicesWorkToo() {
        float[] weight = random(2, NUM * DIM, 1, 0);
        Tensor indices = Tensor.of(Nd4j.createFromArray(INDICES)).to(DType.INT32);
        assertEquals(DType.INT32, indices.dtype());
        assertClose(expectedRows(weight), withKnownWeight(weight).apply(indices));
        assertClose(expectedRows(weight), F.embedding(indices, tensor(weight, NUM, DIM)));
    }

    @Test void scalarAndShapeOnlyIndices() {
        assertArrayEquals(new long[]{DIM}, new Embedding(NUM, DIM).apply(Tensor.of(Nd4j.scalar(5L))).shape());
        var emb = new Embedding(50000, 512);
        Tensor out = emb.apply(Tensor.shapeOnly(DType.INT64, 8, 128));
        assertTrue(out.isShapeOnly());
        assertArrayEquals(new long[]{8, 128, 512}, out.shape());
        assertFalse(emb.ownParameters().get("weight").isMaterialized());
    }

    @Test void outOfRangeIndexIsAClearError() {
        var e = assertThrows(ModuleException.class,
                () -> new Embedding(NUM, DIM).apply(Tensor.of(Nd4j.createFromArray(new long[]{1, 10}))));
        assertEquals("Embedding: index 10 (at flat position 1 of the input) is out of range for num_embeddings=10;"
                + " valid indices are 0..9", e.getMessage());
        assertThrows(ModuleException.class, () -> new Embedding(NUM, DIM).apply(Tensor.of(Nd4j.createFromArray(new long[]{-1}))));
    }

    @Test void floatIndicesAreRejectedInBothKinds() {
        String expected = "Embedding: expected indices of type int64 or int32, got float32 (input of shape [2, 3])";
        assertEquals(expected, assertThrows(ModuleException.class, () -> new Embedding(NUM, DIM).apply(Tensor.zeros(2, 3))).getMessage());
        assertEquals(expected, assertThrows(ModuleException.class, () -> new Embedding(NUM, DIM).apply(Tensor.shapeOnly(2, 3))).getMessage());
    }

    @Test void defaultInitIsStandardNormalWithAZeroPaddingRow() {
        var emb = new Embedding(1000, 100).paddingIdx(-1);
        float[] w = values(emb.ownParameters().get("weight").data());
        double sum = 0, sq = 0;
        for (int i = 0; i < 999 * 100; i++) {
            sum += w[i];
            sq += w[i] * w[i];
        }
        double mean = sum / (999 * 100), std = Math.sqrt(sq / (999 * 100) - mean * mean);
        assertEquals(0, mean, 0.02);
        assertEquals(1, std, 0.02);
        for (int i = 999 * 100; i < 1000 * 100; i++) assertEquals(0f, w[i], "padding row (999) must be zero");
        assertEquals("Embedding(1000, 100, padding_idx=999)", emb.toString());
        assertEquals("Embedding(20, 300)", new Embedding(20, 300).toString());
        assertEquals("Embedding(20, 300, padding_idx=0)", new Embedding(20, 300, 0).toString());
    }

    @Test void paddingIndexOutOfRangeIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Embedding(20, 3, 20));
        assertEquals("Embedding: padding_idx must be within num_embeddings (-20..19), got 20", e.getMessage());
    }
}
