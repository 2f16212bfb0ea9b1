package dev.nnsh.nn;

import static dev.nnsh.testnets.RandomEval.assertClose;
import static dev.nnsh.testnets.RandomEval.randomize;
import static dev.nnsh.testnets.RandomEval.unfused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.nnsh.models.vision.SqueezeExcitation;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mobile): a squeeze-excitation over a channels-last input in four oneDNN calls (pool, 1×1 convolution with
 * its activation, 1×1 convolution with Sigmoid/Hardsigmoid as post-ops, the channel scale) against plain Java loops
 * (tolerance 1e-5 relative, or 1e-5 of a tenth of the largest output), and the whole module against its unfused pass.
 */
class SqueezeExciteFusionTest {
    private static final List<Supplier<Module>> ACTS = List.of(ReLU::new, SiLU::new);
    private static final List<Supplier<Module>> SCALES = List.of(Sigmoid::new, Hardsigmoid::new);

    @Test void fourCallsGiveThePlainLoopsValues() {
        // 96 channels: oneDNN's jit channel scale; 32 channels of 56×56: its reference kernel, so ND4J's broadcast multiplies
        for (long[] shape : new long[][]{{3, 96, 14, 14}, {2, 32, 56, 56}, {2, 40, 7, 7}}) {
            for (Supplier<Module> act : ACTS) {
                for (Supplier<Module> scale : SCALES) {
                    long c = shape[1], squeeze = Math.max(1, c / 4);
                    Conv2d fc1 = new Conv2d(c, squeeze, 1), fc2 = new Conv2d(squeeze, c, 1);
                    Module a = act.get(), s = scale.get();
                    randomize(fc1, 3, 0.3);
                    randomize(fc2, 4, 0.3);
                    List.of(fc1, fc2, a, s).forEach(Module::eval);
                    Tensor x = channelsLast(Tensor.randn(shape));
                    Tensor got = SqueezeExciteFusion.run(new AdaptiveAvgPool2d(1), fc1, a, fc2, s, x);
                    assertNotNull(got, "applies to a channels-last input");
                    assertTrue(DnnlConv.channelsLast(got.nd()), "the result stays channels-last");
                    assertClose(plainLoops(x, fc1, a, fc2, s), got, 1e-5, a + "/" + s + " " + java.util.Arrays.toString(shape));
                }
            }
        }
    }

    @Test void theModuleFusedMatchesItsUnfusedPass() {
        for (Supplier<Module> act : ACTS) {
            for (Supplier<Module> scale : SCALES) {
                // the convolution's fused result is channels-last, so the squeeze-excitation after it takes the four calls
                Module net = new Sequential(new Conv2d(8, 48, 1).bias(false), new BatchNorm2d(48), new ReLU(true),
                        new SqueezeExcitation(48, 12, act, scale));
                randomize(net, 11, 0.4);
                net.eval();
                Tensor x = Tensor.randn(3, 8, 20, 20);
                Tensor want = unfused(() -> net.apply(x));
                assertClose(want, net.apply(x), 1e-5, net + " fused");
            }
        }
    }

    @Test void offSwitchAndNonChannelsLastInputsKeepTheModules() {
        Conv2d fc1 = new Conv2d(16, 4, 1), fc2 = new Conv2d(4, 16, 1);
        List.of(fc1, fc2).forEach(Module::eval);
        Tensor plain = Tensor.randn(2, 16, 6, 6);
        assertNull(SqueezeExciteFusion.run(new AdaptiveAvgPool2d(1), fc1, new ReLU(), fc2, new Sigmoid(), plain), "an NCHW input");
        Tensor x = channelsLast(plain);
        SqueezeExciteFusion.setEnabled(false);
        try {
            assertNull(SqueezeExciteFusion.run(new AdaptiveAvgPool2d(1), fc1, new ReLU(), fc2, new Sigmoid(), x), "switched off");
        } finally {
            SqueezeExciteFusion.setEnabled(true);
        }
        assertNull(SqueezeExciteFusion.run(new AdaptiveAvgPool2d(1), fc1, new ReLU(), fc2, new Tanh(), x), "a scale it cannot fuse");
        fc1.train();
        assertNull(SqueezeExciteFusion.run(new AdaptiveAvgPool2d(1), fc1, new ReLU(), fc2, new Sigmoid(), x), "a module in train mode");
    }

    /** The same values in a channels-last layout ([N, H, W, C] memory seen as [N, C, H, W]). */
    static Tensor channelsLast(Tensor x) {
        long[] d = x.shape();
        var view = DnnlConv.newChannelsLast(d[0], d[1], d[2], d[3]);
        view.assign(x.nd());
        return Tensor.of(view);
    }

    private static Tensor plainLoops(Tensor x, Conv2d fc1, Module act, Conv2d fc2, Module scale) {
        long[] d = x.shape();
        int n = (int) d[0], c = (int) d[1], hw = (int) (d[2] * d[3]);
        float[] v = x.nd().dup('c').data().asFloat();
        float[] w1 = fc1.stateDict().get("weight").nd().dup('c').data().asFloat(), b1 = fc1.stateDict().get("bias").nd().dup('c').data().asFloat();
        float[] w2 = fc2.stateDict().get("weight").nd().dup('c').data().asFloat(), b2 = fc2.stateDict().get("bias").nd().dup('c').data().asFloat();
        int sq = b1.length;
        float[] out = new float[v.length];
        for (int i = 0; i < n; i++) {
            double[] pooled = new double[c];
            for (int ch = 0; ch < c; ch++) {
                double sum = 0;
                for (int p = 0; p < hw; p++) sum += v[(i * c + ch) * hw + p];
                pooled[ch] = sum / hw;
            }
            double[] h = new double[sq];
            for (int o = 0; o < sq; o++) {
                double sum = b1[o];
                for (int ch = 0; ch < c; ch++) sum += w1[o * c + ch] * pooled[ch];
                h[o] = act instanceof ReLU ? Math.max(sum, 0) : sum / (1 + Math.exp(-sum));
            }
            for (int ch = 0; ch < c; ch++) {
                double sum = b2[ch];
                for (int o = 0; o < sq; o++) sum += w2[ch * sq + o] * h[o];
                double s = scale instanceof Sigmoid ? 1 / (1 + Math.exp(-sum)) : Math.min(Math.max(sum + 3, 0), 6) / 6;
                for (int p = 0; p < hw; p++) out[(i * c + ch) * hw + p] = (float) (v[(i * c + ch) * hw + p] * s);
            }
        }
        assertEquals(v.length, out.length);
        return Tensor.of(out, d);
    }
}
