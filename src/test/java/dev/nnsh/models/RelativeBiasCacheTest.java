package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.nnsh.nn.F;
import dev.nnsh.nn.WindowAttentionFastPath;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): the cached relative position bias (plus shift mask) against F.embedding's gather and the
 * Tensor-op add, its rebuild when the table changes in place, and Swin's one-copy patch merging against
 * the narrow-and-concatenate path.
 */
class RelativeBiasCacheTest {
    private static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    private static Tensor gathered(Tensor table, Tensor index, int n, int heads) {
        return F.embedding(index.reshape(-1), table).reshape(n, n, heads).permute(2, 0, 1).unsqueeze(0);
    }

    @Test void biasEqualsTheEmbeddingGather() {
        Tensor.manualSeed(5);
        int w = 3, n = w * w, heads = 4;
        Tensor table = Tensor.randn((2L * w - 1) * (2L * w - 1), heads);
        Tensor index = Tensor.of(ShiftedWindowAttention.relativePositionIndex(w), n, n).to(DType.INT64);
        var cache = new RelativeBiasCache();
        Tensor bias = cache.get(table, index, n, heads, null, null);
        assertArrayEquals(new long[]{1, heads, n, n}, bias.shape());
        assertArrayEquals(values(gathered(table, index, n, heads)), values(bias));
        assertSame(bias, cache.get(table, index, n, heads, null, null), "same table, same index: reused");
    }

    @Test void maskedBiasEqualsTheTensorAdd() {
        Tensor.manualSeed(6);
        int w = 3, n = w * w, heads = 2, ph = 6, pw = 9;
        Tensor table = Tensor.randn((2L * w - 1) * (2L * w - 1), heads);
        Tensor index = Tensor.of(ShiftedWindowAttention.relativePositionIndex(w), n * n).to(DType.INT64);
        float[] mask = ShiftedWindowAttention.shiftMask(ph, pw, w, 1, 1);
        long windows = (ph / w) * (pw / w);
        Tensor expected = gathered(table, index, n, heads).add(Tensor.of(mask, windows, 1, n, n));
        Tensor actual = new RelativeBiasCache().get(table, index, n, heads, "6x9", () -> mask);
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(values(expected), values(actual));
    }

    @Test void aTableChangedInPlaceIsGatheredAgain() {
        Tensor.manualSeed(7);
        int w = 2, n = w * w, heads = 3;
        Tensor table = Tensor.randn((2L * w - 1) * (2L * w - 1), heads);
        Tensor index = Tensor.of(ShiftedWindowAttention.relativePositionIndex(w), n * n).to(DType.INT64);
        var cache = new RelativeBiasCache();
        float[] first = values(cache.get(table, index, n, heads, null, null));
        table.nd().muli(-3);
        float[] second = values(cache.get(table, index, n, heads, null, null));
        assertArrayEquals(values(gathered(table, index, n, heads)), second);
        assertTrue(first[0] != second[0] || first[1] != second[1], "the changed table is used");
    }

    @Test void anIndexOutsideTheTableIsLeftToTheCaller() {
        Tensor table = Tensor.randn(9, 2);
        Tensor index = Tensor.of(new float[]{0, 1, 2, 9}, 4).to(DType.INT64);
        assertNull(new RelativeBiasCache().get(table, index, 2, 2, null, null));
    }

    @Test void mergedPatchesEqualNarrowAndConcatenate() {
        Tensor.manualSeed(8);
        Tensor x = Tensor.randn(2, 6, 4, 5);
        Tensor fast = WindowAttentionFastPath.mergePatches(x);
        Tensor expected = SwinTransformer.patchMergingPad(x);
        assertArrayEquals(new long[]{2, 3, 2, 20}, fast.shape());
        assertArrayEquals(values(expected), values(fast));
        assertNull(WindowAttentionFastPath.mergePatches(Tensor.randn(1, 5, 4, 3)), "odd height: the padding path");
    }

    @Test void patchMergingInEvalEqualsTraining() {
        Tensor.manualSeed(9);
        var merge = new SwinTransformer.PatchMerging(6);
        Tensor x = Tensor.randn(2, 4, 6, 6);
        float[] train = values(merge.apply(x));
        merge.eval();
        float[] eval = values(merge.apply(x));
        assertArrayEquals(new long[]{2, 2, 3, 12}, merge.apply(x).shape());
        for (int i = 0; i < train.length; i++) assertTrue(Math.abs(train[i] - eval[i]) <= 1e-5, "element " + i);
    }
}
