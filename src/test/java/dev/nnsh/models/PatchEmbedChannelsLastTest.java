package dev.nnsh.models;

import static dev.nnsh.models.NearValues.assertNear;
import static dev.nnsh.models.NearValues.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.nnsh.models.vision.Permute;
import dev.nnsh.nn.CallObserver;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): Swin's patch embedding, Sequential(Conv2d, Permute(0, 2, 3, 1), LayerNorm), in eval has the
 * convolution write channels-last so that the Permute is a view; against the same modules with
 * -Dnnsh.tf.patchembed=off and against plain double loops.
 */
class PatchEmbedChannelsLastTest {
    private static Tensor without(Supplier<Tensor> pass) {
        System.setProperty("nnsh.tf.patchembed", "off");
        try {
            return pass.get();
        } finally {
            System.clearProperty("nnsh.tf.patchembed");
        }
    }

    /** conv (kernel = stride = p, no padding) → [N, H, W, C] → LayerNorm over C, in double loops. */
    private static double[] reference(float[] x, long[] xs, float[] w, float[] b, int c, int p, float[] g, float[] beta, double eps) {
        int n = (int) xs[0], ci = (int) xs[1], h = (int) xs[2], wd = (int) xs[3], oh = h / p, ow = wd / p;
        double[] out = new double[n * oh * ow * c];
        for (int img = 0; img < n; img++) {
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    double[] v = new double[c];
                    for (int o = 0; o < c; o++) {
                        double s = b[o];
                        for (int i = 0; i < ci; i++) {
                            for (int ky = 0; ky < p; ky++) {
                                for (int kx = 0; kx < p; kx++) {
                                    s += (double) w[((o * ci + i) * p + ky) * p + kx] * x[((img * ci + i) * h + y * p + ky) * wd + xx * p + kx];
                                }
                            }
                        }
                        v[o] = s;
                    }
                    double mean = 0, var = 0;
                    for (double e : v) mean += e / c;
                    for (double e : v) var += (e - mean) * (e - mean) / c;
                    int at = ((img * oh + y) * ow + xx) * c;
                    for (int o = 0; o < c; o++) out[at + o] = (v[o] - mean) / Math.sqrt(var + eps) * g[o] + beta[o];
                }
            }
        }
        return out;
    }

    /** The strides of the tensors the Permute receives in one pass. */
    private static List<long[]> permuteInputStrides(Module net, Tensor x) {
        List<long[]> seen = new ArrayList<>();
        CallObserver observer = new CallObserver() {
            @Override public void before(Module module, Tensor[] inputs) {
                if (module instanceof Permute) seen.add(inputs[0].nd().stride().clone());
            }
            @Override public void after(Module module, Tensor[] inputs, Tensor output) {}
            @Override public boolean seesEveryCall() { return false; }
            @Override public boolean keepsTensors() { return false; }
        };
        try (var scope = Module.observe(observer)) {
            net.apply(x);
        }
        return seen;
    }

    @Test void patchEmbeddingRunsChannelsLastAndEqualsTheModulesAndLoops() {
        Tensor.manualSeed(11);
        Conv2d conv = new Conv2d(3, 8, 4, 4);
        LayerNorm norm = new LayerNorm(8);
        norm.ownParameters().get("weight").set(Tensor.randn(8));
        norm.ownParameters().get("bias").set(Tensor.randn(8));
        Sequential embed = new Sequential(conv, new Permute(0, 2, 3, 1), norm);
        embed.eval();
        Tensor x = Tensor.randn(2, 3, 16, 12);
        Tensor fast = embed.apply(x);
        assertArrayEquals(new long[]{2, 4, 3, 8}, fast.shape());
        double[] expected = reference(values(x), x.shape(), values(conv.ownParameters().get("weight").valueFor(x)),
                values(conv.ownParameters().get("bias").valueFor(x)), 8, 4, values(norm.ownParameters().get("weight").valueFor(x)),
                values(norm.ownParameters().get("bias").valueFor(x)), norm.eps());
        assertNear(expected, values(fast), 1e-4);
        Tensor slow = without(() -> embed.apply(x));
        assertNear(expected, values(slow), 1e-4);

        long[] on = permuteInputStrides(embed, x).get(0);
        assertEquals(1, on[1], "the convolution wrote channels-last: channels adjacent");
        System.setProperty("nnsh.tf.patchembed", "off");
        try {
            assertEquals(4 * 3, permuteInputStrides(embed, x).get(0)[1], "switched off: the convolution's plain [N, C, H, W] result");
        } finally {
            System.clearProperty("nnsh.tf.patchembed");
        }
    }

    @Test void inTrainingOrWithoutAChannelsLastConsumerTheConvolutionRunsAsBefore() {
        Tensor.manualSeed(12);
        Sequential embed = new Sequential(new Conv2d(3, 8, 4, 4), new Permute(0, 2, 3, 1), new LayerNorm(8));
        Tensor x = Tensor.randn(1, 3, 8, 8);
        assertEquals(4, permuteInputStrides(embed, x).get(0)[1], "train mode: the plain result");
        embed.eval();
        Sequential other = new Sequential(new Conv2d(3, 8, 4, 4), new Permute(0, 3, 1, 2));
        other.eval();
        assertEquals(4, permuteInputStrides(other, x).get(0)[1], "a Permute that does not go to channels-last");
        assertFalse(new Permute(0, 3, 1, 2).prefersChannelsLast());
        assertTrue(new Permute(0, 2, 3, 1).prefersChannelsLast());
    }
}
