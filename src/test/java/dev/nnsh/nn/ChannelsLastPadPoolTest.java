package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;
import dev.nnsh.testnets.RandomEval;

/** Issue 11 (cnn): Inception's functional pools on oneDNN against plain-Java loops (PyTorch's definitions, in double). */
class ChannelsLastPadPoolTest {
    /** A fused convolution's channels-last result of shape [n, c, h, w]. */
    private static Tensor channelsLast(int n, int c, int h, int w, long seed) {
        Sequential s = new Sequential(new Conv2d(3, c, 3, 1, 1), new ReLU());
        RandomEval.randomize(s, seed, 0.5);
        s.eval();
        Tensor.manualSeed(seed);
        Tensor y = s.apply(Tensor.randn(n, 3, h, w));
        assertTrue(DnnlConv.channelsLast(y.nd()), "the test input is channels-last");
        return y;
    }

    /** avg_pool2d with count_include_pad (divisor: the window clipped to the padded input) or max_pool2d (padding −∞). */
    private static double[] reference(INDArray x, int k, int s, int p, boolean max) {
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        long oh = (h + 2 * p - k) / s + 1, ow = (w + 2 * p - k) / s + 1;
        double[] out = new double[(int) (n * c * oh * ow)];
        int at = 0;
        for (long b = 0; b < n; b++) for (long ch = 0; ch < c; ch++) for (long i = 0; i < oh; i++) for (long j = 0; j < ow; j++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            long h0 = i * s - p, w0 = j * s - p;
            long count = (Math.min(h0 + k, h + p) - h0) * (Math.min(w0 + k, w + p) - w0);
            for (long a = h0; a < h0 + k; a++) for (long d = w0; d < w0 + k; d++) {
                if (a < 0 || a >= h || d < 0 || d >= w) continue;
                double v = x.getDouble(b, ch, a, d);
                acc = max ? Math.max(acc, v) : acc + v;
            }
            out[at++] = max ? acc : acc / count;
        }
        return out;
    }

    private static void assertMatches(double[] want, Tensor got, String what) {
        assertTrue(DnnlConv.channelsLast(got.nd()), what + ": result channels-last");
        float[] a = got.nd().dup('c').data().asFloat();
        if (a.length != want.length) fail(what + ": size " + a.length + " vs " + want.length);
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - want[i]) > 1e-5 * Math.max(1, Math.abs(want[i]))) fail(what + ": element " + i + " expected " + want[i] + ", got " + a[i]);
        }
    }

    @Test void averageCountingThePaddingMatchesTheLoops() {
        for (int[] size : new int[][]{{2, 16, 11, 10}, {3, 5, 7, 7}, {1, 32, 5, 6}}) {
            Tensor x = channelsLast(size[0], size[1], size[2], size[3], 11 + size[1]);
            for (int[] ksp : new int[][]{{3, 1, 1}, {3, 2, 1}, {5, 3, 0}, {2, 2, 0}}) {
                Tensor got = ChannelsLastPadPool.avgPool2d(x, ksp[0], ksp[1], ksp[2]);
                String what = java.util.Arrays.toString(size) + " avg " + java.util.Arrays.toString(ksp);
                assertNotNull(got, what);
                assertMatches(reference(x.nd(), ksp[0], ksp[1], ksp[2], false), got, what);
                RandomEval.assertClose(F.avgPool2d(x, ksp[0], ksp[1], ksp[2]), got, 1e-5, what + " vs F");
            }
        }
    }

    @Test void maxMatchesTheLoops() {
        for (int[] size : new int[][]{{2, 16, 11, 10}, {3, 5, 8, 7}}) {
            Tensor x = channelsLast(size[0], size[1], size[2], size[3], 21 + size[1]);
            for (int[] ksp : new int[][]{{3, 2, 0}, {3, 1, 1}, {2, 2, 1}}) {
                Tensor got = ChannelsLastPadPool.maxPool2d(x, ksp[0], ksp[1], ksp[2]);
                String what = java.util.Arrays.toString(size) + " max " + java.util.Arrays.toString(ksp);
                assertNotNull(got, what);
                assertMatches(reference(x.nd(), ksp[0], ksp[1], ksp[2], true), got, what);
            }
        }
    }

    @Test void notChannelsLastOrSwitchedOffIsLeftToTheCaller() {
        Tensor plain = Tensor.randn(2, 4, 9, 9);
        assertNull(ChannelsLastPadPool.avgPool2d(plain, 3, 1, 1), "an NCHW input");
        assertNull(ChannelsLastPadPool.maxPool2d(plain, 3, 2, 0), "an NCHW input");
        Tensor x = channelsLast(2, 8, 9, 9, 5);
        ChannelsLastPadPool.setEnabled(false);
        try {
            assertNull(ChannelsLastPadPool.avgPool2d(x, 3, 1, 1), "switched off");
            assertNull(ChannelsLastPadPool.maxPool2d(x, 3, 2, 0), "switched off");
        } finally {
            ChannelsLastPadPool.setEnabled(true);
        }
        assertNull(ChannelsLastPadPool.avgPool2d(x, 3, 1, 2), "padding over half the kernel: F's error, not a result");
    }
}
