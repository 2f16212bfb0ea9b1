package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Comparisons, elementwise math, reductions, sorting and einsum against plain-Java loops. */
class ElementwiseReductionTest {
    private static final float[] V = {-2.5f, -1f, -0.5f, 0f, 0.5f, 1.5f, 2.5f, 3f};

    private static Tensor v() { return Tensor.of(V.clone(), 2, 4); }

    private static void unary(Function<Tensor, Tensor> op, DoubleUnaryOperator ref, double tol) {
        float[] got = op.apply(v()).toFloatArray();
        for (int i = 0; i < V.length; i++) {
            double want = ref.applyAsDouble(V[i]);
            if (Double.isNaN(want)) assertTrue(Float.isNaN(got[i]), "index " + i);
            else assertEquals(want, got[i], tol * Math.max(1, Math.abs(want)), "index " + i + " of " + V[i]);
        }
    }

    @Test void unaryMathMatchesJavaMath() {
        unary(Tensor::abs, Math::abs, 0);
        unary(Tensor::neg, x -> -x, 0);
        unary(Tensor::sign, Math::signum, 0);
        unary(Tensor::sqrt, Math::sqrt, 1e-6);
        unary(Tensor::rsqrt, x -> 1 / Math.sqrt(x), 1e-6);
        unary(Tensor::exp, Math::exp, 1e-6);
        unary(Tensor::log, Math::log, 1e-6);
        unary(Tensor::log1p, Math::log1p, 1e-6);
        unary(Tensor::sin, Math::sin, 1e-6);
        unary(Tensor::cos, Math::cos, 1e-6);
        unary(Tensor::floor, Math::floor, 0);
        unary(Tensor::ceil, Math::ceil, 0);
        unary(Tensor::round, Math::rint, 0); // halves to even, like PyTorch
        unary(t -> t.pow(2), x -> x * x, 1e-6);
        unary(t -> t.clamp(-1, 2), x -> Math.max(-1, Math.min(2, x)), 0);
        unary(t -> t.clampMin(0), x -> Math.max(0, x), 0);
        unary(t -> t.clampMax(0.5), x -> Math.min(0.5, x), 0);
        // erf: Abramowitz-Stegun 7.1.26 is accurate to 1.5e-7
        unary(Tensor::erf, x -> {
            double t = 1 / (1 + 0.3275911 * Math.abs(x));
            double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
            return Math.signum(x) * y;
        }, 1e-6);
        Tensor r = Tensor.of(new float[]{1, 2, 4, 8}).reciprocal();
        assertArrayEquals(new float[]{1, 0.5f, 0.25f, 0.125f}, r.toFloatArray());
        assertEquals(DType.FLOAT32, Tensor.arange(4).sqrt().dtype());
        assertEquals(DType.INT64, Tensor.arange(4).abs().dtype());
    }

    @Test void comparisonsGiveBoolAndBroadcast() {
        Tensor a = Tensor.of(new float[]{1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.of(new float[]{2, 2}, 2);
        assertEquals(DType.BOOL, a.eq(b).dtype());
        assertEquals(List.of(List.of(false, true), List.of(false, false)), a.eq(b).toList());
        assertEquals(List.of(List.of(true, false), List.of(true, true)), a.ne(b).toList());
        assertEquals(List.of(List.of(true, false), List.of(false, false)), a.lt(b).toList());
        assertEquals(List.of(List.of(true, true), List.of(false, false)), a.le(2).toList());
        assertEquals(List.of(List.of(false, false), List.of(true, true)), a.gt(2.5).toList());
        assertEquals(List.of(List.of(false, true), List.of(true, true)), a.ge(b).toList());
        Tensor nan = Tensor.of(new float[]{Float.NaN, 1, Float.POSITIVE_INFINITY});
        assertEquals(List.of(false, false, false), nan.le(Tensor.of(new float[]{Float.NaN, 0, 0})).toList());
        assertEquals(List.of(true, false, false), nan.isnan().toList());
        assertEquals(List.of(false, false, true), nan.isinf().toList());
        assertEquals(List.of(false, true, false), nan.isfinite().toList());
        Tensor p = Tensor.of(new boolean[]{true, true, false, false});
        Tensor q = Tensor.of(new boolean[]{true, false, true, false});
        assertEquals(List.of(true, false, false, false), p.logicalAnd(q).toList());
        assertEquals(List.of(true, true, true, false), p.logicalOr(q).toList());
        assertEquals(List.of(false, true, true, false), p.logicalXor(q).toList());
        assertEquals(List.of(false, false, true, true), p.logicalNot().toList());
        assertThrows(ShapeException.class, () -> a.eq(Tensor.shapeOnly(3)));
        // a lower-rank operand against an all-ones one of higher rank (ND4J alone fails on it)
        assertEquals(List.of(List.of(0L, 1L)), Tensor.arange(2).sub(Tensor.zeros(DType.INT64, 1, 1)).toList());
    }

    @Test void whereAndMaskedFillKeepInfinitiesAndBroadcast() {
        Tensor att = Tensor.of(new float[]{1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor mask = Tensor.ones(3, 3).tril().view(1, 1, 3, 3);
        Tensor filled = att.maskedFill(mask.eq(0), Double.NEGATIVE_INFINITY);
        float n = Float.NEGATIVE_INFINITY;
        assertArrayEquals(new float[]{1, n, n, 4, 5, n, 7, 8, 9}, filled.toFloatArray());
        Tensor sm = filled.softmax(-1);
        assertEquals(1f, sm.toFloatArray()[0], 1e-6);
        assertEquals(0f, sm.toFloatArray()[1]);
        Tensor w = Tensor.where(Tensor.of(new boolean[]{true, false}), Tensor.of(new float[]{1, 2, 3, 4}, 2, 2), -1.0);
        assertArrayEquals(new float[]{1, -1, 3, -1}, w.toFloatArray());
        var e = assertThrows(ShapeException.class, () -> att.maskedFill(Tensor.shapeOnly(DType.BOOL, 2, 1, 3, 3), 0));
        assertTrue(e.getMessage().contains("must broadcast to the tensor's shape"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> att.maskedFill(mask, 0));
        assertArrayEquals(new float[]{1, 2, 2, 1}, Tensor.of(new float[]{1, 3, 2, 0}).maximum(Tensor.of(new float[]{0, 2, 2, 1}))
                .minimum(Tensor.full(2, 4)).maximum(Tensor.full(1, 1)).toFloatArray());
    }

    private static Tensor seq(long... shape) { return IndexingTest.seq(shape); }

    @Test void reductionsOverSeveralDimsWithKeepdim() {
        Tensor x = seq(2, 3, 4); // value = 12a + 4b + c
        Tensor s = x.sum(new int[]{0, 2}, true);
        assertArrayEquals(new long[]{1, 3, 1}, s.shape());
        for (int b = 0; b < 3; b++) {
            double want = 0;
            for (int a = 0; a < 2; a++) for (int c = 0; c < 4; c++) want += 12 * a + 4 * b + c;
            assertEquals(want, s.toFloatArray()[b], 1e-4);
        }
        assertArrayEquals(new long[]{3}, x.mean(new int[]{-1, 0}, false).shape());
        assertEquals((12 * 0.5 + 4 * 1 + 1.5), x.mean(new int[]{0, 2}, false).toFloatArray()[1], 1e-5);
        assertArrayEquals(new long[]{2, 1, 4}, x.mean(1, true).shape());
        assertEquals(23f, x.max().item());
        assertEquals(0f, x.min().item());
        ValuesIndices m = x.max(1);
        assertArrayEquals(new float[]{8, 9, 10, 11, 20, 21, 22, 23}, m.values().toFloatArray());
        assertArrayEquals(new long[]{2, 2, 2, 2, 2, 2, 2, 2}, m.indices().toLongArray());
        assertArrayEquals(new long[]{2, 1, 4}, x.min(1, true).values().shape());
        assertArrayEquals(new float[]{3, 7, 11, 15, 19, 23}, x.amax(-1).toFloatArray());
        assertArrayEquals(new float[]{0, 12}, x.amin(new int[]{1, 2}, false).toFloatArray());
        assertEquals(0, x.argmin().item());
        assertEquals(23, x.argmax().item());
        assertArrayEquals(new long[]{1, 1}, Tensor.of(new float[]{3, 1, 2, 0, -1, 5}, 2, 3).argmin(1).toLongArray());
        assertArrayEquals(new long[]{1, 1, 0}, Tensor.of(new float[]{3, 1, 2, 0, -1, 5}, 2, 3).argmin(0).toLongArray());
        assertThrows(ShapeException.class, () -> x.sum(new int[]{1, -2}, false));
    }

    @Test void varianceStdNormProdCumsumAnyAll() {
        float[] d = {1, 2, 3, 4, 6, 8};
        Tensor x = Tensor.of(d, 2, 3);
        double mean0 = 2, var0 = (1 + 0 + 1) / 2.0;                // row [1, 2, 3], unbiased
        assertEquals(var0, x.var(1).toFloatArray()[0], 1e-6);
        double mean1 = 6, var1b = (4 + 0 + 4) / 3.0;               // row [4, 6, 8], biased
        assertEquals(var1b, x.var(new int[]{1}, 0, false).toFloatArray()[1], 1e-6);
        assertEquals(Math.sqrt(var0), x.std(1).toFloatArray()[0], 1e-6);
        double all = 0, m = 4;
        for (float f : d) all += (f - m) * (f - m);
        assertEquals(Math.sqrt(all / 5), x.std().item(), 1e-6);
        assertEquals(mean0 + mean1, 8);
        double sq = 0;
        for (float f : d) sq += f * f;
        assertEquals(Math.sqrt(sq), x.norm().item(), 1e-5);
        assertEquals(8, x.norm(Double.POSITIVE_INFINITY).item(), 0);
        assertEquals(Math.sqrt(1 + 4 + 9), x.norm(2, 1).toFloatArray()[0], 1e-5);
        assertEquals(1 + 2 + 3, x.norm(1, new int[]{1}, true).toFloatArray()[0], 1e-6);
        assertEquals(1 * 2 * 3 * 4 * 6 * 8, x.prod().item(), 0);
        assertArrayEquals(new float[]{4, 12, 24}, x.prod(0).toFloatArray());
        assertArrayEquals(new float[]{1, 3, 6, 4, 10, 18}, x.cumsum(1).toFloatArray());
        assertArrayEquals(new long[]{0, 1, 3, 6}, Tensor.arange(4).cumsum(0).toLongArray());
        assertEquals(DType.INT64, Tensor.arange(4).sum().dtype());
        Tensor b = Tensor.of(new boolean[]{true, false, false, false}, 2, 2);
        assertEquals(true, b.any().toList());
        assertEquals(false, b.all().toList());
        assertEquals(List.of(true, false), b.any(1).toList());
        assertEquals(List.of(false, false), b.all(0).toList());
        assertEquals(List.of(true, true), x.gt(0).all(1).toList());
    }

    @Test void sortTopkArgsort() {
        Tensor x = Tensor.of(new float[]{3, 1, 2, 9, 7, 8}, 2, 3);
        ValuesIndices s = x.sort(1);
        assertArrayEquals(new float[]{1, 2, 3, 7, 8, 9}, s.values().toFloatArray());
        assertArrayEquals(new long[]{1, 2, 0, 1, 2, 0}, s.indices().toLongArray());
        assertArrayEquals(new long[]{0, 0, 0, 1, 1, 1}, x.argsort(0).toLongArray());
        assertArrayEquals(new long[]{1, 1, 1, 0, 0, 0}, x.argsort(0, true).toLongArray());
        ValuesIndices t = x.topk(2);
        assertArrayEquals(new float[]{3, 2, 9, 8}, t.values().toFloatArray());
        assertArrayEquals(new long[]{0, 2, 0, 2}, t.indices().toLongArray());
        assertArrayEquals(new float[]{1, 7}, x.topk(1, 1, false, true).values().toFloatArray());
        assertThrows(ShapeException.class, () -> x.topk(4));
        assertArrayEquals(new long[]{2, 2}, Tensor.shapeOnly(2, 3).topk(2).indices().shape());
    }

    @Test void einsumMatchesLoops() {
        Tensor q = seq(2, 3, 4).div(10), k = seq(2, 5, 4).div(7);
        Tensor att = Tensor.einsum("bqd,bkd->bqk", q, k);
        assertArrayEquals(new long[]{2, 3, 5}, att.shape());
        float[] qv = q.toFloatArray(), kv = k.toFloatArray(), av = att.toFloatArray();
        for (int b = 0; b < 2; b++) for (int i = 0; i < 3; i++) for (int j = 0; j < 5; j++) {
            double want = 0;
            for (int d = 0; d < 4; d++) want += qv[b * 12 + i * 4 + d] * kv[b * 20 + j * 4 + d];
            assertEquals(want, av[b * 15 + i * 5 + j], 1e-4);
        }
        assertArrayEquals(seq(2, 3).transpose(0, 1).toFloatArray(), Tensor.einsum("ij->ji", seq(2, 3)).toFloatArray());
        assertEquals(seq(2, 3).sum().item(), Tensor.einsum("ij->", seq(2, 3)).item(), 0);
        Tensor outer = Tensor.einsum("i,j", seq(2), seq(3));
        assertArrayEquals(new float[]{0, 0, 0, 0, 1, 2}, outer.toFloatArray());
        Tensor chain = Tensor.einsum("ij,jk,kl->il", seq(2, 3), seq(3, 4), seq(4, 2));
        assertArrayEquals(seq(2, 3).matmul(seq(3, 4)).matmul(seq(4, 2)).toFloatArray(), chain.toFloatArray());
        Tensor batched = Tensor.einsum("...qd,...kd->...qk", seq(2, 2, 3, 4), seq(2, 2, 5, 4));
        assertArrayEquals(seq(2, 2, 3, 4).matmul(seq(2, 2, 5, 4).transpose(-2, -1)).toFloatArray(), batched.toFloatArray());
        assertArrayEquals(new long[]{2, 3, 4}, Tensor.einsum("...ij->...ji", seq(2, 4, 3)).shape());
        assertArrayEquals(new long[]{3}, Tensor.einsum("b...i,b...i", seq(2, 3, 4), seq(2, 3, 4)).shape()); // implicit: only "..." is kept
        var e = assertThrows(ShapeException.class, () -> Tensor.einsum("ij,jk->ik", seq(2, 3), seq(4, 2)));
        assertTrue(e.getMessage().contains("size of 'j'"), e.getMessage());
        assertArrayEquals(new long[]{2, 3, 5}, Tensor.einsum("bqd,bkd->bqk", Tensor.shapeOnly(2, 3, 4), Tensor.shapeOnly(2, 5, 4)).shape());
    }

    @Test void castsAndReaders() {
        Tensor x = Tensor.of(new float[]{1.7f, -1.7f, 0f});
        assertArrayEquals(new long[]{1, -1, 0}, x.toLong().toLongArray());
        assertEquals(DType.INT64, x.toLong().dtype());
        assertEquals(List.of(true, true, false), x.bool().toList());
        assertEquals(DType.FLOAT16, x.half().dtype());
        assertEquals(DType.FLOAT64, x.toDouble().dtype());
        assertEquals(DType.INT32, x.toInt().dtype());
        assertEquals(List.of(List.of(0L, 1L), List.of(2L, 3L)), Tensor.arange(4).view(2, 2).toList());
        assertEquals(5.0, Tensor.scalar(5).toList());
    }
}
