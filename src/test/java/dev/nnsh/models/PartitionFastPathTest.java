package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

import dev.nnsh.nn.PartitionFastPath;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): MaxViT's partition (+ the grid's swap) and departition as row copies against the
 * WindowPartition / SwapAxes / WindowDepartition modules, the channels-last residual sum against a plain
 * add, and a whole partition attention layer with the path on and off (-Dnnsh.tf.partition=off).
 */
class PartitionFastPathTest {
    private static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    /** [n, c, h, w] values held channels-last (an [n, h, w, c] buffer seen as [n, c, h, w]). */
    private static Tensor channelsLast(long n, long c, long h, long w) {
        return Tensor.of(Tensor.randn(n, h, w, c).nd().permute(0, 3, 1, 2));
    }

    @Test void windowAndGridPartitionsEqualTheModules() {
        Tensor.manualSeed(11);
        Tensor x = channelsLast(2, 5, 6, 4);
        Tensor window = new MaxVit.WindowPartition(2).apply(x);
        assertArrayEquals(values(window), values(PartitionFastPath.partition(x, 2, false)));
        Tensor grid = new MaxVit.SwapAxes(-2, -3).apply(window);
        Tensor fast = PartitionFastPath.partition(x, 2, true);
        assertArrayEquals(grid.shape(), fast.shape());
        assertArrayEquals(values(grid), values(fast));
    }

    @Test void departitionsEqualTheModulesAndComeBackChannelsLast() {
        Tensor.manualSeed(12);
        Tensor rows = Tensor.randn(2, 6, 4, 5); // 3 x 2 partitions of 2 x 2
        Tensor expected = new MaxVit.WindowDepartition(2, 3, 2).apply(rows);
        Tensor images = PartitionFastPath.departition(rows, 2, 3, 2, false);
        assertArrayEquals(new long[]{2, 5, 6, 4}, images.shape());
        assertArrayEquals(values(expected), values(images));
        assertTrue(images.nd().stride(1) == 1, "channels-last");
        Tensor swapped = Tensor.randn(2, 4, 6, 5);
        Tensor expectedGrid = new MaxVit.WindowDepartition(2, 3, 2).apply(new MaxVit.SwapAxes(-2, -3).apply(swapped));
        assertArrayEquals(values(expectedGrid), values(PartitionFastPath.departition(swapped, 2, 3, 2, true)));
    }

    @Test void aPlainLayoutOrAnUnevenSizeIsLeftToTheModules() {
        assertNull(PartitionFastPath.partition(Tensor.randn(1, 3, 4, 4), 2, false), "[n, c, h, w] dense");
        assertNull(PartitionFastPath.partition(channelsLast(1, 3, 5, 4), 2, false), "height not a multiple");
    }

    @Test void channelsLastSumEqualsTheAdd() {
        Tensor.manualSeed(13);
        Tensor a = channelsLast(2, 3, 4, 5), b = channelsLast(2, 3, 4, 5), plain = Tensor.randn(2, 3, 4, 5);
        Tensor sum = PartitionFastPath.channelsLastSum(a, b);
        assertTrue(sum.nd().stride(1) == 1, "channels-last");
        assertArrayEquals(values(a.add(b)), values(sum));
        assertArrayEquals(values(a.add(plain)), values(PartitionFastPath.channelsLastSum(a, plain)));
        assertNull(PartitionFastPath.channelsLastSum(plain, a), "a plain first operand keeps the pooled sum");
    }

    private static void assertNear(float[] expected, float[] actual) {
        double scale = 1e-3;
        for (float e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < actual.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= 1e-5 * scale)) fail("element " + i + ": expected " + expected[i] + ", got " + actual[i]);
        }
    }

    @Test void mlpAndAttentionResidualsAddedByTheMatmulEqualTheSeparateAdds() {
        Tensor.manualSeed(16);
        var layer = new MaxVit.PartitionAttentionLayer(16, 8, 2, false, 4, 2, 0.0);
        layer.eval();
        Tensor rows = Tensor.randn(2, 4, 4, 16);
        Tensor mlp = PartitionFastPath.preNormMlpPlus(layer.mlp_layer, rows);
        assertNotNull(mlp, "the MLP's residual fused");
        assertNear(values(rows.add(layer.mlp_layer.apply(rows))), values(mlp));
        var attention = (MaxVit.RelativePositionalMultiHeadAttention) layer.attn_layer.children().get(1);
        attention.ownParameters().get("relative_position_bias_table").set(Tensor.randn(9, 2));
        Tensor fused = attention.evalPlus(layer.attn_layer.children().get(0).apply(rows), rows);
        assertNotNull(fused, "the attention's residual fused");
        assertNear(values(rows.add(layer.attn_layer.apply(rows))), values(fused));
    }

    @Test void aChannelsLastLayerPassTakesEveryBufferFromThePool() {
        Tensor.manualSeed(17);
        var layer = new MaxVit.PartitionAttentionLayer(64, 32, 8, true, 32, 4, 0.0);
        layer.eval();
        Tensor x = channelsLast(2, 64, 32, 32);
        assertEquals(0, SteadyPasses.poolMisses(layer, x), "pool misses in three passes: every intermediate given back");
    }

    @Test void aDownsamplingMbConvPassTakesEveryBufferFromThePool() {
        Tensor.manualSeed(18);
        var block = new MaxVit.MBConv(32, 64, 4, 0.25, 2, 0.0);
        block.eval();
        Tensor x = channelsLast(2, 32, 64, 64);
        assertEquals(0, SteadyPasses.poolMisses(block, x), "pool misses in three passes: the shortcut given back too");
    }

    @Test void aSmallMaxVitPassFreesEveryIntermediateAndKeepsItsValues() {
        Tensor.manualSeed(19);
        var net = new MaxVit(128, 8, 2, new int[]{16, 32}, new int[]{1, 2}, 8, 0.2, 10);
        net.eval();
        Tensor x = Tensor.randn(8, 3, 128, 128); // the stem's and the first block's results are pooled buffers
        float[] first = values(net.apply(x));
        net.apply(x);
        var before = dev.nnsh.tensor.NativeBuffers.stats();
        Tensor last = null;
        for (int i = 0; i < 3; i++) last = net.apply(x);
        assertEquals(0, dev.nnsh.tensor.NativeBuffers.stats().misses() - before.misses(), "pool misses in three steady-state passes");
        assertArrayEquals(first, values(last), "the same output after the freed buffers were reused");
        for (String p : new String[]{"nnsh.tf.partition", "nnsh.tf.mbconv", "nnsh.tf.biascache"}) System.setProperty(p, "off");
        float[] slow;
        try {
            slow = values(net.apply(x));
        } finally {
            for (String p : new String[]{"nnsh.tf.partition", "nnsh.tf.mbconv", "nnsh.tf.biascache"}) System.clearProperty(p);
        }
        assertNear(slow, first);
    }

    @Test void partitionAttentionLayersEqualTheModulePath() {
        for (boolean grid : new boolean[]{false, true}) {
            Tensor.manualSeed(grid ? 14 : 15);
            var layer = new MaxVit.PartitionAttentionLayer(16, 8, 2, grid, 4, 2, 0.0);
            layer.eval();
            Tensor x = channelsLast(2, 16, 4, 4);
            Tensor fast = layer.apply(x);
            assertNotNull(PartitionFastPath.partition(x, 2, grid));
            System.setProperty("nnsh.tf.partition", "off");
            float[] slow;
            try {
                slow = values(layer.apply(x));
            } finally {
                System.clearProperty("nnsh.tf.partition");
            }
            assertArrayEquals(new long[]{2, 16, 4, 4}, fast.shape());
            assertNear(slow, values(fast));
        }
    }
}
