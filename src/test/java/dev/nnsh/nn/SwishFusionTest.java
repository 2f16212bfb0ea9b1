package dev.nnsh.nn;

import static dev.nnsh.testnets.RandomEval.assertClose;
import static dev.nnsh.testnets.RandomEval.randomize;
import static dev.nnsh.testnets.RandomEval.unfused;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

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
        randomize(net, 7, 0.5);
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
        assertClose(want, got, 1e-5, net + " fused");
        assertClose(want, separate, 1e-5, net + " with the activation run separately");
    }

}
