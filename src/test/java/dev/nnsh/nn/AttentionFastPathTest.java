package dev.nnsh.nn;

import static dev.nnsh.nn.AttentionReference.attention;
import static dev.nnsh.nn.AttentionReference.swapFirstTwo;
import static dev.nnsh.nn.AttentionReference.toDouble;
import static dev.nnsh.nn.Reference.random;
import static dev.nnsh.nn.Reference.tensor;
import static dev.nnsh.nn.Reference.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

import dev.nnsh.ops.fast.DnnlAttention;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): eval self-attention on oneDNN (packed projection, batched q·kᵀ with the scale fused,
 * in-place softmax, heads written merged) against the double-loop reference and the Tensor-op path;
 * training, masks and asked-for weights keep the Tensor-op path. Sizes differ per test, so a newly
 * compiled attention shape shows the fast path ran.
 */
class AttentionFastPathTest {
    private static void assertNear(double[] expected, Tensor actual) {
        float[] a = values(actual);
        assertEquals(expected.length, a.length, "length");
        double scale = 1e-3;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - expected[i]) <= 2e-5 * scale)) fail("element " + i + ": expected " + expected[i] + ", got " + a[i]);
        }
    }

    @Test void sequenceFirstSelfAttentionInEvalRunsOnOneDnn() {
        int e = 24, heads = 3, l = 7, n = 2;
        var mha = new MultiheadAttention(e, heads);
        var w = AttentionLayersTest.randomize(mha, 21);
        mha.eval();
        float[] x = random(22, l * n * e, 1, 0);
        int before = DnnlAttention.compiledPrimitives();
        Tensor y = mha.apply(tensor(x, l, n, e));
        assertEquals(before + 1, DnnlAttention.compiledPrimitives(), "one attention shape compiled");
        assertArrayEquals(new long[]{l, n, e}, y.shape());
        double[] d = toDouble(x);
        assertNear(attention(d, d, d, l, l, n, w, null, null, false).output(), y);
        DnnlAttention.setEnabled(false);
        try {
            assertNear(attention(d, d, d, l, l, n, w, null, null, false).output(), mha.apply(tensor(x, l, n, e)));
        } finally {
            DnnlAttention.setEnabled(true);
        }
        assertEquals(before + 1, DnnlAttention.compiledPrimitives(), "the path off compiles nothing");
    }

    @Test void batchFirstWithoutBiasAtAVitLikeShape() {
        int e = 64, heads = 4, l = 17, n = 3;
        var mha = new MultiheadAttention(e, heads).batchFirst(true).bias(false);
        var w = AttentionLayersTest.randomize(mha, 31);
        mha.eval();
        float[] x = random(32, n * l * e, 1, 0);
        int before = DnnlAttention.compiledPrimitives();
        Tensor y = mha.apply(tensor(x, n, l, e));
        assertEquals(before + 1, DnnlAttention.compiledPrimitives());
        assertArrayEquals(new long[]{n, l, e}, y.shape());
        double[] seqFirst = swapFirstTwo(toDouble(x), n, l, e);
        double[] expected = swapFirstTwo(attention(seqFirst, seqFirst, seqFirst, l, l, n, w, null, null, false).output(), l, n, e);
        assertNear(expected, y);
        assertNear(expected, mha.apply(tensor(x, n, l, e)));
    }

    @Test void trainingMasksAndWeightsKeepTheTensorPath() {
        int e = 12, heads = 2, l = 5, n = 2;
        var mha = new MultiheadAttention(e, heads);
        var w = AttentionLayersTest.randomize(mha, 41);
        float[] x = random(42, l * n * e, 1, 0);
        double[] d = toDouble(x);
        int before = DnnlAttention.compiledPrimitives();
        assertNear(attention(d, d, d, l, l, n, w, null, null, false).output(), mha.apply(tensor(x, l, n, e)));
        mha.eval();
        Tensor t = tensor(x, l, n, e);
        var out = mha.attend(t, t, t);
        assertNear(attention(d, d, d, l, l, n, w, null, null, false).output(), out.output());
        assertNear(meanWeights(d, l, n, w), out.weights());
        float[] other = random(43, l * n * e, 1, 0);
        double[] o = toDouble(other);
        assertNear(attention(d, o, o, l, l, n, w, null, null, false).output(), mha.apply(t, tensor(other, l, n, e), tensor(other, l, n, e)));
        assertEquals(before, DnnlAttention.compiledPrimitives(), "none of these ran on the attention fast path");
    }

    private static double[] meanWeights(double[] d, int l, int n, AttentionReference.Weights w) {
        return AttentionReference.meanOverHeads(attention(d, d, d, l, l, n, w, null, null, false).weights(), n, w.heads(), l * l);
    }

    private static float[] slowPath(java.util.function.Supplier<Tensor> pass) {
        DnnlAttention.setEnabled(false);
        dev.nnsh.ops.fast.DnnlLinear.setEnabled(false);
        try {
            return values(pass.get());
        } finally {
            DnnlAttention.setEnabled(true);
            dev.nnsh.ops.fast.DnnlLinear.setEnabled(true);
        }
    }

    private static void assertNear(float[] expected, Tensor actual) {
        double[] e = new double[expected.length];
        for (int i = 0; i < e.length; i++) e[i] = expected[i];
        assertNear(e, actual);
    }

    @Test void transformerEncoderLayerInEvalEqualsTheUnfusedPath() {
        for (String act : new String[]{"relu", "gelu"}) {
            for (boolean normFirst : new boolean[]{false, true}) {
                Tensor.manualSeed(act.length() + (normFirst ? 10 : 0));
                var layer = new TransformerEncoderLayer(32, 4, 48).activation(act).normFirst(normFirst).batchFirst(true);
                layer.eval();
                Tensor x = Tensor.randn(3, 9, 32);
                int before = DnnlAttention.compiledPrimitives();
                Tensor y = layer.apply(x);
                assertEquals(before + (act.equals("relu") && !normFirst ? 1 : 0), DnnlAttention.compiledPrimitives(), "attention on oneDNN");
                assertNear(slowPath(() -> layer.apply(x)), y);
            }
        }
    }
}
