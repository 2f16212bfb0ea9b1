package dev.nnsh.nn;

import static dev.nnsh.nn.BlockedDenseLayerTest.C;
import static dev.nnsh.nn.BlockedDenseLayerTest.GROWTH;
import static dev.nnsh.nn.BlockedDenseLayerTest.H;
import static dev.nnsh.nn.BlockedDenseLayerTest.MID;
import static dev.nnsh.nn.BlockedDenseLayerTest.N;
import static dev.nnsh.nn.BlockedDenseLayerTest.W;
import static dev.nnsh.nn.BlockedDenseLayerTest.layer;
import static dev.nnsh.nn.BlockedDenseLayerTest.loops;
import static dev.nnsh.testnets.RandomEval.assertClose;
import static dev.nnsh.testnets.RandomEval.unfused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.BlockedChannelSlices;
import dev.nnsh.ops.fast.DnnlBlockedConv;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/** issue 11 (cnn): a dense block with its concatenation in nChw16c, and the per-image copies of blocked channel slices. */
class BlockedDenseBlockTest {

    static Module[] modules(Sequential s) {
        return new Module[]{s.get(0), s.get(1), s.get(2), s.get(3), s.get(4), s.get(5)};
    }

    @Test void twoLayersAsTheUnfusedModulesAndPlainLoopsGiveThem() {
        Sequential first = layer(C, MID, GROWTH), second = layer(C + GROWTH, MID, GROWTH);
        Tensor x = Tensor.randn(N, C, H, W);
        long runs = BlockedDenseBlock.runs();
        Tensor got = BlockedDenseBlock.run(List.of(modules(first), modules(second)), x);
        assertTrue(got != null, "the blocked block applies");
        assertEquals(runs + 1, BlockedDenseBlock.runs());
        assertTrue(DnnlConv.channelsLast(got.nd()), "the result is channels-last");
        Tensor y1 = unfused(() -> first.apply(x));
        Tensor x2 = Tensor.cat(1, List.of(x, y1));
        Tensor want = Tensor.cat(1, List.of(x, y1, unfused(() -> second.apply(x2))));
        assertClose(want, got, 1e-5, "against the unfused modules");
        // plain loops, layer by layer on the concatenation
        float[] l1 = loops(first, x.nd().dup('c').data().asFloat());
        Tensor loops1 = Tensor.cat(1, List.of(x, Tensor.of(l1, N, GROWTH, H, W)));
        float[] l2 = loops(second, loops1.nd().dup('c').data().asFloat());
        assertClose(Tensor.cat(1, List.of(loops1, Tensor.of(l2, N, GROWTH, H, W))), got, 1e-4, "against plain loops");
        // the same values from the layer-by-layer blocked path
        System.setProperty("nnsh.dense.blockedBuffer", "off");
        try {
            assertNull(BlockedDenseBlock.run(List.of(modules(first), modules(second)), x), "off switch");
        } finally {
            System.clearProperty("nnsh.dense.blockedBuffer");
        }
    }

    @Test void declinesWhereAChannelCountIsNotWholeBlocks() {
        Tensor x = Tensor.randn(N, C, H, W);
        assertNull(BlockedDenseBlock.run(List.<Module[]>of(modules(layer(C, MID, 8))), x), "growth 8");
        assertNull(BlockedDenseBlock.run(List.<Module[]>of(modules(layer(24, MID, GROWTH))), Tensor.randn(N, 24, H, W)), "24 input channels");
        assertNull(BlockedDenseBlock.run(List.<Module[]>of(modules(layer(C, MID, GROWTH)), modules(layer(C, MID, GROWTH))), x),
                "a layer whose norm1 does not cover the maps before it");
        assertNull(BlockedDenseBlock.run(List.<Module[]>of(modules(layer(C, MID, GROWTH))), Tensor.shapeOnly(N, C, H, W)), "shape-only pass");
    }

    @Test void copiesChannelSlicesOfWholeBlocksImageByImage() {
        Tensor a = Tensor.randn(3, 48, 4, 5), b = Tensor.randn(3, 32, 4, 5);
        INDArray ab = DnnlBlockedConv.toBlocked(a.nd()), bb = DnnlBlockedConv.toBlocked(b.nd());
        BlockedChannelSlices.copy(ab, 48, 16, bb, 32, 16, 16, 3, 20); // a's channels [16, 32) into b's [16, 32)
        INDArray back = DnnlConv.newChannelsLast(3, 32, 4, 5);
        DnnlBlockedConv.fromBlocked(bb, new long[]{3, 32, 4, 5}, back);
        float[] want = b.nd().dup('c').data().asFloat(), av = a.nd().dup('c').data().asFloat(), got = back.dup('c').data().asFloat();
        for (int n = 0; n < 3; n++) for (int c = 16; c < 32; c++) for (int p = 0; p < 20; p++) want[(n * 32 + c) * 20 + p] = av[(n * 48 + c) * 20 + p];
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 0f, "element " + i);
        assertThrows(IllegalArgumentException.class, () -> BlockedChannelSlices.copy(ab, 48, 8, bb, 32, 0, 16, 3, 20), "not whole blocks");
        assertThrows(IllegalArgumentException.class, () -> BlockedChannelSlices.copy(ab, 48, 32, bb, 32, 16, 32, 3, 20), "past the end");
    }
}
