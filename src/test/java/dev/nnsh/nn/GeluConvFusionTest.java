package dev.nnsh.nn;

import static dev.nnsh.testnets.RandomEval.assertClose;
import static dev.nnsh.testnets.RandomEval.randomize;
import static dev.nnsh.testnets.RandomEval.unfused;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11: Conv2d (→ BatchNorm2d) → GELU in a Sequential (MaxViT's MBConv) runs as one convolution with oneDNN's
 * erf or tanh GELU as its post-op, with the values of the separate modules (every fast path off).
 */
class GeluConvFusionTest {
    private static final java.util.List<Supplier<Module>> GELUS = java.util.List.of(GELU::new, () -> new GELU("tanh"));

    @Test void convBatchNormGeluFusesWithTheSeparateCallsValues() {
        for (Supplier<Module> act : GELUS) {
            check(new Sequential(new Conv2d(8, 16, 3, 1, 1).bias(false), new BatchNorm2d(16), act.get()), Tensor.randn(3, 8, 20, 20));
            check(new Sequential(new Conv2d(8, 16, 1), act.get()), Tensor.randn(3, 8, 20, 20));
            check(new Sequential(new Conv2d(16, 16, 3, 2, 1).groups(16).bias(false), new BatchNorm2d(16), act.get()),
                    Tensor.randn(3, 16, 40, 40));
        }
    }

    @Test void theGeluIsNoLongerASeparateStepUnlessSwitchedOff() {
        // a fused convolution's result is channels-last; GELU run as its own module gives an NCHW tensor
        for (Supplier<Module> act : GELUS) {
            Module net = new Sequential(new Conv2d(8, 16, 3, 1, 1).bias(false), new BatchNorm2d(16), act.get());
            net.eval();
            Tensor x = Tensor.randn(2, 8, 12, 12);
            assertTrue(DnnlConv.channelsLast(net.apply(x).nd()), net + ": fused, the result is the convolution's");
            assertFalse(DnnlConv.channelsLast(separately(() -> net.apply(x)).nd()), net + ": with nnsh.fuse.gelu=off GELU runs on its own");
        }
    }

    private static Tensor separately(Supplier<Tensor> pass) {
        String before = System.getProperty("nnsh.fuse.gelu");
        System.setProperty("nnsh.fuse.gelu", "off");
        try {
            return pass.get();
        } finally {
            if (before == null) System.clearProperty("nnsh.fuse.gelu"); else System.setProperty("nnsh.fuse.gelu", before);
        }
    }

    private static void check(Module net, Tensor x) {
        randomize(net, 7, 0.5);
        net.eval();
        Tensor want = unfused(() -> net.apply(x));
        Tensor separate = separately(() -> net.apply(x));
        Tensor got = net.apply(x);
        assertClose(want, got, 1e-5, net + " fused");
        assertClose(want, separate, 1e-5, net + " with GELU run separately");
    }
}
