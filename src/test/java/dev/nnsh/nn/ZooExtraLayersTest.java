package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Hardtanh, ELU, Mish, PReLU, ZeroPad2d, Unflatten, ChannelShuffle, InstanceNorm2d and
 * AdaptiveMaxPool2d against plain-Java definitions; printed forms as PyTorch 1.13 prints them.
 */
class ZooExtraLayersTest {
    private static final float[] X = {-25f, -3f, -1.5f, -0.2f, 0f, 0.7f, 2f, 3f, 30f};

    private static Tensor x() { return Tensor.of(X.clone(), X.length); }

    private static double[] map(java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[X.length];
        for (int i = 0; i < X.length; i++) out[i] = f.applyAsDouble(X[i]);
        return out;
    }

    @Test void activationsMatchTheirDefinitions() {
        Reference.assertClose(map(v -> Math.max(-1, Math.min(1, v))), new Hardtanh().apply(x()));
        Reference.assertClose(map(v -> Math.max(-2, Math.min(3.5, v))), new Hardtanh(-2.0, 3.5).apply(x()));
        Reference.assertClose(map(v -> v > 0 ? v : 0.5 * (Math.exp(v) - 1)), new ELU(0.5).apply(x()));
        Reference.assertClose(map(v -> v * Math.tanh(Math.log1p(Math.exp(v)))), new Mish().apply(x()));
        Reference.assertClose(map(v -> v > 0 ? v : 0.25 * v), new PReLU().apply(x()));
        assertEquals("Hardtanh(min_val=-2.0, max_val=3.5)", new Hardtanh(-2.0, 3.5).toString());
        assertEquals("ELU(alpha=1.0)", new ELU().toString());
        assertEquals("Mish()", new Mish().toString());
        assertEquals("PReLU(num_parameters=1)", new PReLU().toString());
        assertThrows(IllegalArgumentException.class, () -> new Hardtanh(1, -1));
    }

    @Test void preluLearnsOneSlopePerChannel() {
        PReLU prelu = new PReLU(3);
        assertEquals(3, prelu.numParams());
        assertEquals("PReLU(num_parameters=3)", prelu.toString());
        prelu.ownParameters().get("weight").set(Tensor.of(new float[]{0.1f, 0.2f, 0.3f}, 3));
        float[] v = {-1, 2, -1, 2, -1, 2};
        Reference.assertClose(new double[]{-0.1, 2, -0.2, 2, -0.3, 2}, prelu.apply(Tensor.of(v, 1, 3, 2)));
        assertThrows(RuntimeException.class, () -> prelu.apply(Tensor.shapeOnly(1, 4, 2)));
    }

    @Test void shapeLayersMoveElementsAsPyTorch() {
        Tensor grid = Tensor.of(new float[]{1, 2, 3, 4}, 1, 1, 2, 2);
        Tensor padded = new ZeroPad2d(1, 0, 0, 1).apply(grid);
        assertArrayEquals(new long[]{1, 1, 3, 3}, padded.shape());
        Reference.assertClose(new double[]{0, 1, 2, 0, 3, 4, 0, 0, 0}, padded);
        assertEquals("ZeroPad2d((1, 1, 1, 1))", new ZeroPad2d(1).toString());
        assertArrayEquals(new long[]{4, 2, 5, 3}, new Unflatten(1, 2, 5).apply(Tensor.shapeOnly(4, 10, 3)).shape());
        assertArrayEquals(new long[]{4, 2, 5}, new Unflatten(-1, -1, 5).apply(Tensor.shapeOnly(4, 10)).shape());
        assertEquals("Unflatten(dim=1, unflattened_size=(2, 5))", new Unflatten(1, 2, 5).toString());
        assertThrows(RuntimeException.class, () -> new Unflatten(1, 3, 5).apply(Tensor.shapeOnly(4, 10)));
        float[] channels = {0, 1, 2, 3, 4, 5};
        Reference.assertClose(new double[]{0, 3, 1, 4, 2, 5}, new ChannelShuffle(2).apply(Tensor.of(channels, 1, 6, 1)));
        assertEquals("ChannelShuffle(groups=2)", new ChannelShuffle(2).toString());
    }

    @Test void instanceNorm2dNormalisesEachSampleAndChannel() {
        float[] v = Reference.random(3, 2 * 3 * 4, 2, 1);
        Tensor out = new InstanceNorm2d(3).apply(Tensor.of(v.clone(), 2, 3, 2, 2));
        double[] expected = new double[v.length];
        for (int g = 0; g < 6; g++) {
            double mean = 0, var = 0;
            for (int i = 0; i < 4; i++) mean += v[g * 4 + i] / 4.0;
            for (int i = 0; i < 4; i++) var += Math.pow(v[g * 4 + i] - mean, 2) / 4.0;
            for (int i = 0; i < 4; i++) expected[g * 4 + i] = (v[g * 4 + i] - mean) / Math.sqrt(var + 1e-5);
        }
        Reference.assertClose(expected, out);
        assertEquals("InstanceNorm2d(3, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)", new InstanceNorm2d(3).toString());
        assertEquals(6, new InstanceNorm2d(3, 1e-5, true).numParams());
    }

    @Test void adaptiveMaxPool2dTakesTheMaxOfPyTorchsWindows() {
        float[] v = Reference.random(4, 5 * 7, 1, 0);
        Tensor out = new AdaptiveMaxPool2d(2, 3).apply(Tensor.of(v.clone(), 1, 1, 5, 7));
        double[] expected = new double[6];
        for (int oh = 0; oh < 2; oh++) {
            for (int ow = 0; ow < 3; ow++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int h = oh * 5 / 2; h < Math.ceil((oh + 1) * 5 / 2.0); h++)
                    for (int w = ow * 7 / 3; w < Math.ceil((ow + 1) * 7 / 3.0); w++) m = Math.max(m, v[h * 7 + w]);
                expected[oh * 3 + ow] = m;
            }
        }
        Reference.assertClose(expected, out);
        Tensor unbatched = new AdaptiveMaxPool2d(2, 3).apply(Tensor.of(v.clone(), 1, 5, 7));
        assertArrayEquals(new long[]{1, 2, 3}, unbatched.shape());
        Reference.assertClose(expected, unbatched);
        Tensor functional = F.adaptiveMaxPool2d(Tensor.of(v.clone(), 1, 5, 7), 2, 3);
        Reference.assertClose(expected, functional);
        assertEquals("AdaptiveMaxPool2d(output_size=2)", new AdaptiveMaxPool2d(2).toString());
        assertArrayEquals(new long[]{2, 3, 1, 1}, new AdaptiveMaxPool2d(1).apply(Tensor.shapeOnly(2, 3, 9, 9)).shape());
    }
}
