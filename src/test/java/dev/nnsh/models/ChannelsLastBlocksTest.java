package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.nnsh.models.vision.LayerNorm2d;
import dev.nnsh.models.vision.Permute;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Parameter;
import dev.nnsh.ops.fast.DnnlLinearResidual;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): ConvNeXt's block and LayerNorm2d run channels-last in eval against the same modules
 * run step by step (-Dnnsh.tf.blocks=off: the Permute modules, LayerNorm, Linear, GELU, layer scale
 * and residual as separate calls), and LayerNorm2d against plain double loops.
 */
class ChannelsLastBlocksTest {
    private static Tensor without(Supplier<Tensor> pass) {
        System.setProperty("nnsh.tf.blocks", "off");
        try {
            return pass.get();
        } finally {
            System.clearProperty("nnsh.tf.blocks");
        }
    }

    private static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    private static void assertNear(float[] expected, Tensor actual, double tolerance) {
        float[] a = values(actual);
        assertEquals(expected.length, a.length);
        double scale = 1e-3;
        for (float e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - expected[i]) <= tolerance * scale)) fail("element " + i + ": expected " + expected[i] + ", got " + a[i]);
        }
    }

    @Test void convNeXtBlockChannelsLastEqualsTheStepByStepBlock() {
        Tensor.manualSeed(5);
        var block = new ConvNeXt.CNBlock(24, 0.5, 0.0);
        block.layer_scale.set(Tensor.randn(24, 1, 1));
        block.eval();
        Tensor x = Tensor.randn(2, 24, 9, 11);
        int before = DnnlLinearResidual.compiledPrimitives();
        Tensor fast = block.apply(x);
        assertEquals(before + 1, DnnlLinearResidual.compiledPrimitives(), "the block's last Linear ran with scale and residual fused");
        assertArrayEquals(new long[]{2, 24, 9, 11}, fast.shape());
        float[] expected = values(without(() -> block.apply(x)));
        assertNear(expected, fast, 1e-5);
        Tensor again = block.apply(fast); // a channels-last input, read without a copy
        assertNear(values(without(() -> block.apply(fast))), again, 1e-5);
    }

    @Test void convNeXtBlockInTrainingKeepsTheModules() {
        Tensor.manualSeed(6);
        var block = new ConvNeXt.CNBlock(8, 1e-6, 0.0);
        Tensor x = Tensor.randn(1, 8, 5, 5);
        int before = DnnlLinearResidual.compiledPrimitives();
        Tensor y = block.apply(x);
        assertEquals(before, DnnlLinearResidual.compiledPrimitives());
        assertNear(values(without(() -> block.apply(x))), y, 1e-6);
    }

    @Test void permuteOfChannelsLastMemoryIsAViewAndOtherwiseACopy() {
        Tensor.manualSeed(8);
        Tensor nhwc = Tensor.randn(2, 3, 4, 5);
        Tensor channelsLast = Tensor.of(nhwc.nd().permute(0, 3, 1, 2)); // [N, C, H, W] over channels-last memory
        Tensor view = new Permute(0, 2, 3, 1).apply(channelsLast);
        assertArrayEquals(new long[]{2, 3, 4, 5}, view.shape());
        assertArrayEquals(values(nhwc), values(view));
        assertTrue(dev.nnsh.tensor.NativeBuffers.shareMemory(view, nhwc), "no copy where the order is the memory's");
        Tensor plain = Tensor.randn(2, 5, 3, 4);
        Tensor copy = new Permute(0, 2, 3, 1).apply(plain);
        assertArrayEquals(values(plain.permute(0, 2, 3, 1)), values(copy));
        assertTrue(!dev.nnsh.tensor.NativeBuffers.shareMemory(copy, plain), "a copy where it is not");
        assertArrayEquals(values(plain.permute(0, 2, 3, 1)), values(new Permute(0, -2, -1, 1).apply(plain)), "negative dims");
    }

    @Test void layerNorm2dOverChannelsMatchesTheLoops() {
        Tensor.manualSeed(7);
        int n = 2, c = 5, h = 3, w = 4;
        var ln = new LayerNorm2d(c, 1e-6);
        Parameter weight = ln.ownParameters().get("weight"), bias = ln.ownParameters().get("bias");
        weight.set(Tensor.randn(c));
        bias.set(Tensor.randn(c));
        ln.eval();
        Tensor x = Tensor.randn(n, c, h, w).mul(3).add(1);
        float[] xv = values(x), g = values(weight.data()), b = values(bias.data());
        float[] expected = new float[xv.length];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < h * w; p++) {
                double mean = 0, var = 0;
                for (int k = 0; k < c; k++) mean += xv[(i * c + k) * h * w + p];
                mean /= c;
                for (int k = 0; k < c; k++) var += Math.pow(xv[(i * c + k) * h * w + p] - mean, 2);
                var /= c;
                for (int k = 0; k < c; k++) {
                    int at = (i * c + k) * h * w + p;
                    expected[at] = (float) ((xv[at] - mean) / Math.sqrt(var + 1e-6) * g[k] + b[k]);
                }
            }
        }
        Tensor y = ln.apply(x);
        assertArrayEquals(new long[]{n, c, h, w}, y.shape());
        assertNear(expected, y, 1e-5);
        assertNear(expected, without(() -> ln.apply(x)), 1e-5);
        assertTrue(y.nd().stride()[1] == 1, "the result is a channels-last view");
    }
}
