package dev.nnsh.nn;

import static dev.nnsh.testnets.RandomEval.assertClose;
import static dev.nnsh.testnets.RandomEval.randomize;
import static dev.nnsh.testnets.RandomEval.unfused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nnsh.models.Models;
import dev.nnsh.ops.fast.DnnlBlockedConv;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mobile): runs of fused convolutions kept in oneDNN's blocked layout (nChw16c) between their two ends,
 * against plain Java loops (one depthwise convolution with channels that do not fill a 16-block, tolerance 1e-5)
 * and against the modules' unfused pass (chains with residual sums and squeeze-excitations, 1e-5; whole MobileNetV2,
 * MobileNetV3, MNASNet and EfficientNet, 1e-4 of the largest output: fifty-odd convolutions deep).
 */
class BlockedConvChainTest {
    @Test void depthwiseConvolutionOverAPaddedBlockGivesThePlainLoopsValues() {
        // 24 channels: the second 16-block is half padding; 5×5, stride 2, bias, ReLU
        Conv2d conv = new Conv2d(24, 24, 5, 2, 2).groups(24);
        randomize(conv, 5, 0.3);
        conv.eval();
        Tensor x = Tensor.randn(2, 24, 11, 9);
        Tensor got = new BlockedConvChain(List.of(new BlockedConvChain.Step(List.of(new BlockedConvChain.Layer(conv, null, new ReLU())), false)))
                .run(x);
        assertNotNull(got, "applies to an eval convolution");
        assertTrue(DnnlConv.channelsLast(got.nd()), "the run's result is channels-last");
        assertClose(depthwiseLoops(x, conv, 2, 2), got, 1e-5, "depthwise 5x5 over 24 channels");
    }

    @Test void squeezeExcitationInsideARunMatchesItsUnfusedModules() {
        // 40 channels (a padded block: the 1×1s blocked), 48 (whole blocks: the 1×1s on plain rows);
        // SiLU/Sigmoid as EfficientNet's, ReLU/Hardsigmoid as MobileNetV3's
        for (int c : new int[]{40, 48}) for (boolean hard : new boolean[]{false, true}) {
            Module expand = new Sequential(new Conv2d(16, c, 1).bias(false), new BatchNorm2d(c), hard ? new ReLU(true) : new SiLU(true));
            Conv2d fc1 = new Conv2d(c, 8, 1), fc2 = new Conv2d(8, c, 1);
            Module act = hard ? new ReLU() : new SiLU(), scale = hard ? new Hardsigmoid() : new Sigmoid();
            Module project = new Sequential(new Conv2d(c, 16, 1).bias(false), new BatchNorm2d(16));
            Module entry = new Sequential(new Conv2d(3, 16, 3, 2, 1).bias(false), new BatchNorm2d(16), new ReLU6(true));
            for (Module m : List.of(expand, fc1, fc2, project, entry)) {
                randomize(m, 9, 0.4);
                m.eval();
            }
            Tensor x = Tensor.randn(2, 3, 22, 18);
            Tensor want = unfused(() -> {
                Tensor h = entry.apply(x);
                Tensor e = expand.apply(h);
                Tensor s = scale.apply(fc2.apply(act.apply(fc1.apply(F.adaptiveAvgPool2d(e, 1, 1)))));
                return project.apply(e.mul(s)).add(h);
            });
            List<BlockedConvChain.Op> block = new java.util.ArrayList<>(BlockedConvChain.layersOf(expand.children()));
            block.add(new BlockedConvChain.Excite(fc1, act, fc2, scale));
            block.addAll(BlockedConvChain.layersOf(project.children()));
            Tensor got = new BlockedConvChain(List.of(step(entry, false), new BlockedConvChain.Step(block, true))).run(x);
            assertNotNull(got, "a squeeze-excitation inside a run");
            assertClose(want, got, 1e-5, c + " channels, " + (hard ? "ReLU/Hardsigmoid" : "SiLU/Sigmoid"));
        }
    }

    @Test void chainWithResidualSumsMatchesItsUnfusedModules() {
        Module stem = new Sequential(new Conv2d(3, 24, 3, 2, 1).bias(false), new BatchNorm2d(24), new ReLU6(true));
        Module expand = new Sequential(new Conv2d(24, 40, 1).bias(false), new BatchNorm2d(40), new ReLU6(true),
                new Conv2d(40, 40, 3, 1, 1).groups(40).bias(false), new BatchNorm2d(40), new ReLU6(true),
                new Conv2d(40, 24, 1).bias(false), new BatchNorm2d(24));
        Module down = new Sequential(new Conv2d(24, 24, 5, 2, 2).groups(24), new ReLU(true), new Conv2d(24, 48, 1), new BatchNorm2d(48));
        for (Module m : List.of(stem, expand, down)) {
            randomize(m, 7, 0.4);
            m.eval();
        }
        Tensor x = Tensor.randn(3, 3, 30, 26);
        Tensor want = unfused(() -> {
            Tensor h = stem.apply(x);
            h = expand.apply(h).add(h);
            return down.apply(h);
        });
        BlockedConvChain chain = new BlockedConvChain(List.of(step(stem, false), step(expand, true), step(down, false)));
        long before = BlockedConvChain.runs();
        Tensor got = chain.run(x);
        assertNotNull(got);
        assertEquals(before + 1, BlockedConvChain.runs(), "one blocked run");
        assertClose(want, got, 1e-5, "stem, inverted residual, strided depthwise");
        // a run that ends with a residual step: the sum on the blocked result, then the one reorder out
        Tensor wantEndingInSum = unfused(() -> {
            Tensor h = stem.apply(x);
            return expand.apply(h).add(h);
        });
        Tensor gotEndingInSum = new BlockedConvChain(List.of(step(stem, false), step(expand, true))).run(x);
        assertNotNull(gotEndingInSum, "a run ending in a residual sum");
        assertClose(wantEndingInSum, gotEndingInSum, 1e-5, "a run ending in a residual sum");
        // a residual step whose last convolution has an activation adds the sum after it (FusedMBConv without expansion):
        // oneDNN 2.5 has no jit convolution for that order, so a blocked add follows; never act(conv + residual)
        Module activated = new Sequential(new Conv2d(24, 24, 3, 1, 1).bias(false), new BatchNorm2d(24), new SiLU(true));
        randomize(activated, 12, 0.4);
        activated.eval();
        Tensor wantActivated = unfused(() -> {
            Tensor h = stem.apply(x);
            return activated.apply(h).add(h);
        });
        Tensor gotActivated = new BlockedConvChain(List.of(step(stem, false), step(activated, true))).run(x);
        assertNotNull(gotActivated, "an activated residual step");
        assertClose(wantActivated, gotActivated, 1e-5, "activation, then the residual sum");
        // a channels-last input (a fused convolution's result) is read as it lies
        Module entry = new Sequential(new Conv2d(16, 24, 1), new BatchNorm2d(24), new ReLU6(true));
        randomize(entry, 8, 0.4);
        entry.eval();
        Tensor cl = ConvFusion.apply(new Conv2d(3, 16, 1).eval(), null, null, x);
        assertTrue(DnnlConv.channelsLast(cl.nd()));
        Tensor wantCl = unfused(() -> {
            Tensor h = entry.apply(cl);
            h = expand.apply(h).add(h);
            return down.apply(h);
        });
        Tensor gotCl = new BlockedConvChain(List.of(step(entry, false), step(expand, true), step(down, false))).run(cl);
        assertNotNull(gotCl, "a channels-last input");
        assertClose(wantCl, gotCl, 1e-5, "channels-last input");
    }

    @Test void mobileNetsMnasnetAndEfficientNetTakeTheBlockedRunAndMatchTheirUnfusedPasses() {
        for (Module net : List.of(Models.mobilenetV2(10), Models.mnasnet0_5(10), Models.mobilenetV3Large(10), Models.mobilenetV3Small(10),
                Models.efficientnetB0(10))) {
            randomize(net, 3, 0.15);
            net.eval();
            Tensor x = Tensor.randn(2, 3, 64, 64);
            Tensor want = unfused(() -> net.apply(x));
            long before = BlockedConvChain.runs();
            Tensor got = net.apply(x);
            assertEquals(before + 1, BlockedConvChain.runs(), net.getClass().getSimpleName() + " took the blocked run");
            assertNear(want, got, net.getClass().getSimpleName() + " blocked");
            DnnlBlockedConv.setEnabled(false);
            try {
                Tensor channelsLast = net.apply(x);
                assertEquals(before + 1, BlockedConvChain.runs(), "switched off: no blocked run");
                assertNear(want, channelsLast, net.getClass().getSimpleName() + " with the switch off");
            } finally {
                DnnlBlockedConv.setEnabled(true);
            }
        }
    }

    @Test void trainModeShapeOnlyAndOtherModulesAreNotTaken() {
        Module s = new Sequential(new Conv2d(16, 16, 1), new BatchNorm2d(16), new ReLU());
        s.eval();
        BlockedConvChain chain = new BlockedConvChain(List.of(step(s, false)));
        assertNotNull(chain.run(Tensor.randn(1, 16, 4, 4)));
        assertNull(chain.run(Tensor.shapeOnly(1, 16, 4, 4)), "a shape-only input");
        s.train();
        assertNull(chain.run(Tensor.randn(1, 16, 4, 4)), "train mode");
        assertNull(BlockedConvChain.layersOf(List.of(new Conv2d(16, 16, 1), new Tanh())), "an activation it cannot fuse");
        assertNull(BlockedConvChain.layersOf(List.of(new BatchNorm2d(16))), "a batch norm without its convolution");
        Module residualFirst = new Sequential(new Conv2d(16, 16, 1));
        residualFirst.eval();
        assertNull(new BlockedConvChain(List.of(step(residualFirst, true))).run(Tensor.randn(1, 16, 4, 4)), "a residual sum over the plain input");
        // a stack a user changed is not read as a chain: MobileNetV2 with a layer swapped runs its modules
        var net = Models.mobilenetV2(10);
        net.eval();
        Sequential features = (Sequential) net.namedChildren().get("features");
        features.add(new Identity());
        long before = BlockedConvChain.runs();
        Tensor out = net.apply(Tensor.randn(1, 3, 32, 32));
        assertEquals(before, BlockedConvChain.runs(), "an Identity in the stack: not taken");
        assertEquals(List.of(1L, 10L), List.of(out.size(0), out.size(1)));
    }

    /**
     * Whole random networks: |difference| within 1e-4 of the largest output (as ZooNumericsTest); random weights make
     * EfficientNet's activations grow to thousands, where the channels-last fused path differs from the unfused one
     * by about 3e-5 of the largest too.
     */
    private static void assertNear(Tensor want, Tensor got, String what) {
        double magnitude = want.nd().amaxNumber().doubleValue();
        double diff = got.nd().sub(want.nd()).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-4 * Math.max(1, magnitude), what + ": max |difference| " + diff + " for outputs up to " + magnitude);
    }

    private static BlockedConvChain.Step step(Module sequential, boolean residual) {
        return new BlockedConvChain.Step(BlockedConvChain.layersOf(sequential.children()), residual);
    }

    /** relu(depthwise conv(x) + b), zero padding, in double. */
    private static Tensor depthwiseLoops(Tensor x, Conv2d conv, int stride, int pad) {
        float[] in = x.nd().dup('c').data().asFloat();
        float[] w = conv.ownParameters().get("weight").value().nd().dup('c').data().asFloat();
        float[] b = conv.ownParameters().get("bias").value().nd().dup('c').data().asFloat();
        int n = (int) x.size(0), c = (int) x.size(1), h = (int) x.size(2), wd = (int) x.size(3), k = 5;
        int oh = (h + 2 * pad - k) / stride + 1, ow = (wd + 2 * pad - k) / stride + 1;
        float[] out = new float[n * c * oh * ow];
        for (int i = 0; i < n; i++) for (int ch = 0; ch < c; ch++) for (int y = 0; y < oh; y++) for (int xo = 0; xo < ow; xo++) {
            double s = b[ch];
            for (int ky = 0; ky < k; ky++) for (int kx = 0; kx < k; kx++) {
                int iy = y * stride - pad + ky, ix = xo * stride - pad + kx;
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                s += (double) in[((i * c + ch) * h + iy) * wd + ix] * w[(ch * k + ky) * k + kx];
            }
            out[((i * c + ch) * oh + y) * ow + xo] = (float) Math.max(0, s);
        }
        return Tensor.of(out, n, c, oh, ow);
    }
}
