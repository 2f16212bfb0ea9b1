package dev.nnsh.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.tensor.Tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelInterleaveTest {
    /** channel_shuffle(cat([a, b], 1), 2) written out: channel 2k is a's k, 2k + 1 is b's k. */
    private static void assertShuffled(Tensor a, Tensor b, Tensor out) {
        long n = a.size(0), c = a.size(1), h = a.size(2), w = a.size(3);
        assertArrayEquals(new long[]{n, 2 * c, h, w}, out.shape());
        INDArray o = out.nd(), x = a.nd(), y = b.nd();
        for (long i = 0; i < n; i++) for (long k = 0; k < c; k++) for (long r = 0; r < h; r++) for (long s = 0; s < w; s++) {
            assertEquals(x.getFloat(i, k, r, s), o.getFloat(i, 2 * k, r, s), "a's channel " + k);
            assertEquals(y.getFloat(i, k, r, s), o.getFloat(i, 2 * k + 1, r, s), "b's channel " + k);
        }
    }

    @Test void evenChannelsComeFromTheFirstPartAndOddOnesFromTheSecond() {
        Tensor a = Tensor.rand(2, 3, 4, 5), b = Tensor.rand(2, 3, 4, 5);
        Tensor out = ChannelInterleave.catShuffled(a, b);
        assertNotNull(out);
        assertShuffled(a, b, out);
    }

    @Test void partsThatAreChannelSlicesOfAChannelsLastBufferAreReadThroughTheirStrides() {
        ChannelConcat buffer = new ChannelConcat(Tensor.rand(2, 1, 3, 3), 8);
        buffer.copy(Tensor.rand(2, 8, 3, 3), 0);
        Tensor whole = buffer.result();
        assertEquals(1, whole.nd().stride(1), "channels-last storage");
        java.util.List<Tensor> halves = whole.chunk(2, 1);
        Tensor out = ChannelInterleave.catShuffled(halves.get(0), halves.get(1));
        assertNotNull(out);
        assertShuffled(halves.get(0), halves.get(1), out);
    }

    @Test void halvesAreTheChunksOfTheChannelsWithoutACopy() {
        ChannelConcat buffer = new ChannelConcat(Tensor.rand(2, 1, 3, 3), 6);
        buffer.copy(Tensor.rand(2, 6, 3, 3), 0);
        Tensor x = buffer.result();
        java.util.List<Tensor> views = ChannelInterleave.halves(x), chunks = x.chunk(2, 1);
        assertNotNull(views);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(new long[]{2, 3, 3, 3}, views.get(i).shape());
            assertEquals(0.0, views.get(i).sub(chunks.get(i)).abs().max().item(), "half " + i);
            assertTrue(dev.nnsh.tensor.NativeBuffers.shareMemory(views.get(i), x), "half " + i + " is a view of x");
        }
        assertNull(ChannelInterleave.halves(Tensor.rand(1, 3, 2, 2)), "an odd channel count is left to chunk");
    }

    @Test void partsOfDifferentShapesAreLeftToTheUsualPath() {
        assertNull(ChannelInterleave.catShuffled(Tensor.rand(1, 2, 3, 3), Tensor.rand(1, 3, 3, 3)));
    }
}
