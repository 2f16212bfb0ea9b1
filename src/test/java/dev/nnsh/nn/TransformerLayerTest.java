package dev.nnsh.nn;

import static dev.nnsh.nn.AttentionReference.*;
import static dev.nnsh.nn.Reference.assertClose;
import static dev.nnsh.nn.Reference.random;
import static dev.nnsh.nn.Reference.tensor;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class TransformerLayerTest {
    private static final int E = 8, HEADS = 2, FF = 12, L = 3, N = 2;

    /** The layer's parameters set to random values, kept for the reference. */
    private record LayerWeights(Weights attention, float[] w1, float[] b1, float[] w2, float[] b2, float[] g1, float[] n1,
                                float[] g2, float[] n2) {}

    private static LayerWeights randomize(TransformerEncoderLayer layer, long seed) {
        Weights attention = AttentionLayersTest.randomize(layer.self_attn, seed);
        float[] w1 = random(seed + 10, FF * E, 0.4, 0), b1 = random(seed + 11, FF, 0.2, 0);
        float[] w2 = random(seed + 12, E * FF, 0.4, 0), b2 = random(seed + 13, E, 0.2, 0);
        float[] g1 = random(seed + 14, E, 0.3, 1), n1 = random(seed + 15, E, 0.2, 0);
        float[] g2 = random(seed + 16, E, 0.3, 1), n2 = random(seed + 17, E, 0.2, 0);
        set(layer.linear1, w1, b1, FF, E);
        set(layer.linear2, w2, b2, E, FF);
        set(layer.norm1, g1, n1, E);
        set(layer.norm2, g2, n2, E);
        return new LayerWeights(attention, w1, b1, w2, b2, g1, n1, g2, n2);
    }

    private static void set(Module m, float[] weight, float[] bias, long... weightShape) {
        m.ownParameters().get("weight").set(tensor(weight, weightShape));
        m.ownParameters().get("bias").set(tensor(bias, bias.length));
    }

    /** PyTorch's forward on seq-first x [L][N][E] (dropout off). */
    private static double[] encoderLayer(double[] x, LayerWeights w, boolean normFirst, boolean gelu, double eps,
                                         boolean[] keyPadding, double[] attnMask) {
        if (normFirst) {
            double[] h = add(x, selfAttention(layerNorm(x, E, w.g1(), w.n1(), eps), w, keyPadding, attnMask));
            return add(h, feedForward(layerNorm(h, E, w.g2(), w.n2(), eps), w, gelu));
        }
        double[] h = layerNorm(add(x, selfAttention(x, w, keyPadding, attnMask)), E, w.g1(), w.n1(), eps);
        return layerNorm(add(h, feedForward(h, w, gelu)), E, w.g2(), w.n2(), eps);
    }

    private static double[] selfAttention(double[] x, LayerWeights w, boolean[] keyPadding, double[] attnMask) {
        return attention(x, x, x, L, L, N, w.attention(), keyPadding, attnMask, false).output();
    }

    private static double[] feedForward(double[] x, LayerWeights w, boolean gelu) {
        double[] hidden = linear(x, L * N, E, w.w1(), w.b1(), FF);
        for (int i = 0; i < hidden.length; i++) hidden[i] = gelu ? Reference.geluExact(hidden[i]) : Math.max(0, hidden[i]);
        return linear(hidden, L * N, FF, w.w2(), w.b2(), E);
    }

    @Test void postNormReluSequenceFirst() {
        var layer = new TransformerEncoderLayer(E, HEADS).dimFeedforward(FF);
        layer.eval();
        LayerWeights w = randomize(layer, 100);
        float[] x = random(101, L * N * E, 1, 0);
        Tensor out = layer.apply(tensor(x, L, N, E));
        assertArrayEquals(new long[]{L, N, E}, out.shape());
        assertClose(encoderLayer(toDouble(x), w, false, false, 1e-5, null, null), out);
    }

    @Test void preNormGeluBatchFirstWithMasks() {
        var layer = new TransformerEncoderLayer(E, HEADS, FF, 0.3).activation("gelu").batchFirst(true).normFirst(true)
                .layerNormEps(1e-3);
        layer.eval();
        LayerWeights w = randomize(layer, 200);
        float[] x = random(201, N * L * E, 1, 0);
        boolean[] padding = {false, true, false, false, false, true};
        float[] mask = random(202, L * L, 1, 0);
        Tensor src = tensor(x, N, L, E);
        Tensor paddingMask = Tensor.of(Nd4j.create(padding, new long[]{N, L}, DataType.BOOL));
        double[] expected = swapFirstTwo(encoderLayer(swapFirstTwo(toDouble(x), N, L, E), w, true, true, 1e-3, padding,
                toDouble(mask)), L, N, E);
        assertClose(expected, layer.apply(src, tensor(mask, L, L), paddingMask));
        assertClose(expected, layer.applyWithMasks(src, tensor(mask, L, L), paddingMask));
        double[] paddingOnly = swapFirstTwo(encoderLayer(swapFirstTwo(toDouble(x), N, L, E), w, true, true, 1e-3, padding,
                null), L, N, E);
        assertClose(paddingOnly, layer.applyWithMasks(src, null, paddingMask));
    }

    @Test void trainingWithoutDropoutIsTheSameComputation() {
        var layer = new TransformerEncoderLayer(E, HEADS).dimFeedforward(FF).dropout(0.0);
        assertTrue(layer.isTraining());
        LayerWeights w = randomize(layer, 300);
        float[] x = random(301, L * N * E, 1, 0);
        assertClose(encoderLayer(toDouble(x), w, false, false, 1e-5, null, null), layer.apply(tensor(x, L, N, E)));
    }

    @Test void subModulesParametersAndCountAsPyTorchs() {
        var layer = new TransformerEncoderLayer(512, 8);
        assertEquals(List.of("self_attn", "linear1", "dropout", "linear2", "norm1", "norm2", "dropout1", "dropout2"),
                List.copyOf(layer.namedChildren().keySet()));
        assertEquals(List.of("self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight",
                "self_attn.out_proj.bias", "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias", "norm1.weight",
                "norm1.bias", "norm2.weight", "norm2.bias"), List.copyOf(layer.namedParameters().keySet()));
        assertEquals(3_152_384, layer.numParams()); // sum(p.numel() for p in nn.TransformerEncoderLayer(512, 8).parameters())
    }

    /** print(nn.TransformerEncoderLayer(512, 8)) from PyTorch 1.13. */
    @Test void printIsPyTorchs() {
        assertEquals("TransformerEncoderLayer(\n"
                + "  (self_attn): MultiheadAttention(\n"
                + "    (out_proj): NonDynamicallyQuantizableLinear(in_features=512, out_features=512, bias=True)\n"
                + "  )\n"
                + "  (linear1): Linear(in_features=512, out_features=2048, bias=True)\n"
                + "  (dropout): Dropout(p=0.1, inplace=False)\n"
                + "  (linear2): Linear(in_features=2048, out_features=512, bias=True)\n"
                + "  (norm1): LayerNorm((512,), eps=1e-05, elementwise_affine=True)\n"
                + "  (norm2): LayerNorm((512,), eps=1e-05, elementwise_affine=True)\n"
                + "  (dropout1): Dropout(p=0.1, inplace=False)\n"
                + "  (dropout2): Dropout(p=0.1, inplace=False)\n"
                + ")", new TransformerEncoderLayer(512, 8).toString());
        // print(nn.TransformerEncoderLayer(16, 4, dim_feedforward=32, dropout=0.0, activation='gelu', batch_first=True,
        //       norm_first=True, layer_norm_eps=1e-6))
        assertEquals("TransformerEncoderLayer(\n"
                + "  (self_attn): MultiheadAttention(\n"
                + "    (out_proj): NonDynamicallyQuantizableLinear(in_features=16, out_features=16, bias=True)\n"
                + "  )\n"
                + "  (linear1): Linear(in_features=16, out_features=32, bias=True)\n"
                + "  (dropout): Dropout(p=0.0, inplace=False)\n"
                + "  (linear2): Linear(in_features=32, out_features=16, bias=True)\n"
                + "  (norm1): LayerNorm((16,), eps=1e-06, elementwise_affine=True)\n"
                + "  (norm2): LayerNorm((16,), eps=1e-06, elementwise_affine=True)\n"
                + "  (dropout1): Dropout(p=0.0, inplace=False)\n"
                + "  (dropout2): Dropout(p=0.0, inplace=False)\n"
                + ")", new TransformerEncoderLayer(16, 4).dimFeedforward(32).dropout(0.0).activation("gelu").batchFirst(true)
                        .normFirst(true).layerNormEps(1e-6).toString());
    }

    @Test void badSettingsAndInputsAreNamed() {
        assertEquals("TransformerEncoderLayer: activation should be \"relu\" or \"gelu\", not \"tanh\"",
                assertThrows(IllegalArgumentException.class, () -> new TransformerEncoderLayer(8, 2).activation("tanh")).getMessage());
        assertEquals("MultiheadAttention: embed_dim (10) must be divisible by num_heads (4)",
                assertThrows(IllegalArgumentException.class, () -> new TransformerEncoderLayer(10, 4)).getMessage());
        var e = assertThrows(ModuleException.class, () -> new TransformerEncoderLayer(8, 2).apply(Tensor.shapeOnly(3, 2, 6)));
        assertEquals("self_attn (MultiheadAttention): expected query with embed_dim=8 in its last dim, got"
                + " query of shape [3, 2, 6]", e.getMessage());
    }

    @Test void encoderRunsCopiesOfTheLayerThenTheNorm() {
        var layer = new TransformerEncoderLayer(E, HEADS).dimFeedforward(FF);
        LayerWeights w = randomize(layer, 400);
        var finalNorm = new LayerNorm(E);
        float[] g = random(401, E, 0.3, 1), b = random(402, E, 0.2, 0);
        set(finalNorm, g, b, E);
        var encoder = new TransformerEncoder(layer, 2, finalNorm);
        encoder.eval();
        assertNotSame(encoder.layer(0), encoder.layer(1));
        assertNotSame(layer, encoder.layer(0));
        float[] x = random(403, L * N * E, 1, 0);
        double[] once = encoderLayer(toDouble(x), w, false, false, 1e-5, null, null);
        double[] expected = layerNorm(encoderLayer(once, w, false, false, 1e-5, null, null), E, g, b, 1e-5);
        assertClose(expected, encoder.apply(tensor(x, L, N, E)));
        encoder.layer(1).linear1.ownParameters().get("bias").set(Tensor.zeros(FF));
        assertNotEquals(0.0, encoder.layer(0).linear1.ownParameters().get("bias").data().nd().amaxNumber().doubleValue(),
                "copies must not share parameters");
    }

    @Test void encoderCountAndPrintAsPyTorchs() {
        // sum(p.numel() for p in nn.TransformerEncoder(nn.TransformerEncoderLayer(512, 8), 6[, norm=nn.LayerNorm(512)]).parameters())
        assertEquals(18_914_304, new TransformerEncoder(new TransformerEncoderLayer(512, 8), 6).numParams());
        assertEquals(18_915_328, new TransformerEncoder(new TransformerEncoderLayer(512, 8), 6, new LayerNorm(512)).numParams());
        String layer = "TransformerEncoderLayer(\n"
                + "      (self_attn): MultiheadAttention(\n"
                + "        (out_proj): NonDynamicallyQuantizableLinear(in_features=16, out_features=16, bias=True)\n"
                + "      )\n"
                + "      (linear1): Linear(in_features=16, out_features=32, bias=True)\n"
                + "      (dropout): Dropout(p=0.1, inplace=False)\n"
                + "      (linear2): Linear(in_features=32, out_features=16, bias=True)\n"
                + "      (norm1): LayerNorm((16,), eps=1e-05, elementwise_affine=True)\n"
                + "      (norm2): LayerNorm((16,), eps=1e-05, elementwise_affine=True)\n"
                + "      (dropout1): Dropout(p=0.1, inplace=False)\n"
                + "      (dropout2): Dropout(p=0.1, inplace=False)\n"
                + "    )\n";
        // print(nn.TransformerEncoder(nn.TransformerEncoderLayer(16, 4, 32), 2)) from PyTorch 1.13
        assertEquals("TransformerEncoder(\n  (layers): ModuleList(\n    (0): " + layer + "    (1): " + layer + "  )\n)",
                new TransformerEncoder(new TransformerEncoderLayer(16, 4, 32), 2).toString());
    }
}
