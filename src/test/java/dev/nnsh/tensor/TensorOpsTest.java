package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TensorOpsTest {
    private static Tensor seq(long... shape) {
        int n = (int) Shapes.numel(shape);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return Tensor.of(v, shape);
    }

    private static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    @Test void viewInfersOneMinusOneDimension() {
        Tensor t = seq(2, 3, 4);
        assertArrayEquals(new long[]{6, 4}, t.view(-1, 4).shape());
        assertArrayEquals(new long[]{2, 12}, Tensor.shapeOnly(2, 3, 4).reshape(2, -1).shape());
        assertArrayEquals(values(t), values(t.view(4, -1)));
    }

    @Test void viewWhoseSizesDoNotMultiplyUpNamesBothShapes() {
        for (Tensor t : new Tensor[]{seq(2, 3, 4), Tensor.shapeOnly(2, 3, 4)}) {
            var e = assertThrows(ShapeException.class, () -> t.view(5, -1));
            assertTrue(e.getMessage().contains("[5, -1]") && e.getMessage().contains("[2, 3, 4]"), e.getMessage());
            var e2 = assertThrows(ShapeException.class, () -> t.view(-1, -1));
            assertTrue(e2.getMessage().contains("only one dimension can be inferred"), e2.getMessage());
        }
    }

    @Test void flattenWithStartAndEndAndNegativeDims() {
        Tensor t = Tensor.shapeOnly(2, 3, 4, 5);
        assertArrayEquals(new long[]{120}, t.flatten().shape());
        assertArrayEquals(new long[]{2, 60}, t.flatten(1).shape());
        assertArrayEquals(new long[]{2, 12, 5}, t.flatten(1, 2).shape());
        assertArrayEquals(new long[]{2, 3, 20}, t.flatten(-2).shape());
        assertThrows(ShapeException.class, () -> t.flatten(4));
    }

    @Test void transposeAndPermuteMoveValues() {
        Tensor t = seq(2, 3);
        Tensor tt = t.transpose(0, -1);
        assertArrayEquals(new long[]{3, 2}, tt.shape());
        assertArrayEquals(new float[]{0, 3, 1, 4, 2, 5}, values(tt));
        Tensor p = seq(2, 3, 4).permute(2, 0, 1);
        assertArrayEquals(new long[]{4, 2, 3}, p.shape());
        assertEquals(1.0, p.nd().getDouble(1, 0, 0));
        assertEquals(4.0, p.nd().getDouble(0, 0, 1));
        assertThrows(ShapeException.class, () -> seq(2, 3).permute(0, 0));
    }

    @Test void squeezeAndUnsqueeze() {
        Tensor t = Tensor.shapeOnly(1, 3, 1, 4);
        assertArrayEquals(new long[]{3, 4}, t.squeeze().shape());
        assertArrayEquals(new long[]{3, 1, 4}, t.squeeze(0).shape());
        assertArrayEquals(new long[]{1, 3, 1, 4}, t.squeeze(1).shape());
        assertArrayEquals(new long[]{1, 3, 1, 4, 1}, t.unsqueeze(-1).shape());
        assertArrayEquals(new long[]{1, 1, 3, 4}, seq(1, 3, 4).unsqueeze(1).shape());
    }

    @Test void broadcastingArithmeticFollowsPyTorch() {
        Tensor a = seq(2, 3);            // [[0,1,2],[3,4,5]]
        Tensor b = Tensor.of(new float[]{10, 20, 30}, 3);
        assertArrayEquals(new float[]{10, 21, 32, 13, 24, 35}, values(a.add(b)));
        Tensor col = Tensor.of(new float[]{1, 2}, 2, 1);
        assertArrayEquals(new float[]{0, 1, 2, 6, 8, 10}, values(a.mul(col)));
        assertArrayEquals(new float[]{-1, 0, 1, 1, 2, 3}, values(a.sub(col)));
        assertArrayEquals(new float[]{0, 0.5f, 1, 1.5f, 2, 2.5f}, values(a.div(2)), 1e-6f);
        assertArrayEquals(new long[]{4, 2, 3}, Tensor.shapeOnly(4, 1, 3).add(a).shape());
        var e = assertThrows(ShapeException.class, () -> a.add(Tensor.shapeOnly(4)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
    }

    @Test void integerTensorsPromoteLikePyTorch() {
        Tensor idx = Tensor.arange(4);
        assertEquals(DType.INT64, idx.dtype());
        assertEquals(DType.INT64, idx.add(2).dtype());
        assertEquals(DType.FLOAT32, idx.mul(0.5).dtype());
        assertEquals(DType.FLOAT32, idx.div(2).dtype());
        assertEquals(1.5, idx.div(2).nd().getDouble(3), 1e-9);
        assertEquals(DType.FLOAT32, idx.add(seq(4)).dtype());
    }

    @Test void matmulCoversVectorsMatricesAndBatches() {
        Tensor a = seq(2, 3), b = seq(3, 2);
        Tensor c = a.matmul(b);
        assertArrayEquals(new float[]{10, 13, 28, 40}, values(c));
        assertArrayEquals(new long[]{2}, a.matmul(seq(3)).shape());
        assertArrayEquals(new long[]{2}, seq(3).matmul(b).shape());
        assertArrayEquals(new long[]{}, seq(3).matmul(seq(3)).shape());
        assertEquals(5.0, seq(3).matmul(seq(3)).item(), 1e-6);
        Tensor batched = seq(4, 2, 3).matmul(seq(3, 5));
        assertArrayEquals(new long[]{4, 2, 5}, batched.shape());
        assertEquals(values(seq(4, 2, 3).view(8, 3).matmul(seq(3, 5)).view(4, 2, 5))[17], values(batched)[17], 1e-4);
        assertArrayEquals(new long[]{7, 4, 2, 5}, Tensor.shapeOnly(7, 1, 2, 3).matmul(Tensor.shapeOnly(4, 3, 5)).shape());
        var e = assertThrows(ShapeException.class, () -> a.matmul(a));
        assertTrue(e.getMessage().contains("2x3 and 2x3"), e.getMessage());
    }

    @Test void activationsAndSoftmax() {
        Tensor x = Tensor.of(new float[]{-1, 0, 2}, 3);
        assertArrayEquals(new float[]{0, 0, 2}, values(x.relu()));
        assertEquals(1 / (1 + Math.exp(1)), x.sigmoid().nd().getDouble(0), 1e-6);
        assertEquals(Math.tanh(2), x.tanh().nd().getDouble(2), 1e-6);
        Tensor s = seq(2, 3).softmax(-1);
        double denom = 1 + Math.E + Math.exp(2);
        assertEquals(Math.exp(2) / denom, s.nd().getDouble(1, 2), 1e-6);
        assertEquals(1.0, s.sum(1).nd().getDouble(0), 1e-6);
        Tensor ls = seq(2, 3).logSoftmax(0);
        assertEquals(-Math.log(1 + Math.exp(3)), ls.nd().getDouble(0, 0), 1e-5);
    }

    @Test void reductionsAndArgmax() {
        Tensor t = seq(2, 3);
        assertEquals(15.0, t.sum().item(), 1e-6);
        assertArrayEquals(new long[]{}, t.sum().shape());
        assertArrayEquals(new float[]{3, 5, 7}, values(t.sum(0)));
        assertArrayEquals(new float[]{1, 4}, values(t.mean(-1)));
        assertEquals(2.5, t.mean().item(), 1e-6);
        Tensor am = t.argmax(1);
        assertEquals(DType.INT64, am.dtype());
        assertArrayEquals(new long[]{2}, am.shape());
        assertEquals(2, am.nd().getLong(1));
        assertArrayEquals(new long[]{2}, Tensor.shapeOnly(2, 3).argmax(1).shape());
    }

    @Test void catJoinsAlongAnyDim() {
        Tensor c = Tensor.cat(0, seq(1, 3), seq(2, 3));
        assertArrayEquals(new long[]{3, 3}, c.shape());
        assertArrayEquals(new long[]{2, 5}, Tensor.cat(-1, seq(2, 3), Tensor.shapeOnly(2, 2)).shape());
        var e = assertThrows(ShapeException.class, () -> Tensor.cat(0, seq(1, 3), seq(1, 4)));
        assertTrue(e.getMessage().contains("[1, 3]") && e.getMessage().contains("[1, 4]"), e.getMessage());
    }

    @Test void negativeDimOutOfRangeIsReported() {
        var e = assertThrows(ShapeException.class, () -> Tensor.shapeOnly(2, 3).sum(-3));
        assertTrue(e.getMessage().contains("[-2, 1]"), e.getMessage());
    }

    @Test void queriesOnRealAndShapeOnly() {
        Tensor s = Tensor.shapeOnly(DType.INT64, 1, 100);
        assertTrue(s.isShapeOnly());
        assertEquals(100, s.size(-1));
        assertEquals(2, s.dim());
        assertEquals(800, s.bytes());
        assertThrows(IllegalStateException.class, s::nd);
        assertEquals(DType.INT64, Tensor.zeros(DType.INT64, 1, 100).dtype());
        assertThrows(ShapeException.class, () -> seq(2).item());
        assertThrows(ShapeException.class, () -> Tensor.zeros(2, -1));
    }

    @Test void printsLikePyTorch() {
        assertEquals("tensor([[0., 1., 2.],\n        [3., 4., 5.]])", seq(2, 3).toString());
        assertEquals("tensor([0.5000, 1.2500])", Tensor.of(new float[]{0.5f, 1.25f}, 2).toString());
        assertEquals("tensor([0, 1, 2])", Tensor.arange(3).toString());
        assertEquals("tensor(2.5000)", Tensor.scalar(2.5).toString());
        assertEquals("tensor(..., size=(12, 1, 224, 224), shape_only=True)", Tensor.shapeOnly(12, 1, 224, 224).toString());
        String big = seq(2000).toString();
        // print(torch.arange(2000).float()): whole values over 1000 apart switch to scientific notation
        assertEquals("tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n        1.9990e+03])", big);
    }
}
