package dev.nnsh.nn;

import static dev.nnsh.nn.Reference.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Linear, Flatten and Sequential on real data against plain loops: y[r][o] = Σ_i x[r][i]·W[o][i] + b[o]. */
class LinearLayerTest {
    private static double[] linear(float[] x, int rows, int in, float[] w, float[] b, int out) {
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double s = b == null ? 0 : b[o];
                for (int i = 0; i < in; i++) s += (double) x[r * in + i] * w[o * in + i];
                y[r * out + o] = s;
            }
        }
        return y;
    }

    @Test void twoDimensionalInputWithBias() {
        Linear fc = new Linear(7, 5);
        float[] x = random(1, 3 * 7, 1, 0);
        Tensor y = fc.apply(tensor(x, 3, 7));
        assertShape(new long[]{3, 5}, y);
        assertClose(linear(x, 3, 7, values(fc.ownParameters().get("weight").data()),
                values(fc.ownParameters().get("bias").data()), 5), y);
    }

    @Test void leadingDimensionsAreKeptAndBiasCanBeOff() {
        Linear fc = new Linear(4, 6).bias(false);
        assertNull(fc.ownParameters().get("bias"));
        float[] x = random(2, 2 * 3 * 4, 1, 0.5);
        Tensor y = fc.apply(tensor(x, 2, 3, 4));
        assertShape(new long[]{2, 3, 6}, y);
        assertClose(linear(x, 6, 4, values(fc.ownParameters().get("weight").data()), null, 6), y);
    }

    @Test void explicitWeightsGiveKnownValues() {
        Linear fc = new Linear(2, 2);
        fc.ownParameters().get("weight").set(Tensor.of(new float[]{1, 2, 3, 4}, 2, 2));
        fc.ownParameters().get("bias").set(Tensor.of(new float[]{10, 20}, 2));
        // [1, 1]·Wᵀ + b = [1+2+10, 3+4+20]
        assertClose(new double[]{13, 27}, fc.apply(Tensor.of(new float[]{1, 1}, 1, 2)));
    }

    @Test void sequentialOfFlattenAndLinearsEqualsTheComposedLoops() {
        var net = new Sequential(new Flatten(), new Linear(12, 8), new ReLU(), new Linear(8, 3));
        float[] x = random(3, 2 * 3 * 4, 1, 0);
        Tensor y = net.apply(tensor(x, 2, 3, 4));
        Linear first = (Linear) net.get(1), last = (Linear) net.get(-1);
        double[] h = linear(x, 2, 12, values(first.ownParameters().get("weight").data()),
                values(first.ownParameters().get("bias").data()), 8);
        float[] hRelu = new float[h.length];
        for (int i = 0; i < h.length; i++) hRelu[i] = (float) Math.max(0, h[i]);
        assertClose(linear(hRelu, 2, 8, values(last.ownParameters().get("weight").data()),
                values(last.ownParameters().get("bias").data()), 3), y);
    }

    @Test void wrongInputFeaturesNameTheLayerAndShapesInBothModes() {
        Linear fc = new Linear(4096, 1000);
        for (Tensor x : new Tensor[]{Tensor.shapeOnly(12, 2048), Tensor.zeros(12, 2048)}) {
            var e = assertThrows(ModuleException.class, () -> fc.apply(x));
            assertInstanceOf(ShapeException.class, e.getCause());
            assertTrue(e.getMessage().contains("Linear") && e.getMessage().contains("4096")
                    && e.getMessage().contains("[12, 2048]"), e.getMessage());
        }
        var bad = assertThrows(IllegalArgumentException.class, () -> new Linear(0, 10));
        assertTrue(bad.getMessage().contains("in_features"), bad.getMessage());
    }
}
