package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.nnsh.ops.fast.DnnlAttention;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): Swin's shifted-window attention in eval on oneDNN (qkv on the image rows, one
 * window-order copy each way, bias and shift mask added to the scores) against the Tensor-op path
 * (-Dnnsh.tf.windows=off: pad, roll, partition, per-head matmuls, softmax, reverse, roll back).
 */
class WindowAttentionFastPathTest {
    private static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    private static float[] tensorPath(Supplier<Tensor> pass) {
        System.setProperty("nnsh.tf.windows", "off");
        try {
            return values(pass.get());
        } finally {
            System.clearProperty("nnsh.tf.windows");
        }
    }

    private static void assertNear(float[] expected, Tensor actual) {
        float[] a = values(actual);
        assertEquals(expected.length, a.length);
        double scale = 1e-3;
        for (float e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - expected[i]) <= 2e-5 * scale)) fail("element " + i + ": expected " + expected[i] + ", got " + a[i]);
        }
    }

    private static void check(int windowSize, int shift, long h, long w, long seed) {
        Tensor.manualSeed(seed);
        var attn = new ShiftedWindowAttention(24, windowSize, shift, 3);
        attn.ownParameters().get("relative_position_bias_table").set(Tensor.randn((2L * windowSize - 1) * (2L * windowSize - 1), 3));
        attn.eval();
        Tensor x = Tensor.randn(2, h, w, 24);
        int before = DnnlAttention.compiledPrimitives();
        Tensor fast = attn.apply(x);
        assertEquals(before + 1, DnnlAttention.compiledPrimitives(), "the window attention ran on oneDNN");
        assertArrayEquals(new long[]{2, h, w, 24}, fast.shape());
        assertNear(tensorPath(() -> attn.apply(x)), fast);
    }

    @Test void shiftedWindowsEqualTheTensorPath() { check(3, 1, 6, 9, 1); }

    @Test void unshiftedWindowsEqualTheTensorPath() { check(2, 0, 4, 6, 2); }

    @Test void paddedShiftedWindowsEqualTheTensorPath() { check(3, 1, 7, 8, 3); }

    @Test void trainingKeepsTheTensorPath() {
        Tensor.manualSeed(4);
        var attn = new ShiftedWindowAttention(24, 2, 1, 3);
        Tensor x = Tensor.randn(1, 4, 4, 24);
        int before = DnnlAttention.compiledPrimitives();
        Tensor y = attn.apply(x);
        assertEquals(before, DnnlAttention.compiledPrimitives());
        assertNear(tensorPath(() -> attn.apply(x)), y);
    }

    private static float[] unfused(Supplier<Tensor> pass) {
        System.setProperty("nnsh.tf.residual", "off");
        try {
            return values(pass.get());
        } finally {
            System.clearProperty("nnsh.tf.residual");
        }
    }

    private static float[] windowResidualOff(Supplier<Tensor> pass) {
        System.setProperty("nnsh.tf.windowres", "off");
        try {
            return values(pass.get());
        } finally {
            System.clearProperty("nnsh.tf.windowres");
        }
    }

    /** issue 11 (tf, round two): the attention's residual added in window order, shifted and not, and a padded image that keeps the separate add. */
    @Test void swinBlocksWithTheAttentionResidualInWindowOrderEqualTheSeparateAdd() {
        for (int[] c : new int[][]{{0, 6, 9}, {1, 6, 9}, {1, 7, 8}}) {
            Tensor.manualSeed(20 + c[0] + c[1]);
            var swin = new SwinTransformer.SwinTransformerBlock(24, 3, 3, c[0], 0.1);
            swin.attn.ownParameters().get("relative_position_bias_table").set(Tensor.randn(25, 3));
            swin.eval();
            Tensor x = Tensor.randn(2, c[1], c[2], 24);
            Tensor y = swin.apply(x);
            assertArrayEquals(new long[]{2, c[1], c[2], 24}, y.shape());
            assertNear(windowResidualOff(() -> swin.apply(x)), y);
            assertNear(tensorPath(() -> swin.apply(x)), y);
            assertEquals(c[1] % 3 == 0 && c[2] % 3 == 0, swin.attn.evalPlus(swin.norm1, x) != null, "window-order residual path taken when unpadded");
        }
    }

    @Test void aSwinBlockPassTakesEveryBufferFromThePool() {
        Tensor.manualSeed(30);
        var swin = new SwinTransformer.SwinTransformerBlock(96, 3, 7, 3, 0.1);
        swin.eval();
        Tensor x = Tensor.randn(2, 28, 28, 96);
        assertEquals(0, SteadyPasses.poolMisses(swin, x), "pool misses in three passes: every intermediate given back");
    }

    @Test void aSmallSwinPassFreesEveryIntermediateAndKeepsItsValues() {
        Tensor.manualSeed(31);
        var net = new SwinTransformer(4, 16, new int[]{2, 2}, new int[]{2, 4}, 4, 0.1, 10, false);
        net.eval();
        Tensor x = Tensor.randn(4, 3, 128, 128); // stage 1's results (4 x 32 x 32 x 16 and up) are pooled buffers
        float[] first = values(net.apply(x));
        net.apply(x);
        var before = dev.nnsh.tensor.NativeBuffers.stats();
        Tensor last = null;
        for (int i = 0; i < 3; i++) last = net.apply(x);
        assertEquals(0, dev.nnsh.tensor.NativeBuffers.stats().misses() - before.misses(), "pool misses in three steady-state passes");
        assertArrayEquals(first, values(last), "the same output after the freed buffers were reused");
        assertNear(tensorPath(() -> net.apply(x)), net.apply(x));
    }

    @Test void swinAndVitBlocksWithTheResidualsFusedEqualTheSeparateAdds() {
        Tensor.manualSeed(9);
        var swin = new SwinTransformer.SwinTransformerBlock(24, 3, 3, 1, 0.1);
        swin.eval();
        Tensor x = Tensor.randn(2, 6, 6, 24);
        int before = dev.nnsh.ops.fast.DnnlLinearResidual.compiledPrimitives();
        Tensor y = swin.apply(x);
        assertEquals(before + 2, dev.nnsh.ops.fast.DnnlLinearResidual.compiledPrimitives(), "the attention's and the MLP's residuals fused");
        assertNear(unfused(() -> swin.apply(x)), y);
        var vit = new VisionTransformer.EncoderBlock(4, 32, 40, 0.0, 0.0);
        vit.eval();
        Tensor tokens = Tensor.randn(3, 11, 32);
        before = dev.nnsh.ops.fast.DnnlLinearResidual.compiledPrimitives();
        Tensor z = vit.apply(tokens);
        assertEquals(before + 2, dev.nnsh.ops.fast.DnnlLinearResidual.compiledPrimitives(), "both residuals fused");
        assertNear(unfused(() -> vit.apply(tokens)), z);
    }
}
