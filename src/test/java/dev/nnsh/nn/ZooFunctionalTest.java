package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnsh.nn.WindowReference.Arr;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** F's functional forms of the zoo's layers against the plain-Java references; errors name the function. */
class ZooFunctionalTest {
    private static Tensor randn(long seed, long... shape) { return Reference.tensor(Reference.random(seed, Reference.numel(shape), 2, 0), shape); }

    private static double[] doubles(Arr a) {
        double[] out = new double[a.data().length];
        for (int i = 0; i < out.length; i++) out[i] = a.data()[i];
        return out;
    }

    @Test void activations() {
        Tensor x = randn(1, 2, 3, 4);
        float[] v = Reference.values(x);
        Reference.assertClose(Reference.map(v, e -> Reference.hardtanh(e, -1, 1)), F.hardtanh(x));
        Reference.assertClose(Reference.map(v, e -> Reference.hardtanh(e, -0.5, 2)), F.hardtanh(x, -0.5, 2));
        Tensor slopes = Tensor.of(new float[]{0.1f, -0.3f, 0.7f}, 3);
        Reference.assertClose(Reference.prelu(v, x.shape(), Reference.values(slopes)), F.prelu(x, slopes));
        Reference.assertClose(Reference.map(v, e -> e >= 0 ? e : 0.2 * e), F.prelu(x, Tensor.of(new float[]{0.2f}, 1)));
        var e = assertThrows(ShapeException.class, () -> F.prelu(x, Tensor.of(new float[]{1, 2}, 2)));
        assertTrue(e.getMessage().startsWith("prelu: expected input with 2 channels"), e.getMessage());
    }

    @Test void convolutionAndPooling() {
        Tensor x = randn(2, 1, 2, 4, 5, 6), w = randn(3, 4, 2, 2, 3, 2), b = randn(4, 4);
        Reference.assertClose(doubles(WindowReference.conv3d(Arr.of(x), Arr.of(w), Arr.of(b), new int[]{2, 1, 2}, new int[]{1, 0, 1}, 1)),
                F.conv3d(x, w, b, new int[]{2, 1, 2}, new int[]{1, 0, 1}, new int[]{1, 1, 1}, 1));
        Reference.assertClose(doubles(WindowReference.maxPool3d(Arr.of(x), new int[]{2, 2, 2}, new int[]{2, 2, 2}, new int[]{0, 0, 0})),
                F.maxPool3d(x, 2));
        Reference.assertClose(doubles(WindowReference.adaptivePool(Arr.of(x), new int[]{3, 2, 4}, false)), F.adaptiveAvgPool3d(x, 3, 2, 4));
        assertArrayEquals(new long[]{1, 4, 2, 5, 3}, F.conv3d(Tensor.shapeOnly(1, 2, 4, 5, 6), Tensor.shapeOnly(4, 2, 3, 1, 4), null).shape());
        var e = assertThrows(ShapeException.class, () -> F.conv3d(Tensor.shapeOnly(1, 3, 4, 5, 6), w, b));
        assertTrue(e.getMessage().startsWith("conv3d: expected input with 2 channels"), e.getMessage());
    }

    @Test void normAndShuffle() {
        Tensor x = randn(5, 2, 6, 3, 2);
        Reference.assertClose(Reference.groupNorm(Reference.values(x), x.shape(), 6, null, null, 1e-5), F.instanceNorm(x));
        Reference.assertClose(doubles(WindowReference.channelShuffle(Arr.of(x), 3)), F.channelShuffle(x, 3));
        var e = assertThrows(ShapeException.class, () -> F.channelShuffle(x, 4));
        assertTrue(e.getMessage().startsWith("channel_shuffle: "), e.getMessage());
    }
}
