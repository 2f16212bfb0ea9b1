package dev.nnsh.ops.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** issue 11 (small): tiny convolutions run on the calling thread alone give what the shared path and plain loops give. */
class DnnlThreadsTest {
    /** n, c, h, w, o, k, groups, stride, pad */
    private static final int[][] CASES = {
            {12, 440, 1, 1, 110, 1, 1, 1, 0}, // regnet_y_400mf's largest excitation, squeeze
            {12, 26, 1, 1, 104, 1, 1, 1, 0},  // and an expansion
            {2, 16, 5, 5, 8, 3, 2, 2, 1},     // grouped 3x3, stride 2, padding 1
    };

    @Test void tinyConvolutionsAloneMatchTheSharedPathAndPlainLoops() {
        boolean was = DnnlThreads.isEnabled();
        DnnlThreads.setEnabled(true);
        try {
            compareAloneWithSharedAndLoops();
        } finally {
            DnnlThreads.setEnabled(was);
        }
    }

    private static void compareAloneWithSharedAndLoops() {
        Random r = new Random(11);
        for (int[] k : CASES) {
            int n = k[0], c = k[1], h = k[2], w = k[3], o = k[4], kk = k[5], g = k[6], s = k[7], p = k[8];
            long macs = (long) n * o * ((h + 2 * p - kk) / s + 1) * ((w + 2 * p - kk) / s + 1) * (c / g) * kk * kk;
            assertTrue(DnnlThreads.alone(macs), "case is tiny: " + macs);
            float[] xv = random(r, n * c * h * w), wv = random(r, o * (c / g) * kk * kk), bv = random(r, o);
            INDArray x = DnnlConv.newChannelsLast(n, c, h, w);
            x.assign(Nd4j.create(xv, new long[]{n, c, h, w}, 'c'));
            INDArray wt = Nd4j.create(wv, new long[]{o, c / g, kk, kk}, 'c'), b = Nd4j.create(bv, new long[]{o}, 'c');
            int before = DnnlThreads.current();
            INDArray alone = conv(x, wt, b, s, p, g);
            assertEquals(before, DnnlThreads.current(), "the calling thread's OpenMP thread count is put back");
            INDArray shared;
            DnnlThreads.setEnabled(false);
            try {
                shared = conv(x, wt, b, s, p, g);
            } finally {
                DnnlThreads.setEnabled(true);
            }
            double[] ref = reference(xv, wv, bv, n, c, h, w, o, kk, g, s, p);
            long oh = alone.size(2), ow = alone.size(3);
            int i = 0;
            for (int a = 0; a < n; a++) for (int q = 0; q < o; q++) for (int y = 0; y < oh; y++) for (int z = 0; z < ow; z++, i++) {
                double got = alone.getDouble(a, q, y, z);
                assertEquals(ref[i], got, 1e-4 * (1 + Math.abs(ref[i])), "plain loops, case " + java.util.Arrays.toString(k));
                assertEquals(shared.getDouble(a, q, y, z), got, 1e-5 * (1 + Math.abs(got)), "shared path, case " + java.util.Arrays.toString(k));
            }
        }
    }

    @Test void onlyConvolutionsBelowTheLimitRunAloneAndOnlyWhenSwitchedOn() {
        boolean was = DnnlThreads.isEnabled();
        try {
            DnnlThreads.setEnabled(true);
            assertTrue(DnnlThreads.alone(DnnlThreads.ALONE_BELOW - 1));
            assertFalse(DnnlThreads.alone(DnnlThreads.ALONE_BELOW));
            DnnlThreads.setEnabled(false);
            assertFalse(DnnlThreads.alone(1000));
        } finally {
            DnnlThreads.setEnabled(was);
        }
    }

    @Test void offUnlessAskedFor() {
        assertEquals("on".equals(System.getProperty("nnsh.dnnl.alone")), DnnlThreads.isEnabled());
    }

    private static INDArray conv(INDArray x, INDArray w, INDArray b, int s, int p, int g) {
        INDArray y = DnnlConv.conv2d(x, w, b, new int[]{s, s}, new int[]{p, p, p, p}, new int[]{1, 1}, g, DnnlPostOps.RELU, null);
        assertNotNull(y, "oneDNN ran the convolution");
        return y;
    }

    /** relu(b + conv), NCHW order, in double. */
    private static double[] reference(float[] x, float[] w, float[] b, int n, int c, int h, int wd, int o, int k, int g, int s, int p) {
        int oh = (h + 2 * p - k) / s + 1, ow = (wd + 2 * p - k) / s + 1, cg = c / g, og = o / g;
        double[] out = new double[n * o * oh * ow];
        int i = 0;
        for (int a = 0; a < n; a++) for (int q = 0; q < o; q++) for (int y = 0; y < oh; y++) for (int z = 0; z < ow; z++, i++) {
            double sum = b[q];
            int group = q / og;
            for (int ci = 0; ci < cg; ci++) for (int u = 0; u < k; u++) for (int v = 0; v < k; v++) {
                int iy = y * s - p + u, ix = z * s - p + v;
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                sum += (double) x[((a * c + group * cg + ci) * h + iy) * wd + ix] * w[((q * cg + ci) * k + u) * k + v];
            }
            out[i] = Math.max(0, sum);
        }
        return out;
    }

    private static float[] random(Random r, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) v[i] = (float) r.nextGaussian();
        return v;
    }
}
