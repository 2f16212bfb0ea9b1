package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Tensor behaviours that differed from PyTorch 1.13 (expected values are PyTorch's, noted by hand). */
class ReviewTensorFindingsTest {
    private static double[] values(Tensor t) { return t.to(DType.FLOAT64).nd().dup('c').data().asDouble(); }

    @Test void catPromotesToTheWidestTypeInsteadOfTruncating() {
        // torch.cat([torch.arange(3), torch.tensor([0.5, 1.5])]) -> tensor([0.0, 1.0, 2.0, 0.5, 1.5])
        Tensor out = Tensor.cat(0, Tensor.arange(3), Tensor.of(new float[]{0.5f, 1.5f}));
        assertEquals(DType.FLOAT32, out.dtype());
        assertArrayEquals(new double[]{0, 1, 2, 0.5, 1.5}, values(out));
        assertEquals(DType.FLOAT32, Tensor.cat(0, Tensor.shapeOnly(DType.INT64, 3), Tensor.shapeOnly(2)).dtype());
    }

    @Test void catOfZeroDimensionalTensorsSaysSo() {
        for (Tensor s : new Tensor[]{Tensor.scalar(1), Tensor.shapeOnly()}) {
            var e = assertThrows(ShapeException.class, () -> Tensor.cat(0, s, s));
            assertTrue(e.getMessage().contains("zero-dimensional"), e.getMessage());
        }
    }

    @Test void sumOfBoolAndIntegerTensorsIsInt64() {
        // torch.arange(6).view(2,3).bool().sum() -> tensor(5); int32 sums are int64 and do not overflow
        Tensor flags = Tensor.arange(6).view(2, 3).to(DType.BOOL);
        assertEquals(DType.INT64, flags.sum().dtype());
        assertEquals(5.0, flags.sum().item());
        assertArrayEquals(new double[]{2, 3}, values(flags.sum(1)));
        Tensor big = Tensor.of(new float[]{2e9f, 2e9f}).to(DType.INT32);
        assertEquals(DType.INT64, big.sum().dtype());
        assertEquals(4e9, big.sum().item());
        assertEquals(DType.INT64, big.sum(0).dtype());
        assertEquals(DType.INT64, Tensor.shapeOnly(DType.INT32, 2, 3).sum(1).dtype());
    }

    @Test void reductionsOfEmptyTensorsGiveZeroAndNan() {
        // torch.zeros(0,3).sum() -> tensor(0.), .mean() -> nan, .mean(0) -> [nan, nan, nan]
        Tensor empty = Tensor.zeros(0, 3);
        assertEquals(0.0, empty.sum().item());
        assertTrue(Double.isNaN(empty.mean().item()));
        double[] means = values(empty.mean(0));
        assertEquals(3, means.length);
        for (double m : means) assertTrue(Double.isNaN(m));
    }

    @Test void matmulWithAnEmptyInnerDimensionIsZeros() {
        // torch.zeros(2,0) @ torch.zeros(0,3) -> zeros(2, 3)
        Tensor out = Tensor.zeros(2, 0).matmul(Tensor.zeros(0, 3));
        assertArrayEquals(new long[]{2, 3}, out.shape());
        assertArrayEquals(new double[6], values(out));
    }

    @Test void argmaxOverAnEmptyDimensionNamesIt() {
        for (Tensor t : new Tensor[]{Tensor.zeros(0, 3), Tensor.shapeOnly(0, 3)}) {
            var e = assertThrows(ShapeException.class, () -> t.argmax(0));
            assertTrue(e.getMessage().contains("argmax") && e.getMessage().contains("[0, 3]"), e.getMessage());
        }
        assertArrayEquals(new long[]{0}, Tensor.zeros(0, 3).argmax(1).shape());
    }

    @Test void boolTensorPlusWholeNumberIsInt64() {
        // torch.arange(3).bool() + 1 -> tensor([1, 2, 2])
        Tensor out = Tensor.arange(3).to(DType.BOOL).add(1);
        assertEquals(DType.INT64, out.dtype());
        assertArrayEquals(new double[]{1, 2, 2}, values(out));
    }

    @Test void zeroDimensionalOperandsDoNotWidenWithinTheirCategory() {
        // PyTorch: float32 tensor + float64 0-d -> float32; int32 + int64 0-d -> int32; int64 + float64 0-d -> float64
        Tensor f32 = Tensor.of(new float[]{1, 2});
        Tensor f64scalar = Tensor.scalar(0.5).to(DType.FLOAT64);
        assertEquals(DType.FLOAT32, f32.add(f64scalar).dtype());
        assertEquals(DType.FLOAT32, f64scalar.mul(f32).dtype());
        assertEquals(DType.INT32, Tensor.arange(2).to(DType.INT32).add(Tensor.arange(1).view()).dtype());
        assertEquals(DType.FLOAT64, Tensor.arange(2).add(f64scalar).dtype());
        assertEquals(DType.FLOAT64, f64scalar.add(Tensor.scalar(1)).dtype());
        assertEquals(DType.FLOAT32, Tensor.shapeOnly(2).sub(Tensor.shapeOnly(DType.FLOAT64)).dtype());
    }

    @Test void boolTensorsPrintAsTrueAndFalse() {
        // print(torch.arange(6).view(2,3).bool())
        assertEquals("tensor([[False,  True,  True],\n        [ True,  True,  True]])",
                Tensor.arange(6).view(2, 3).to(DType.BOOL).toString());
        assertEquals("tensor(True)", Tensor.arange(2).sum().to(DType.BOOL).toString());
    }

    @Test void wholeFloatsFarApartPrintInScientificNotation() {
        // print(torch.tensor([1e4, 1., 2.])) and print(torch.tensor([1e3, 1., 2.]))
        assertEquals("tensor([1.0000e+04, 1.0000e+00, 2.0000e+00])", Tensor.of(new float[]{1e4f, 1, 2}).toString());
        assertEquals("tensor([1000.,    1.,    2.])", Tensor.of(new float[]{1e3f, 1, 2}).toString());
    }

    @Test void squeezeOfAZeroDimTensorChecksTheDimLikePyTorch() {
        Tensor zeroDim = Tensor.scalar(1);
        assertArrayEquals(new long[0], zeroDim.squeeze(0).shape());
        assertArrayEquals(new long[0], zeroDim.squeeze(-1).shape());
        var e = assertThrows(ShapeException.class, () -> zeroDim.squeeze(3));
        assertTrue(e.getMessage().contains("[-1, 0]"), e.getMessage());
    }

    @Test void randomIntegersAreRefusedWithTheDtypeNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.rand(DType.INT64, 2));
        assertTrue(e.getMessage().contains("int64") && e.getMessage().contains("Tensor.rand"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.randn(DType.INT32, 2));
    }
}
