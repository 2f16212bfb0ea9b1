package dev.nnsh.nn;

import static dev.nnsh.nn.AttentionReference.*;
import static dev.nnsh.nn.Reference.assertClose;
import static dev.nnsh.nn.Reference.random;
import static dev.nnsh.nn.Reference.tensor;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class AttentionLayersTest {
    private static final int E = 8, HEADS = 2, L = 3, S = 4, N = 2;

    /** Random values for every parameter of m (biases too), returned as the reference's weights. */
    static Weights randomize(MultiheadAttention m, long seed) {
        int e = (int) m.embedDim();
        var own = m.ownParameters();
        float[] wq, wk, wv;
        int kdim = e, vdim = e;
        if (own.containsKey("in_proj_weight")) {
            float[] packed = random(seed, 3 * e * e, 0.4, 0);
            own.get("in_proj_weight").set(tensor(packed, 3 * e, e));
            wq = Arrays.copyOfRange(packed, 0, e * e);
            wk = Arrays.copyOfRange(packed, e * e, 2 * e * e);
            wv = Arrays.copyOfRange(packed, 2 * e * e, 3 * e * e);
        } else {
            kdim = (int) own.get("k_proj_weight").shape()[1];
            vdim = (int) own.get("v_proj_weight").shape()[1];
            wq = random(seed, e * e, 0.4, 0);
            wk = random(seed + 1, e * kdim, 0.4, 0);
            wv = random(seed + 2, e * vdim, 0.4, 0);
            own.get("q_proj_weight").set(tensor(wq, e, e));
            own.get("k_proj_weight").set(tensor(wk, e, kdim));
            own.get("v_proj_weight").set(tensor(wv, e, vdim));
        }
        float[] bq = null, bk = null, bv = null, bo = null;
        if (own.containsKey("in_proj_bias")) {
            float[] b = random(seed + 3, 3 * e, 0.3, 0.1);
            own.get("in_proj_bias").set(tensor(b, 3 * e));
            bq = Arrays.copyOfRange(b, 0, e);
            bk = Arrays.copyOfRange(b, e, 2 * e);
            bv = Arrays.copyOfRange(b, 2 * e, 3 * e);
        }
        float[] wo = random(seed + 4, e * e, 0.4, 0);
        var out = m.outProj().ownParameters();
        out.get("weight").set(tensor(wo, e, e));
        if (out.containsKey("bias")) {
            bo = random(seed + 5, e, 0.3, -0.1);
            out.get("bias").set(tensor(bo, e));
        }
        return new Weights(e, kdim, vdim, m.numHeads(), wq, wk, wv, bq, bk, bv, wo, bo);
    }

    private static Tensor boolTensor(boolean[] values, long... shape) {
        return Tensor.of(Nd4j.create(values, shape, org.nd4j.linalg.api.buffer.DataType.BOOL));
    }

    private static double[] additive(boolean[] mask) {
        double[] out = new double[mask.length];
        for (int i = 0; i < mask.length; i++) out[i] = mask[i] ? Double.NEGATIVE_INFINITY : 0;
        return out;
    }

    @Test void sequenceFirstOutputAndAveragedWeightsMatchTheEquations() {
        var mha = new MultiheadAttention(E, HEADS);
        Weights w = randomize(mha, 1);
        float[] q = random(10, L * N * E, 1, 0), k = random(11, S * N * E, 1, 0), v = random(12, S * N * E, 1, 0);
        AttentionOutput out = mha.attend(tensor(q, L, N, E), tensor(k, S, N, E), tensor(v, S, N, E));
        Result expected = attention(toDouble(q), toDouble(k), toDouble(v), L, S, N, w, null, null, false);
        assertArrayEquals(new long[]{L, N, E}, out.output().shape());
        assertClose(expected.output(), out.output());
        assertArrayEquals(new long[]{N, L, S}, out.weights().shape());
        assertClose(meanOverHeads(expected.weights(), N, HEADS, L * S), out.weights());
        assertClose(expected.output(), mha.apply(tensor(q, L, N, E), tensor(k, S, N, E), tensor(v, S, N, E)));
    }

    @Test void batchFirstWithBooleanMasks() {
        var mha = new MultiheadAttention(E, HEADS).batchFirst(true);
        Weights w = randomize(mha, 2);
        float[] q = random(20, N * L * E, 1, 0), k = random(21, N * S * E, 1, 0), v = random(22, N * S * E, 1, 0);
        boolean[] padding = {false, false, true, false, false, true, true, false};
        boolean[] causal = new boolean[L * S];
        for (int l = 0; l < L; l++) for (int s = 0; s < S; s++) causal[l * S + s] = s > l + 1;
        AttentionOutput out = mha.attend(tensor(q, N, L, E), tensor(k, N, S, E), tensor(v, N, S, E),
                boolTensor(padding, N, S), boolTensor(causal, L, S));
        Result expected = attention(swapFirstTwo(toDouble(q), N, L, E), swapFirstTwo(toDouble(k), N, S, E),
                swapFirstTwo(toDouble(v), N, S, E), L, S, N, w, padding, additive(causal), false);
        assertArrayEquals(new long[]{N, L, E}, out.output().shape());
        assertClose(swapFirstTwo(expected.output(), L, N, E), out.output());
        double[] weights = meanOverHeads(expected.weights(), N, HEADS, L * S);
        assertClose(weights, out.weights());
        assertEquals(0.0, weights[2], "the reference must see the padding mask");
        Tensor positional = mha.apply(tensor(q, N, L, E), tensor(k, N, S, E), tensor(v, N, S, E), boolTensor(padding, N, S),
                boolTensor(causal, L, S));
        assertClose(swapFirstTwo(expected.output(), L, N, E), positional);
    }

    @Test void floatMaskPerHeadAndWeightsPerHead() {
        var mha = new MultiheadAttention(E, HEADS);
        Weights w = randomize(mha, 3);
        float[] q = random(30, L * N * E, 1, 0), k = random(31, S * N * E, 1, 0), v = random(32, S * N * E, 1, 0);
        float[] mask = random(33, N * HEADS * L * S, 2, 0);
        AttentionOutput out = mha.attend(tensor(q, L, N, E), tensor(k, S, N, E), tensor(v, S, N, E), null,
                tensor(mask, N * HEADS, L, S), false);
        Result expected = attention(toDouble(q), toDouble(k), toDouble(v), L, S, N, w, null, toDouble(mask), true);
        assertClose(expected.output(), out.output());
        assertArrayEquals(new long[]{N, HEADS, L, S}, out.weights().shape());
        assertClose(expected.weights(), out.weights());
    }

    @Test void unbatchedInputWithKeyPaddingMask() {
        var mha = new MultiheadAttention(E, HEADS).batchFirst(true);
        Weights w = randomize(mha, 4);
        float[] q = random(40, L * E, 1, 0), k = random(41, S * E, 1, 0), v = random(42, S * E, 1, 0);
        boolean[] padding = {true, false, false, true};
        AttentionOutput out = mha.attend(tensor(q, L, E), tensor(k, S, E), tensor(v, S, E), boolTensor(padding, S), null);
        Result expected = attention(toDouble(q), toDouble(k), toDouble(v), L, S, 1, w, padding, null, false);
        assertArrayEquals(new long[]{L, E}, out.output().shape());
        assertClose(expected.output(), out.output());
        assertArrayEquals(new long[]{L, S}, out.weights().shape());
        assertClose(meanOverHeads(expected.weights(), 1, HEADS, L * S), out.weights());
    }

    @Test void separateProjectionsForOtherKeyAndValueSizesWithoutBias() {
        var mha = new MultiheadAttention(E, HEADS).kdim(5).vdim(3).bias(false);
        assertEquals(List.of("q_proj_weight", "k_proj_weight", "v_proj_weight", "out_proj.weight"),
                List.copyOf(mha.namedParameters().keySet()));
        Weights w = randomize(mha, 5);
        float[] q = random(50, L * N * E, 1, 0), k = random(51, S * N * 5, 1, 0), v = random(52, S * N * 3, 1, 0);
        Tensor out = mha.apply(tensor(q, L, N, E), tensor(k, S, N, 5), tensor(v, S, N, 3));
        assertClose(attention(toDouble(q), toDouble(k), toDouble(v), L, S, N, w, null, null, false).output(), out);
    }

    @Test void selfAttentionWithOneInputIsQueryKeyAndValueAlike() {
        var mha = new MultiheadAttention(E, 4);
        Weights w = randomize(mha, 6);
        float[] x = random(60, L * N * E, 1, 0);
        double[] d = toDouble(x);
        assertClose(attention(d, d, d, L, L, N, w, null, null, false).output(), mha.apply(tensor(x, L, N, E)));
    }

    @Test void dropoutActsOnTheAttentionWeightsInTrainingOnly() {
        var mha = new MultiheadAttention(E, HEADS).dropout(1.0);
        Weights w = randomize(mha, 7);
        float[] x = random(70, L * N * E, 1, 0);
        AttentionOutput trained = mha.attend(tensor(x, L, N, E), tensor(x, L, N, E), tensor(x, L, N, E));
        double[] onlyBias = new double[L * N * E];
        for (int i = 0; i < onlyBias.length; i++) onlyBias[i] = w.bo()[i % E];
        assertClose(onlyBias, trained.output());
        assertClose(new double[N * L * L], trained.weights());
        mha.eval();
        double[] d = toDouble(x);
        assertClose(attention(d, d, d, L, L, N, w, null, null, false).output(), mha.apply(tensor(x, L, N, E)));
    }

    @Test void parametersNamesShapesAndCountsArePyTorchs() {
        var mha = new MultiheadAttention(512, 8);
        assertEquals(List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"),
                List.copyOf(mha.namedParameters().keySet()));
        assertArrayEquals(new long[]{1536, 512}, mha.namedParameters().get("in_proj_weight").shape());
        assertEquals(1_050_624, mha.numParams()); // sum(p.numel() for p in nn.MultiheadAttention(512, 8).parameters())
        assertEquals(1_048_576, new MultiheadAttention(512, 8).bias(false).numParams());
        assertEquals(16 * 16 + 16 * 8 + 16 * 6 + 48 + 16 * 16 + 16, new MultiheadAttention(16, 4).kdim(8).vdim(6).numParams());
        assertEquals("MultiheadAttention(\n"
                + "  (out_proj): NonDynamicallyQuantizableLinear(in_features=512, out_features=512, bias=True)\n"
                + ")", mha.toString());
        assertEquals("MultiheadAttention(\n"
                + "  (out_proj): NonDynamicallyQuantizableLinear(in_features=16, out_features=16, bias=False)\n"
                + ")", new MultiheadAttention(16, 4).dropout(0.2).bias(false).batchFirst(true).toString());
    }

    @Test void initialisationIsXavierForTheInputProjectionAndZeroForBiases() {
        Tensor.manualSeed(3);
        var mha = new MultiheadAttention(64, 4);
        var p = mha.namedParameters();
        assertEquals(0.0, maxAbs(p.get("in_proj_bias").data()));
        assertEquals(0.0, maxAbs(p.get("out_proj.bias").data()));
        double xavier = Math.sqrt(6.0 / (64 + 3 * 64)), linear = 1 / Math.sqrt(64);
        double inMax = maxAbs(p.get("in_proj_weight").data()), outMax = maxAbs(p.get("out_proj.weight").data());
        assertTrue(inMax <= xavier && inMax > 0.9 * xavier, "in_proj_weight max |w| " + inMax + " vs bound " + xavier);
        assertTrue(outMax <= linear && outMax > 0.9 * linear, "out_proj.weight max |w| " + outMax + " vs bound " + linear);
    }

    private static double maxAbs(Tensor t) { return t.nd().amaxNumber().doubleValue(); }

    @Test void badArgumentsAndShapesAreNamed() {
        assertEquals("MultiheadAttention: embed_dim (10) must be divisible by num_heads (3)",
                assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(10, 3)).getMessage());
        var mha = new MultiheadAttention(E, HEADS);
        assertEquals("MultiheadAttention: expected query with embed_dim=8 in its last dim, got query of shape"
                + " [3, 2, 6]", assertThrows(ModuleException.class,
                        () -> mha.apply(Tensor.shapeOnly(L, N, 6), Tensor.shapeOnly(S, N, E), Tensor.shapeOnly(S, N, E))).getMessage());
        assertEquals("MultiheadAttention: expected 2-D attn_mask of shape [L, S] = [3, 4], got [4, 3]",
                assertThrows(ModuleException.class, () -> mha.attend(Tensor.zeros(L, N, E), Tensor.zeros(S, N, E),
                        Tensor.zeros(S, N, E), null, Tensor.zeros(S, L))).getMessage());
        assertEquals("MultiheadAttention: key_padding_mask must be bool (true = masked out) or floating point"
                + " (added to the scores), got int64", assertThrows(ModuleException.class, () -> mha.apply(Tensor.zeros(L, N, E),
                        Tensor.zeros(S, N, E), Tensor.zeros(S, N, E), Tensor.zeros(DType.INT64, N, S))).getMessage());
    }
}
