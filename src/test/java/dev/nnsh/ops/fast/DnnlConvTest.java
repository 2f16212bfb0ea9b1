package dev.nnsh.ops.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import dev.nnsh.ops.ConvOps;
import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.Tensor;

/**
 * The direct oneDNN convolution against plain-Java loops (double arithmetic) and against ND4J's
 * kernel (the same ConvOps call with the fast paths off), for the cases the zoo needs.
 */
class DnnlConvTest {
    /** n, c, h, w, o, kh, kw, groups, stride h/w, pad t/b/l/r, dilation h/w, bias */
    private static final int[][] CASES = {
            {2, 4, 7, 6, 6, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},   // plain 3x3, padding 1
            {2, 8, 9, 9, 8, 3, 3, 8, 1, 1, 1, 1, 1, 1, 1, 1, 0},   // depthwise, no bias
            {1, 6, 8, 8, 12, 3, 3, 6, 2, 2, 1, 1, 1, 1, 1, 1, 1},  // depthwise with multiplier 2, stride 2
            {2, 8, 8, 7, 4, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1},   // grouped (2 groups)
            {1, 6, 10, 10, 6, 3, 3, 3, 1, 2, 2, 2, 2, 2, 2, 2, 1}, // grouped, dilation 2, stride (1, 2)
            {2, 5, 8, 8, 7, 4, 4, 1, 1, 1, 1, 2, 1, 2, 1, 1, 1},   // "same" for an even kernel: asymmetric padding
            {3, 16, 5, 5, 9, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0},  // 1x1
            {1, 3, 15, 15, 8, 7, 7, 1, 2, 2, 3, 3, 3, 3, 1, 1, 1}, // a stem: 7x7, stride 2, padding 3
            {2, 4, 6, 9, 5, 3, 2, 1, 2, 1, 0, 1, 2, 0, 1, 2, 1},   // everything asymmetric
    };

    @Test void matchesPlainJavaLoopsAndNd4j() {
        for (int[] k : CASES) {
            Random r = new Random(k[1] * 31L + k[4]);
            int n = k[0], c = k[1], h = k[2], w = k[3], o = k[4], kh = k[5], kw = k[6], g = k[7];
            int[] stride = {k[8], k[9]}, pad = {k[10], k[11], k[12], k[13]}, dil = {k[14], k[15]};
            float[] x = random(r, n * c * h * w), wt = random(r, o * (c / g) * kh * kw), b = k[16] == 1 ? random(r, o) : null;
            Tensor tx = Tensor.of(x, n, c, h, w), tw = Tensor.of(wt, o, c / g, kh, kw), tb = b == null ? null : Tensor.of(b, o);
            Tensor fast = ConvOps.conv2d(tx, tw, tb, stride, pad, dil, g); // the hook: NCHW in, NCHW out
            INDArray direct = DnnlConv.conv2d(tx.nd(), tw.nd(), tb == null ? null : tb.nd(), stride, pad, dil, g, DnnlPostOps.NONE, null);
            assertNotNull(direct, "case " + java.util.Arrays.toString(k) + " runs on oneDNN");
            assertTrue(DnnlConv.channelsLast(direct));
            Tensor nd4j = withFastPathsOff(() -> ConvOps.conv2d(tx, tw, tb, stride, pad, dil, g));
            double[] expected = loops(x, n, c, h, w, wt, o, kh, kw, b, stride, pad, dil, g, fast.shape());
            assertClose(expected, fast, java.util.Arrays.toString(k));
            assertClose(expected, Tensor.of(direct), java.util.Arrays.toString(k) + " (channels-last)");
            assertClose(expected, nd4j, java.util.Arrays.toString(k) + " (ND4J)");
        }
    }

    @Test void channelsLastInputGivesTheSameValues() {
        Random r = new Random(7);
        float[] x = random(r, 2 * 6 * 5 * 5), wt = random(r, 4 * 6 * 3 * 3);
        Tensor w = Tensor.of(wt, 4, 6, 3, 3);
        INDArray nchw = Nd4j.create(x, new long[]{2, 6, 5, 5}, 'c');
        INDArray nhwc = nchw.permute(0, 2, 3, 1).dup('c').permute(0, 3, 1, 2);
        assertTrue(DnnlConv.channelsLast(nhwc));
        Tensor a = ConvOps.conv2d(Tensor.of(nchw), w, null, new int[]{1, 1}, new int[]{1, 1, 1, 1}, new int[]{1, 1}, 1);
        Tensor b = ConvOps.conv2d(Tensor.of(nhwc), w, null, new int[]{1, 1}, new int[]{1, 1, 1, 1}, new int[]{1, 1}, 1);
        double[] expected = loops(x, 2, 6, 5, 5, wt, 4, 3, 3, null, new int[]{1, 1}, new int[]{1, 1, 1, 1}, new int[]{1, 1}, 1, a.shape());
        assertClose(expected, a, "NCHW input");
        assertClose(expected, b, "NHWC input");
        // a channels-last result feeds the next convolution and ND4J's element-wise ops alike
        Tensor w1 = Tensor.of(random(r, 4 * 4), 4, 4, 1, 1);
        Tensor next = ConvOps.conv2d(b, w1, null, new int[]{1, 1}, new int[4], new int[]{1, 1}, 1);
        Tensor nextNd4j = withFastPathsOff(() -> ConvOps.conv2d(Tensor.of(b.nd().dup('c')), w1, null,
                new int[]{1, 1}, new int[4], new int[]{1, 1}, 1));
        assertClose(values(nextNd4j), next, "a convolution of a channels-last result");
        assertClose(values(b.add(1.5)), Tensor.of(b.nd().dup('c').add(1.5f)), "an ND4J op on the channels-last view");
    }

    @Test void viewsWithAnOffsetAndWritingIntoAChannelSlice() {
        Random r = new Random(13);
        INDArray wide = DnnlConv.newChannelsLast(2, 10, 5, 5);
        wide.assign(Nd4j.create(random(r, 2 * 10 * 5 * 5), new long[]{2, 10, 5, 5}, 'c'));
        INDArray slice = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 9), NDArrayIndex.all(), NDArrayIndex.all());
        assertTrue(DnnlConv.channelsLastStrided(slice));
        float[] x = slice.dup('c').data().asFloat(), wt = random(r, 4 * 6 * 9);
        INDArray w = Nd4j.create(wt, new long[]{4, 6, 3, 3}, 'c');
        int[] one = {1, 1}, pad = {1, 1, 1, 1};
        double[] expected = loops(x, 2, 6, 5, 5, wt, 4, 3, 3, null, one, pad, one, 1, new long[]{2, 4, 5, 5});
        assertClose(expected, Tensor.of(DnnlConv.conv2d(slice, w, null, one, pad, one, 1, DnnlPostOps.NONE, null)), "offset input");
        INDArray out = DnnlConv.newChannelsLast(2, 8, 5, 5);
        out.assign(-7);
        INDArray into = out.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6), NDArrayIndex.all(), NDArrayIndex.all());
        assertTrue(DnnlConv.conv2dInto(slice, w, null, one, pad, one, 1, DnnlPostOps.NONE, into) == into);
        assertClose(expected, Tensor.of(out.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6), NDArrayIndex.all(), NDArrayIndex.all())),
                "written into the slice");
        for (int ch : new int[]{0, 1, 6, 7}) {
            assertEquals(-7.0, out.get(NDArrayIndex.all(), NDArrayIndex.point(ch), NDArrayIndex.all(), NDArrayIndex.all()).maxNumber().doubleValue());
            assertEquals(-7.0, out.get(NDArrayIndex.all(), NDArrayIndex.point(ch), NDArrayIndex.all(), NDArrayIndex.all()).minNumber().doubleValue());
        }
    }

    @Test void fusedPostOpsAndResidualSum() {
        Random r = new Random(11);
        int n = 2, c = 5, h = 6, w = 6, o = 5;
        float[] x = random(r, n * c * h * w), wt = random(r, o * c * 9), b = random(r, o), res = random(r, n * o * h * w);
        INDArray xa = Nd4j.create(x, new long[]{n, c, h, w}, 'c'), wa = Nd4j.create(wt, new long[]{o, c, 3, 3}, 'c');
        INDArray ba = Nd4j.create(b, new long[]{o}, 'c'), ra = Nd4j.create(res, new long[]{n, o, h, w}, 'c');
        int[] one = {1, 1}, pad = {1, 1, 1, 1};
        double[] plain = loops(x, n, c, h, w, wt, o, 3, 3, b, one, pad, one, 1, new long[]{n, o, h, w});
        double[] relu = new double[plain.length], relu6 = new double[plain.length], sumRelu = new double[plain.length];
        for (int i = 0; i < plain.length; i++) {
            relu[i] = Math.max(plain[i], 0);
            relu6[i] = Math.min(Math.max(plain[i] * 4, 0), 6);
            sumRelu[i] = Math.max(plain[i] + res[i], 0);
        }
        assertClose(relu, Tensor.of(DnnlConv.conv2d(xa, wa, ba, one, pad, one, 1, DnnlPostOps.RELU, null)), "relu");
        INDArray w4 = wa.mul(4), b4 = ba.mul(4);
        assertClose(relu6, Tensor.of(DnnlConv.conv2d(xa, w4, b4, one, pad, one, 1, DnnlPostOps.RELU6, null)), "relu6");
        assertClose(sumRelu, Tensor.of(DnnlConv.conv2d(xa, wa, ba, one, pad, one, 1, DnnlPostOps.RELU, ra)), "sum + relu");
        INDArray raLast = ra.permute(0, 2, 3, 1).dup('c').permute(0, 3, 1, 2);
        assertClose(sumRelu, Tensor.of(DnnlConv.conv2d(xa, wa, ba, one, pad, one, 1, DnnlPostOps.RELU, raLast)), "channels-last residual");
        assertEquals(res[3], ra.getFloat(0, 0, 0, 3), "the residual itself is not written");
    }

    @Test void aPrimitiveRunsFromThreadsOtherThanTheOneThatMadeIt() throws Exception {
        // JShell runs each cell on a new thread: oneDNN's own scratchpad would die with the first one
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 3, 20, 20), w = Nd4j.rand(DataType.FLOAT, 8, 3, 3, 3);
        int[] one = {1, 1}, pad = {1, 1, 1, 1};
        double[] sums = new double[4];
        for (int i = 0; i < sums.length; i++) {
            int k = i;
            Thread t = new Thread(() -> sums[k] = DnnlConv.conv2d(x, w, null, one, pad, one, 1, DnnlPostOps.NONE, null, false)
                    .sumNumber().doubleValue());
            t.start();
            t.join();
        }
        for (double s : sums) assertEquals(sums[0], s);
        assertTrue(sums[0] != 0);
    }

    @Test void otherDtypesAndFastPathsOffKeepNd4j() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 2, 4, 4), w = Nd4j.rand(DataType.DOUBLE, 3, 2, 3, 3);
        int[] one = {1, 1};
        assertNull(DnnlConv.conv2d(x, w, null, one, new int[4], one, 1, DnnlPostOps.NONE, null));
        INDArray xf = x.castTo(DataType.FLOAT), wf = w.castTo(DataType.FLOAT);
        assertNotNull(DnnlConv.conv2d(xf, wf, null, one, new int[4], one, 1, DnnlPostOps.NONE, null));
        InPlace.setEnabled(false);
        try {
            assertNull(DnnlConv.conv2d(xf, wf, null, one, new int[4], one, 1, DnnlPostOps.NONE, null));
        } finally {
            InPlace.setEnabled(true);
        }
    }

    @Test void aCachedReorderCopiesNewDataEachTime() { // issue 11 (dense): the reorder primitive is compiled once per shape and strides
        INDArray buffer = DnnlConv.newChannelsLast(2, 10, 5, 4);
        buffer.assign(-1);
        for (int round = 0; round < 3; round++) {
            INDArray values = Nd4j.rand(DataType.FLOAT, 2, 4, 5, 4);
            INDArray slice = buffer.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 7), NDArrayIndex.all(), NDArrayIndex.all());
            DnnlConv.copy(values, slice);
            assertEquals(0.0, slice.sub(values).amaxNumber().doubleValue(), "round " + round);
            INDArray back = Nd4j.create(DataType.FLOAT, 2, 4, 5, 4);
            DnnlConv.copy(slice, back);
            assertEquals(0.0, back.sub(values).amaxNumber().doubleValue(), "round " + round + " back");
        }
        assertEquals(-1.0, buffer.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3), NDArrayIndex.all(), NDArrayIndex.all()).maxNumber().doubleValue());
        assertEquals(-1.0, buffer.get(NDArrayIndex.all(), NDArrayIndex.interval(7, 10), NDArrayIndex.all(), NDArrayIndex.all()).minNumber().doubleValue());
    }

    @Test void weightsAreReorderedOncePerArray() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 32, 14, 14), w = Nd4j.rand(DataType.FLOAT, 64, 32, 3, 3);
        int[] one = {1, 1}, pad = {1, 1, 1, 1};
        INDArray first = DnnlConv.conv2d(x, w, null, one, pad, one, 1, DnnlPostOps.NONE, null);
        int cached = DnnlWeights.cachedWeights();
        INDArray again = DnnlConv.conv2d(x, w, null, one, pad, one, 1, DnnlPostOps.NONE, null);
        assertEquals(cached, DnnlWeights.cachedWeights());
        assertEquals(0.0, first.sub(again).amaxNumber().doubleValue());
        // a new weight array (what loadStateDict or set installs) is seen, with its own values
        INDArray w2 = w.mul(2);
        INDArray doubled = DnnlConv.conv2d(x, w2, null, one, pad, one, 1, DnnlPostOps.NONE, null);
        assertTrue(doubled.sub(first.mul(2)).amaxNumber().doubleValue() <= 1e-4 * first.amaxNumber().doubleValue());
    }

    // ---------------------------------------------------------------- helpers

    private static Tensor withFastPathsOff(java.util.function.Supplier<Tensor> run) {
        InPlace.setEnabled(false);
        try {
            return run.get();
        } finally {
            InPlace.setEnabled(true);
        }
    }

    private static float[] random(Random r, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) out[i] = (float) r.nextGaussian();
        return out;
    }

    private static double[] values(Tensor t) {
        float[] f = t.nd().dup('c').data().asFloat();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    private static void assertClose(double[] expected, Tensor actual, String what) {
        double[] a = values(actual);
        if (a.length != expected.length) fail(what + ": length " + a.length + " != " + expected.length);
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - expected[i]) <= 1e-5 * Math.max(Math.abs(expected[i]), 1e-1 * scale) + 1e-6)) {
                fail(what + ": element " + i + " expected " + expected[i] + ", got " + a[i]);
            }
        }
    }

    /** PyTorch's conv2d by its definition. */
    static double[] loops(float[] x, int n, int c, int h, int w, float[] wt, int o, int kh, int kw, float[] b,
                          int[] stride, int[] pad, int[] dil, int groups, long[] outShape) {
        int oh = (int) outShape[2], ow = (int) outShape[3], cg = c / groups, og = o / groups;
        double[] out = new double[n * o * oh * ow];
        for (int in = 0; in < n; in++) for (int oc = 0; oc < o; oc++) for (int y = 0; y < oh; y++) for (int xx = 0; xx < ow; xx++) {
            int g = oc / og;
            double s = b == null ? 0 : b[oc];
            for (int ic = 0; ic < cg; ic++) for (int i = 0; i < kh; i++) for (int j = 0; j < kw; j++) {
                int sy = y * stride[0] - pad[0] + i * dil[0], sx = xx * stride[1] - pad[2] + j * dil[1];
                if (sy < 0 || sy >= h || sx < 0 || sx >= w) continue;
                s += (double) x[((in * c + g * cg + ic) * h + sy) * w + sx] * wt[((oc * cg + ic) * kh + i) * kw + j];
            }
            out[((in * o + oc) * oh + y) * ow + xx] = s;
        }
        return out;
    }
}
