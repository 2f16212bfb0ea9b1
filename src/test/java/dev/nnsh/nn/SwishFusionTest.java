package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (free): Conv2d (→ BatchNorm2d) → Hardswish/SiLU in a Sequential runs as one convolution with the
 * activation as a post-op, with the values of the separate modules (every fast path off) for random batch-norm statistics.
 */
class SwishFusionTest {
    @Test void convBatchNormHardswishAndSiluFuseWithTheSeparateCallsValues() {
        for (Supplier<Module> act : java.util.List.<Supplier<Module>>of(Hardswish::new, SiLU::new)) {
            // 16 channels of 40×40 in float32 are 100 KiB per image; batch 3: pooled, so a freed intermediate is counted
            check(new Sequential(new Conv2d(8, 16, 3, 1, 1).bias(false), new BatchNorm2d(16), act.get()), Tensor.randn(3, 8, 40, 40));
            check(new Sequential(new Conv2d(8, 16, 1), act.get()), Tensor.randn(3, 8, 40, 40));
            check(new Sequential(new Conv2d(16, 16, 3, 2, 1).groups(16).bias(false), new BatchNorm2d(16), act.get()),
                    Tensor.randn(3, 16, 80, 80));
        }
    }

    @Test void theActivationIsNoLongerASeparateStep() {
        // a fused convolution's result is channels-last; the activation module run separately gives an NCHW tensor
        for (Supplier<Module> act : java.util.List.<Supplier<Module>>of(Hardswish::new, SiLU::new)) {
            Module net = new Sequential(new Conv2d(8, 16, 3, 1, 1).bias(false), new BatchNorm2d(16), act.get());
            net.eval();
            Tensor x = Tensor.randn(2, 8, 12, 12);
            assertTrue(dev.nnsh.ops.fast.DnnlConv.channelsLast(net.apply(x).nd()), net + ": fused, the result is the convolution's");
            FusableActivation.setSwishFused(false);
            try {
                assertFalse(dev.nnsh.ops.fast.DnnlConv.channelsLast(net.apply(x).nd()), net + ": the activation ran on its own");
            } finally {
                FusableActivation.setSwishFused(true);
            }
        }
    }

    private static void check(Module net, Tensor x) {
        randomize(net);
        net.eval();
        Tensor want = unfused(() -> net.apply(x));
        FusableActivation.setSwishFused(false);
        Tensor separate;
        try {
            separate = net.apply(x);
        } finally {
            FusableActivation.setSwishFused(true);
        }
        Tensor got = net.apply(x);
        assertClose(want, got, net + " fused");
        assertClose(want, separate, net + " with the activation run separately");
    }

    private static void randomize(Module m) {
        Tensor.manualSeed(7);
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (var e : m.stateDict().entrySet()) {
            Tensor t = e.getValue();
            Tensor r;
            if (!t.dtype().isFloatingPoint()) r = t;
            else if (e.getKey().endsWith("running_var")) r = Tensor.rand(t.shape()).add(0.5);
            else if (t.dim() == 1) r = Tensor.randn(t.shape()).mul(0.5).add(e.getKey().endsWith("weight") ? 1 : 0);
            else r = Tensor.randn(t.shape()).mul(0.5);
            state.put(e.getKey(), r);
        }
        m.loadStateDict(state);
    }

    private static Tensor unfused(Supplier<Tensor> pass) {
        InPlace.setEnabled(false);
        try {
            return pass.get();
        } finally {
            InPlace.setEnabled(true);
        }
    }

    private static void assertClose(Tensor want, Tensor got, String what) {
        float[] e = want.nd().dup('c').data().asFloat(), a = got.nd().dup('c').data().asFloat();
        assertEquals(e.length, a.length, what + ": size");
        double scale = 0;
        for (float v : e) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= 1e-5 * Math.max(Math.abs(e[i]), 0.1 * scale) + 1e-6)) {
                fail(what + ": element " + i + " expected " + e[i] + ", got " + a[i]);
            }
        }
    }
}
