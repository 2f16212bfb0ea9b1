package dev.nnsh.models.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.F;
import dev.nnsh.nn.GELU;
import dev.nnsh.nn.Hardsigmoid;
import dev.nnsh.nn.SiLU;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** torchvision's building blocks: structure and printed form as torchvision's, values against plain-Java definitions. */
class VisionBlocksTest {
    private static float[] random(long seed, int n) {
        Random r = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) r.nextGaussian();
        return out;
    }

    private static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    private static void assertClose(double[] expected, Tensor actual) {
        float[] a = values(actual);
        assertEquals(expected.length, a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(expected[i], a[i], 1e-5 * Math.abs(expected[i]) + 1e-6, "element " + i);
        }
    }

    @Test void conv2dNormActivationPadsHalfTheKernelAndDropsTheBiasBeforeANorm() {
        var block = new Conv2dNormActivation(8, 16, 3, 2, 1, c -> new BatchNorm2d(c, 0.001, 0.01), () -> new SiLU(true));
        assertEquals("Conv2dNormActivation(\n"
                + "  (0): Conv2d(8, 16, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)\n"
                + "  (1): BatchNorm2d(16, eps=0.001, momentum=0.01, affine=True, track_running_stats=True)\n"
                + "  (2): SiLU(inplace=True)\n"
                + ")", block.toString());
        var plain = new Conv2dNormActivation(8, 16, 5, 1, 1, 2, null, null);
        assertEquals("Conv2dNormActivation(\n  (0): Conv2d(8, 16, kernel_size=(5, 5), stride=(1, 1), padding=(4, 4), dilation=(2, 2))\n)",
                plain.toString());
        assertArrayEquals(new long[]{1, 16, 9, 9}, plain.apply(Tensor.shapeOnly(1, 8, 9, 9)).shape());
    }

    @Test void squeezeExcitationScalesEachChannelByItsGate() {
        var se = new SqueezeExcitation(4, 2);
        float[] x = random(1, 2 * 4 * 3 * 3), w1 = random(2, 2 * 4), b1 = random(3, 2), w2 = random(4, 4 * 2), b2 = random(5, 4);
        se.fc1.ownParameters().get("weight").set(Tensor.of(w1, 2, 4, 1, 1));
        se.fc1.ownParameters().get("bias").set(Tensor.of(b1, 2));
        se.fc2.ownParameters().get("weight").set(Tensor.of(w2, 4, 2, 1, 1));
        se.fc2.ownParameters().get("bias").set(Tensor.of(b2, 4));
        Tensor out = se.apply(Tensor.of(x.clone(), 2, 4, 3, 3));
        double[] expected = new double[x.length];
        for (int n = 0; n < 2; n++) {
            double[] mean = new double[4];
            for (int c = 0; c < 4; c++) for (int i = 0; i < 9; i++) mean[c] += x[(n * 4 + c) * 9 + i] / 9.0;
            double[] hidden = new double[2];
            for (int j = 0; j < 2; j++) {
                double s = b1[j];
                for (int c = 0; c < 4; c++) s += w1[j * 4 + c] * mean[c];
                hidden[j] = Math.max(0, s);
            }
            for (int c = 0; c < 4; c++) {
                double s = b2[c];
                for (int j = 0; j < 2; j++) s += w2[c * 2 + j] * hidden[j];
                double gate = 1 / (1 + Math.exp(-s));
                for (int i = 0; i < 9; i++) expected[(n * 4 + c) * 9 + i] = gate * x[(n * 4 + c) * 9 + i];
            }
        }
        assertClose(expected, out);
    }

    @Test void stochasticDepthIsIdentityInEvalAndDropsWholeRowsInTraining() {
        Tensor x = Tensor.ones(64, 3, 2, 2);
        StochasticDepth sd = new StochasticDepth(0.5, "row");
        sd.eval();
        assertSame(x, sd.apply(x));
        sd.train();
        float[] v = values(sd.apply(x));
        int dropped = 0;
        for (int row = 0; row < 64; row++) {
            float first = v[row * 12];
            assertTrue(first == 0f || first == 2f, "a row is zeroed or scaled by 1/(1−p): " + first);
            for (int i = 1; i < 12; i++) assertEquals(first, v[row * 12 + i], "the whole row shares its draw");
            if (first == 0f) dropped++;
        }
        assertTrue(dropped > 8 && dropped < 56, "about half the rows dropped, got " + dropped);
        float[] batch = values(new StochasticDepth(0.5, "batch").apply(x));
        for (float f : batch) assertEquals(batch[0], f, "batch mode draws once");
        assertEquals("StochasticDepth(p=0.0125, mode=row)", new StochasticDepth(0.2 * 1 / 16, "row").toString());
        assertThrows(IllegalArgumentException.class, () -> new StochasticDepth(1.5, "row"));
        assertThrows(IllegalArgumentException.class, () -> new StochasticDepth(0.1, "column"));
    }

    @Test void permuteLayerNorm2dAndMlpFollowTorchvision() {
        assertArrayEquals(new long[]{2, 5, 7, 3}, new Permute(0, 2, 3, 1).apply(Tensor.shapeOnly(2, 3, 5, 7)).shape());
        assertEquals("Permute()", new Permute(0, 2, 3, 1).toString());
        LayerNorm2d ln = new LayerNorm2d(3, 1e-6);
        assertEquals("LayerNorm2d((3,), eps=1e-06, elementwise_affine=True)", ln.toString());
        float[] x = random(7, 2 * 3 * 2 * 2);
        Tensor out = ln.apply(Tensor.of(x.clone(), 2, 3, 2, 2));
        double[] expected = new double[x.length];
        for (int n = 0; n < 2; n++) {
            for (int p = 0; p < 4; p++) {
                double mean = 0, var = 0;
                for (int c = 0; c < 3; c++) mean += x[(n * 3 + c) * 4 + p] / 3.0;
                for (int c = 0; c < 3; c++) var += Math.pow(x[(n * 3 + c) * 4 + p] - mean, 2) / 3.0;
                for (int c = 0; c < 3; c++) expected[(n * 3 + c) * 4 + p] = (x[(n * 3 + c) * 4 + p] - mean) / Math.sqrt(var + 1e-6);
            }
        }
        assertClose(expected, out);
        MLP mlp = new MLP(8, new long[]{16, 4}, null, GELU::new, null, true, 0.1);
        assertEquals("MLP(\n  (0): Linear(in_features=8, out_features=16, bias=True)\n  (1): GELU(approximate='none')\n"
                + "  (2): Dropout(p=0.1, inplace=False)\n  (3): Linear(in_features=16, out_features=4, bias=True)\n"
                + "  (4): Dropout(p=0.1, inplace=False)\n)", mlp.toString());
        assertEquals(8 * 16 + 16 + 16 * 4 + 4, mlp.numParams());
    }

    @Test void hardsigmoidAndElementwiseMatchTheirDefinitions() {
        float[] x = {-4f, -3f, -1.5f, 0f, 2f, 3f, 5f};
        double[] hs = new double[x.length];
        for (int i = 0; i < x.length; i++) hs[i] = Math.min(1, Math.max(0, x[i] / 6.0 + 0.5));
        assertClose(hs, new Hardsigmoid().apply(Tensor.of(x.clone(), x.length)));
        assertEquals("Hardsigmoid()", new Hardsigmoid(true).toString());
        float[] v = {3f, 4f, 0f, 0f, 1f, 0f};
        assertClose(new double[]{0.6, 0.8, 0, 0, 1, 0}, F.normalize(Tensor.of(v, 3, 2), 2, -1, 1e-12));
        assertClose(new double[]{1, 2, 2}, Tensor.of(new float[]{1, 2, 7}, 3).clampMax(2));
        assertNotEquals(0, values(Tensor.of(new float[]{4}, 1).sqrt())[0]);
        assertClose(new double[]{2}, Tensor.of(new float[]{4}, 1).sqrt());
    }
}
