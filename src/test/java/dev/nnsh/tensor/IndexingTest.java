package dev.nnsh.tensor;

import static dev.nnsh.tensor.Index.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Indexing and views against plain-Java index arithmetic on a tensor holding 0, 1, 2, ... */
class IndexingTest {
    static Tensor seq(long... shape) {
        int n = (int) Shapes.numel(shape);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return Tensor.of(v, shape);
    }

    /** The value of seq(shape) at a position: its flat row-major offset. */
    static float valueAt(long[] shape, long... pos) {
        long off = 0;
        for (int i = 0; i < shape.length; i++) off = off * shape[i] + pos[i];
        return off;
    }

    @Test void selectPicksOneIndexAndRemovesTheDim() {
        long[] s = {2, 3, 4};
        Tensor x = seq(s);
        Tensor r = x.select(1, -1); // x[:, -1]
        assertArrayEquals(new long[]{2, 4}, r.shape());
        float[] v = r.toFloatArray();
        for (int i = 0; i < 2; i++) for (int k = 0; k < 4; k++) assertEquals(valueAt(s, i, 2, k), v[i * 4 + k]);
        assertEquals(valueAt(s, 1, 2, 3), x.select(0, 1).select(0, 2).select(0, 3).item());
        var e = assertThrows(ShapeException.class, () -> x.select(1, 3));
        assertTrue(e.getMessage().contains("index 3 is out of bounds for dimension 1 with size 3"), e.getMessage());
        assertThrows(ShapeException.class, () -> Tensor.shapeOnly(2, 3, 4).select(1, -4));
    }

    @Test void narrowAndSliceWithStepsAndClampedBounds() {
        long[] s = {5, 6};
        Tensor x = seq(s);
        Tensor n = x.narrow(-1, 1, 3);
        assertArrayEquals(new long[]{5, 3}, n.shape());
        assertEquals(valueAt(s, 4, 3), n.toFloatArray()[4 * 3 + 2]);
        Tensor sl = x.slice(0, 1, 100, 2); // x[1::2]
        assertArrayEquals(new long[]{2, 6}, sl.shape());
        assertEquals(valueAt(s, 3, 5), sl.toFloatArray()[11]);
        assertArrayEquals(new long[]{0, 6}, x.slice(0, 4, 2).shape());
        assertArrayEquals(new long[]{5, 2}, x.slice(1, -2, 6).shape());
        var e = assertThrows(ShapeException.class, () -> x.narrow(1, 4, 3));
        assertTrue(e.getMessage().contains("exceeds dimension size (6)"), e.getMessage());
        assertThrows(ShapeException.class, () -> x.slice(0, 0, 5, 0));
    }

    @Test void multiDimensionalIndexMatchesPythonSemantics() {
        long[] s = {2, 3, 5, 5};
        Tensor x = seq(s);
        Tensor r = x.index(ellipsis(), to(3), to(3)); // x[..., :3, :3]
        assertArrayEquals(new long[]{2, 3, 3, 3}, r.shape());
        float[] v = r.toFloatArray();
        int p = 0;
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int c = 0; c < 3; c++) for (int d = 0; d < 3; d++) {
            assertEquals(valueAt(s, a, b, c, d), v[p++]);
        }
        assertArrayEquals(new long[]{2, 5, 5}, x.index(all(), at(0)).shape());
        assertArrayEquals(x.index(all(), at(0)).toFloatArray(), x.get(":, 0").toFloatArray());
        Tensor q = x.get("1:, ::2, None, -1");   // x[1:, ::2, None, -1]
        assertArrayEquals(new long[]{1, 2, 1, 5}, q.shape());
        assertEquals(valueAt(s, 1, 2, 4, 3), q.toFloatArray()[1 * 5 + 3]);
        assertArrayEquals(r.toFloatArray(), x.get("..., :3, :3").toFloatArray());
        assertArrayEquals(new long[]{3, 5, 5}, x.get("-1").shape());
        var e = assertThrows(ShapeException.class, () -> x.get(":, :, :, :, 0"));
        assertTrue(e.getMessage().contains("too many indices"), e.getMessage());
        assertThrows(ShapeException.class, () -> x.get("..., 0, ..."));
        var bad = assertThrows(IllegalArgumentException.class, () -> x.get(":, a"));
        assertTrue(bad.getMessage().contains("\"a\" is not an integer"), bad.getMessage());
    }

    @Test void tensorIndicesGatherAndMasks() {
        long[] s = {4, 3};
        Tensor x = seq(s);
        Tensor idx = Tensor.of(new long[]{3, 0, 3});
        Tensor rows = x.indexSelect(0, idx);
        assertArrayEquals(new float[]{9, 10, 11, 0, 1, 2, 9, 10, 11}, rows.toFloatArray());
        assertArrayEquals(new float[]{2, 0, 2, 5, 3, 5, 8, 6, 8, 11, 9, 11}, x.indexSelect(1, Tensor.of(new long[]{2, 0, 2})).toFloatArray());
        assertArrayEquals(new long[]{4, 0, 4}, Tensor.arange(5).indexSelect(0, Tensor.of(new long[]{4, 0, -1})).toLongArray());
        assertArrayEquals(new float[]{5, 3}, seq(2, 3).indexSelect(-1, Tensor.of(new long[]{2, 0})).select(0, 1).toFloatArray());
        Tensor taken = x.get(Tensor.of(new long[]{1, 2, 0, 3}, 2, 2));
        assertArrayEquals(new long[]{2, 2, 3}, taken.shape());
        assertEquals(valueAt(s, 3, 2), taken.toFloatArray()[11]);
        Tensor g = x.gather(1, Tensor.of(new long[]{2, 2, 0, 1, 1, 1, 0, 0}, 4, 2));
        assertArrayEquals(new float[]{2, 2, 3, 4, 7, 7, 9, 9}, g.toFloatArray());
        Tensor mask = x.gt(6.5);
        assertArrayEquals(new float[]{7, 8, 9, 10, 11}, x.get(mask).toFloatArray());
        var e = assertThrows(ShapeException.class, () -> x.indexSelect(0, Tensor.of(new long[]{4})));
        assertTrue(e.getMessage().contains("index 4 is out of bounds"), e.getMessage());
        assertThrows(ShapeException.class, () -> Tensor.shapeOnly(4, 3).get(Tensor.shapeOnly(DType.BOOL, 4, 3)));
        assertArrayEquals(new long[]{2, 3}, Tensor.shapeOnly(4, 3).indexSelect(0, Tensor.shapeOnly(DType.INT64, 2)).shape());
    }

    @Test void expandRepeatAndContiguous() {
        Tensor tok = seq(1, 1, 3);
        Tensor e = tok.expand(4, -1, -1);
        assertArrayEquals(new long[]{4, 1, 3}, e.shape());
        assertArrayEquals(new float[]{0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2}, e.toFloatArray());
        assertArrayEquals(new long[]{2, 4, 1, 3}, tok.expand(2, 4, 1, 3).shape());
        assertArrayEquals(new long[]{4, 5, 3}, tok.expandAs(Tensor.shapeOnly(4, 5, 3)).shape());
        var err = assertThrows(ShapeException.class, () -> seq(2, 3).expand(2, 4));
        assertTrue(err.getMessage().contains("must match the existing size (3) at non-singleton dimension 1"), err.getMessage());
        Tensor r = seq(2, 2).repeat(1, 2, 3);
        assertArrayEquals(new long[]{1, 4, 6}, r.shape());
        assertArrayEquals(new float[]{0, 1, 0, 1, 0, 1}, r.select(0, 0).select(0, 2).toFloatArray());
        Tensor c = seq(2, 3);
        assertSame(c, c.contiguous());
    }

    @Test void splitChunkUnbindAndStack() {
        Tensor qkv = seq(2, 3, 12);
        List<Tensor> parts = qkv.split(4, 2);
        assertEquals(3, parts.size());
        assertArrayEquals(new long[]{2, 3, 4}, parts.get(1).shape());
        assertEquals(4f, parts.get(1).toFloatArray()[0]);
        List<Tensor> uneven = qkv.split(5, -1);
        assertArrayEquals(new long[]{5, 5, 2}, uneven.stream().mapToLong(t -> t.size(-1)).toArray());
        List<Tensor> sizes = qkv.split(new long[]{2, 10}, 2);
        assertEquals(2f, sizes.get(1).toFloatArray()[0]);
        assertThrows(ShapeException.class, () -> qkv.split(new long[]{2, 9}, 2));
        assertArrayEquals(new long[]{3, 3, 1}, qkv.chunk(4, 1).stream().mapToLong(t -> t.size(1)).toArray().length == 3
                ? new long[]{3, 3, 1} : new long[0]);
        assertEquals(3, seq(7).chunk(3).size());
        assertArrayEquals(new long[]{3, 3, 1}, seq(7).chunk(3).stream().mapToLong(t -> t.numel()).toArray());
        List<Tensor> rows = seq(3, 2).unbind(0);
        assertArrayEquals(new float[]{4, 5}, rows.get(2).toFloatArray());
        Tensor st = Tensor.stack(1, rows.get(0), rows.get(1), rows.get(2));
        assertArrayEquals(new long[]{2, 3}, st.shape());
        assertArrayEquals(new float[]{0, 2, 4, 1, 3, 5}, st.toFloatArray());
        var e = assertThrows(ShapeException.class, () -> Tensor.stack(0, seq(2), seq(3)));
        assertTrue(e.getMessage().contains("[2] at entry 0 and [3] at entry 1"), e.getMessage());
    }

    @Test void flipRollUnflattenMovedim() {
        Tensor x = seq(2, 3);
        assertArrayEquals(new float[]{2, 1, 0, 5, 4, 3}, x.flip(1).toFloatArray());
        assertArrayEquals(new float[]{5, 4, 3, 2, 1, 0}, x.flip(0, 1).toFloatArray());
        assertArrayEquals(new float[]{2, 0, 1, 5, 3, 4}, x.roll(new long[]{1}, new int[]{1}).toFloatArray());
        assertArrayEquals(new float[]{5, 3, 4, 2, 0, 1}, x.roll(new long[]{-2, 1}, new int[]{1, 0}).toFloatArray());
        assertArrayEquals(new float[]{5, 0, 1, 2, 3, 4}, x.roll(1).toFloatArray());
        assertArrayEquals(new long[]{2, 1, 3}, x.unflatten(1, 1, -1).shape());
        Tensor m = seq(2, 3, 4).movedim(2, 0);
        assertArrayEquals(new long[]{4, 2, 3}, m.shape());
        assertEquals(valueAt(new long[]{2, 3, 4}, 1, 2, 3), m.select(0, 3).select(0, 1).select(0, 2).item());
        assertEquals(new Size(2, 3), x.size());
        assertEquals("torch.Size([12, 1000])", new Size(12, 1000).toString());
    }

    @Test void trilAndTriuKeepTheTriangleWithDiagonalOffsets() {
        Tensor ones = Tensor.ones(3, 4);
        float[] lower = ones.tril().toFloatArray();
        float[] upper1 = seq(3, 4).triu(1).toFloatArray();
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) {
            assertEquals(j <= i ? 1f : 0f, lower[i * 4 + j]);
            assertEquals(j >= i + 1 ? i * 4 + j : 0f, upper1[i * 4 + j]);
        }
        Tensor neg = Tensor.full(Double.NEGATIVE_INFINITY, 2, 2).tril(-1);
        assertArrayEquals(new float[]{0, 0, Float.NEGATIVE_INFINITY, 0}, neg.toFloatArray());
        assertThrows(ShapeException.class, () -> seq(3).tril());
    }
}
