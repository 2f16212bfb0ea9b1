package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/**
 * issue 11 (wino): fused Conv2d → BatchNorm2d → ReLU runs on Winograd (the batch norm folded into
 * the weights it transforms), at the benchmarks' batch of 12, against the separate module calls with
 * every fast path off (ND4J's own convolution and batch norm), and against the direct convolution
 * with Winograd switched off.
 */
class WinogradFusionTest {
    private static final long PER_RUN = DnnlConv.winogradSupported() ? 1 : 0;

    @Test void fusedLayersOnWinogradMatchTheUnfusedPass() {
        Sequential net = new Sequential(
                new Conv2d(16, 32, 3, 1, 1), new BatchNorm2d(32), new ReLU(),
                new Conv2d(32, 32, 3, 1, 1).bias(false), new BatchNorm2d(32), new ReLU(),
                new MaxPool2d(2),
                new Conv2d(32, 48, 3, 1, 1), new ReLU());
        ConvFusionTest.randomize(net, 3);
        net.eval();
        Tensor.manualSeed(4);
        Tensor x = Tensor.randn(12, 16, 14, 14);
        Tensor expected = ConvFusionTest.unfused(() -> net.apply(x));
        long before = DnnlConv.winogradRuns();
        Tensor winograd = net.apply(x);
        assertEquals(before + 3 * PER_RUN, DnnlConv.winogradRuns(), "all three convolutions on Winograd");
        DnnlConv.setWinogradEnabled(false);
        Tensor direct;
        try {
            direct = net.apply(x);
        } finally {
            DnnlConv.setWinogradEnabled(true);
        }
        assertEquals(before + 3 * PER_RUN, DnnlConv.winogradRuns(), "switched off: none on Winograd");
        double scale = expected.nd().amaxNumber().doubleValue();
        double winogradDiff = winograd.sub(expected).nd().amaxNumber().doubleValue() / scale;
        double directDiff = direct.sub(expected).nd().amaxNumber().doubleValue() / scale;
        assertTrue(winogradDiff < 1e-5, "Winograd against ND4J: " + winogradDiff);
        assertTrue(directDiff < 2e-6, "direct against ND4J: " + directDiff);
    }
}
