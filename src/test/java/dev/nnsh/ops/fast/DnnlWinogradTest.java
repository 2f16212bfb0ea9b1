package dev.nnsh.ops.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.nnsh.ops.ConvOps;
import dev.nnsh.tensor.Tensor;

/**
 * Eligible 3×3 convolutions on oneDNN's Winograd against plain-Java loops (double arithmetic), in
 * every layout in and out, with bias, ReLU and the residual sum; the direct convolution where
 * Winograd does not apply (ReLU6, one input channel, stride 2) or is switched off. The Winograd
 * run counter tells which path a call took. On a CPU without oneDNN's f32 Winograd (it needs
 * AVX-512) every call must take the direct convolution with the same values.
 */
class DnnlWinogradTest {
    private static final int[] ONE = {1, 1}, PAD = {1, 1, 1, 1};
    /** Runs an eligible call adds: 1, or 0 on a CPU without oneDNN's f32 Winograd (no AVX-512), where the direct convolution runs. */
    private static final long WINO = DnnlWinograd.supported() ? 1 : 0;

    /** n, c, o, h, w: channel counts multiples of 16; odd and non-square sizes (Winograd tiles are 4×4). */
    private static final int[][] SHAPES = {{2, 16, 32, 9, 9}, {1, 32, 16, 7, 13}, {3, 64, 64, 6, 5}};

    @Test void winogradMatchesPlainJavaLoopsInEveryLayout() {
        for (int[] s : SHAPES) {
            Random r = new Random(s[1] * 7L + s[3]);
            int n = s[0], c = s[1], o = s[2], h = s[3], w = s[4];
            float[] x = random(r, n * c * h * w), wt = scaled(random(r, o * c * 9), 1 / Math.sqrt(9.0 * c)), b = random(r, o);
            double[] expected = loops(x, n, c, h, w, wt, o, b, null, false);
            INDArray xa = Nd4j.create(x, new long[]{n, c, h, w}, 'c'), wa = Nd4j.create(wt, new long[]{o, c, 3, 3}, 'c');
            INDArray ba = Nd4j.create(b, new long[]{o}, 'c');
            String what = java.util.Arrays.toString(s);
            for (boolean lastIn : new boolean[]{false, true}) {
                for (boolean lastOut : new boolean[]{false, true}) {
                    INDArray in = lastIn ? channelsLast(xa) : xa;
                    long before = DnnlWinograd.runs();
                    INDArray y = DnnlConv.conv2d(in, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.NONE, null, lastOut);
                    assertNotNull(y, what);
                    assertEquals(before + WINO, DnnlWinograd.runs(), what + ": ran on Winograd");
                    assertEquals(lastOut, DnnlConv.channelsLast(y), what + ": the layout asked for");
                    assertClose(expected, y, what + (lastIn ? " NHWC" : " NCHW") + " in, " + (lastOut ? "NHWC" : "NCHW") + " out");
                }
            }
            Tensor hook = ConvOps.conv2d(Tensor.of(xa), Tensor.of(wa), Tensor.of(ba), ONE, PAD, ONE, 1); // what Conv2d.forward calls
            assertClose(expected, hook.nd(), what + " through ConvOps");
        }
    }

    /**
     * oneDNN picks F(2×2, 3×3) (jit_fp32_wino_2x3) for small batches and F(4×4, 3×3) (jit_wino_4x3) for
     * larger ones like the benchmarks' 12: both against the loops, with ReLU and the residual sum.
     */
    @Test void bothWinogradKernelsMatchTheLoops() {
        Random r = new Random(17);
        int c = 64, o = 64, h = 14, w = 14;
        float[] wt = scaled(random(r, o * c * 9), 1 / Math.sqrt(9.0 * c)), b = random(r, o);
        INDArray wa = Nd4j.create(wt, new long[]{o, c, 3, 3}, 'c'), ba = Nd4j.create(b, new long[]{o}, 'c');
        for (int n : new int[]{1, 12}) {
            float[] x = random(r, n * c * h * w), res = random(r, n * o * h * w);
            INDArray xa = channelsLast(Nd4j.create(x, new long[]{n, c, h, w}, 'c')), ra = Nd4j.create(res, new long[]{n, o, h, w}, 'c');
            String kernel = n == 1 ? "jit_fp32_wino_2x3:avx512_core" : "jit_wino_4x3:avx512_core";
            long before = DnnlWinograd.runs(kernel);
            assertClose(loops(x, n, c, h, w, wt, o, b, res, true), DnnlConv.conv2d(xa, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.RELU, ra),
                    "batch " + n + " (" + kernel + ")");
            assertEquals(before + WINO, DnnlWinograd.runs(kernel), "batch " + n + " ran on " + kernel);
        }
    }

    /** A batch convolved a few images per run (bounded blocked buffers and scratchpad), the last run shorter. */
    @Test void aBatchInRunsOfAFewImages() {
        Random r = new Random(23);
        int n = 5, c = 16, o = 32, h = 6, w = 7;
        float[] x = random(r, n * c * h * w), wt = scaled(random(r, o * c * 9), 1 / Math.sqrt(9.0 * c)), b = random(r, o);
        float[] res = random(r, n * o * h * w);
        INDArray xa = Nd4j.create(x, new long[]{n, c, h, w}, 'c'), wa = Nd4j.create(wt, new long[]{o, c, 3, 3}, 'c');
        INDArray ba = Nd4j.create(b, new long[]{o}, 'c'), ra = Nd4j.create(res, new long[]{n, o, h, w}, 'c');
        DnnlWinograd.setRunBytes(2L * 4 * (c + o) * h * w); // two images per run: 2, 2, 1
        try {
            for (boolean lastOut : new boolean[]{false, true}) {
                long before = DnnlWinograd.runs();
                INDArray in = lastOut ? channelsLast(xa) : xa;
                assertClose(loops(x, n, c, h, w, wt, o, b, res, true),
                        DnnlConv.conv2d(in, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.RELU, ra, lastOut), "runs of two, channels-last " + lastOut);
                assertEquals(before + 3 * WINO, DnnlWinograd.runs(), "three runs");
            }
        } finally {
            DnnlWinograd.setRunBytes(DnnlWinograd.RUN_BYTES);
        }
    }

    /**
     * issue 11 (mem): by default F(4×4, 3×3) transforms its weights at each call from a blocked copy of the
     * plain size (no padding at channels that are multiples of 16); with the weights kept transformed
     * (-Dnnsh.winograd.weights=cached) the copy is 36/9 = 4× the plain weights. Same values either way,
     * over two calls each (the second reuses what the first kept). Below -Dnnsh.winograd.perCallFrom a
     * layer keeps its transformed weights.
     */
    @Test void weightsTransformedPerCallKeepOnlyABlockedCopy() {
        if (WINO == 0) return; // no Winograd on this CPU: nothing to compare
        Random r = new Random(29);
        int n = 12, c = 32, o = 48, h = 9, w = 8;
        float[] x = random(r, n * c * h * w), wt = scaled(random(r, o * c * 9), 1 / Math.sqrt(9.0 * c)), b = random(r, o);
        float[] res = random(r, n * o * h * w);
        INDArray xa = channelsLast(Nd4j.create(x, new long[]{n, c, h, w}, 'c')), ra = Nd4j.create(res, new long[]{n, o, h, w}, 'c');
        INDArray ba = Nd4j.create(b, new long[]{o}, 'c');
        double[] expected = loops(x, n, c, h, w, wt, o, b, res, true);
        long plainBytes = 4L * o * c * 9;
        try {
            DnnlWinograd.setPerCallFrom(0); // this layer's transformed weights (221 KB) are below the default
            for (boolean perCall : new boolean[]{true, false}) {
                DnnlWinograd.setWeightsPerCall(perCall);
                INDArray wa = Nd4j.create(wt, new long[]{o, c, 3, 3}, 'c'); // a fresh weight array: nothing cached for it yet
                for (int call = 1; call <= 2; call++) {
                    long before = DnnlWinograd.runs("jit_wino_4x3:avx512_core");
                    assertClose(expected, DnnlConv.conv2d(xa, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.RELU, ra),
                            (perCall ? "per call" : "cached") + ", call " + call);
                    assertEquals(before + 1, DnnlWinograd.runs("jit_wino_4x3:avx512_core"), "ran on F(4x4, 3x3)");
                    assertEquals(perCall ? plainBytes : 4 * plainBytes, DnnlWeights.cachedBytes(wa),
                            (perCall ? "per call: the blocked copy" : "cached: the transformed copy") + " after call " + call);
                }
            }
            // with the default threshold a layer this small keeps its transformed weights
            DnnlWinograd.setWeightsPerCall(true);
            DnnlWinograd.setPerCallFrom(4 * plainBytes + 1);
            INDArray small = Nd4j.create(wt, new long[]{o, c, 3, 3}, 'c');
            assertClose(expected, DnnlConv.conv2d(xa, small, ba, ONE, PAD, ONE, 1, DnnlPostOps.RELU, ra), "below the threshold");
            assertEquals(4 * plainBytes, DnnlWeights.cachedBytes(small), "below the threshold: kept transformed");
        } finally {
            DnnlWinograd.setWeightsPerCall(!DnnlWinograd.WEIGHTS_CACHED);
            DnnlWinograd.setPerCallFrom(DnnlWinograd.PER_CALL_FROM);
        }
    }

    @Test void reluAndTheResidualSumArePostOps() {
        Random r = new Random(3);
        int n = 2, c = 32, o = 32, h = 10, w = 8;
        float[] x = random(r, n * c * h * w), wt = scaled(random(r, o * c * 9), 1 / Math.sqrt(9.0 * c)), b = random(r, o);
        float[] res = random(r, n * o * h * w);
        INDArray xa = channelsLast(Nd4j.create(x, new long[]{n, c, h, w}, 'c')), wa = Nd4j.create(wt, new long[]{o, c, 3, 3}, 'c');
        INDArray ba = Nd4j.create(b, new long[]{o}, 'c'), ra = Nd4j.create(res, new long[]{n, o, h, w}, 'c');
        long before = DnnlWinograd.runs();
        assertClose(loops(x, n, c, h, w, wt, o, b, null, true), DnnlConv.conv2d(xa, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.RELU, null), "relu");
        double[] sumRelu = loops(x, n, c, h, w, wt, o, b, res, true);
        assertClose(sumRelu, DnnlConv.conv2d(xa, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.RELU, ra), "NCHW residual + relu");
        assertClose(sumRelu, DnnlConv.conv2d(xa, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.RELU, channelsLast(ra)), "NHWC residual + relu");
        assertEquals(before + 3 * WINO, DnnlWinograd.runs(), "all three on Winograd");
        assertEquals(res[5], ra.getFloat(0, 0, 0, 5), "the residual itself is not written");
    }

    @Test void theDirectConvolutionWhereWinogradDoesNotApply() {
        Random r = new Random(5);
        int n = 2, c = 16, o = 16, h = 8, w = 8;
        float[] x = random(r, n * c * h * w), wt = scaled(random(r, o * c * 9), 1 / Math.sqrt(9.0 * c)), b = random(r, o);
        INDArray xa = Nd4j.create(x, new long[]{n, c, h, w}, 'c'), wa = Nd4j.create(wt, new long[]{o, c, 3, 3}, 'c');
        INDArray ba = Nd4j.create(b, new long[]{o}, 'c');
        double[] plain = loops(x, n, c, h, w, wt, o, b, null, false);
        double[] relu6 = new double[plain.length];
        for (int i = 0; i < plain.length; i++) relu6[i] = Math.min(Math.max(plain[i], 0), 6);
        long before = DnnlWinograd.runs();
        // jit_wino_4x3 takes ReLU and sum post-ops only: ReLU6 falls back to the direct convolution
        assertClose(relu6, DnnlConv.conv2d(xa, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.RELU6, null), "relu6");
        // one input channel (the seed's first convolution): not eligible
        float[] x1 = random(r, n * h * w), w1 = random(r, o * 9);
        assertClose(loops(x1, n, 1, h, w, w1, o, b, null, false),
                DnnlConv.conv2d(Nd4j.create(x1, new long[]{n, 1, h, w}, 'c'), Nd4j.create(w1, new long[]{o, 1, 3, 3}, 'c'), ba, ONE, PAD, ONE, 1,
                        DnnlPostOps.NONE, null), "one input channel");
        assertEquals(before, DnnlWinograd.runs(), "neither ran on Winograd");
        DnnlConv.setWinogradEnabled(false);
        try {
            assertClose(plain, DnnlConv.conv2d(xa, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.NONE, null), "switched off");
            assertEquals(before, DnnlWinograd.runs(), "switched off: direct");
        } finally {
            DnnlConv.setWinogradEnabled(true);
        }
        assertClose(plain, DnnlConv.conv2d(xa, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.NONE, null), "switched on again");
        assertEquals(before + WINO, DnnlWinograd.runs(), "switched on again: Winograd");
        double macs = (double) n * o * h * w * c * 9;
        DnnlWinograd.setMinMacs(macs + 1);
        try {
            assertClose(plain, DnnlConv.conv2d(xa, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.NONE, null), "below the minimum");
            assertEquals(before + WINO, DnnlWinograd.runs(), "below the minimum: direct");
            DnnlWinograd.setMinMacs(macs);
            assertClose(plain, DnnlConv.conv2d(xa, wa, ba, ONE, PAD, ONE, 1, DnnlPostOps.NONE, null), "at the minimum");
            assertEquals(before + 2 * WINO, DnnlWinograd.runs(), "at the minimum: Winograd");
        } finally {
            DnnlWinograd.setMinMacs(DnnlWinograd.MIN_MACS);
        }
    }

    @Test void winogradIsThereExactlyWhereTheCpuHasAvx512() throws java.io.IOException {
        java.nio.file.Path cpuinfo = java.nio.file.Path.of("/proc/cpuinfo");
        if (!java.nio.file.Files.exists(cpuinfo)) return;
        String flags = java.nio.file.Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("flags")).findFirst().orElse("") + " ";
        boolean avx512core = java.util.stream.Stream.of("avx512f", "avx512bw", "avx512vl", "avx512dq").allMatch(f -> flags.contains(" " + f + " "));
        assertEquals(avx512core, DnnlWinograd.supported(), "flags: " + flags);
    }

    /** JShell runs each cell on a new thread, and two threads may convolve at once: the blocked buffers are shared. */
    @Test void fromNewThreadsAndTwoAtOnce() throws Exception {
        Random r = new Random(29);
        int n = 4, c = 64, o = 64, h = 28, w = 28;
        float[] x = random(r, n * c * h * w), wt = scaled(random(r, o * c * 9), 1 / Math.sqrt(9.0 * c)), b = random(r, o);
        INDArray xa = Nd4j.create(x, new long[]{n, c, h, w}, 'c'), wa = Nd4j.create(wt, new long[]{o, c, 3, 3}, 'c');
        INDArray ba = Nd4j.create(b, new long[]{o}, 'c');
        double[] expected = loops(x, n, c, h, w, wt, o, b, null, true);
        INDArray[] out = new INDArray[8];
        final int REPS = 10;
        Thread[] threads = new Thread[out.length];
        for (int i = 0; i < out.length; i++) {
            int k = i;
            INDArray xk = xa.mul(k + 1), bk = ba.mul(k + 1); // each thread its own values: relu(conv) scales with them
            threads[i] = new Thread(() -> {
                for (int rep = 0; rep < REPS; rep++) {
                    INDArray y = DnnlConv.conv2d(xk, wa, bk, ONE, PAD, ONE, 1, DnnlPostOps.RELU, null, k % 2 == 0);
                    if (rep == 0 || !y.equalsWithEps(out[k], 0)) out[k] = y; // a run that differs from the first is kept
                }
            });
        }
        long before = DnnlWinograd.runs();
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        for (int i = 0; i < out.length; i++) {
            double[] scaled = expected.clone();
            for (int j = 0; j < scaled.length; j++) scaled[j] *= i + 1;
            assertClose(scaled, out[i], "thread " + i);
        }
        assertEquals(before + REPS * out.length * WINO, DnnlWinograd.runs(), "all on Winograd");
    }

    @Test void eligibility() {
        int[] two = {2, 2};
        assertTrue(DnnlWinograd.eligible(64, 64, 3, 3, ONE, ONE, 1));
        assertTrue(!DnnlWinograd.eligible(1, 64, 3, 3, ONE, ONE, 1), "one input channel");
        assertTrue(!DnnlWinograd.eligible(24, 64, 3, 3, ONE, ONE, 1), "channels not a multiple of 16");
        assertTrue(!DnnlWinograd.eligible(64, 64, 3, 3, two, ONE, 1), "stride 2");
        assertTrue(!DnnlWinograd.eligible(64, 64, 3, 3, ONE, two, 1), "dilation 2");
        assertTrue(!DnnlWinograd.eligible(64, 64, 3, 3, ONE, ONE, 4), "grouped");
        assertTrue(!DnnlWinograd.eligible(64, 64, 1, 1, ONE, ONE, 1), "1x1");
    }

    private static INDArray channelsLast(INDArray nchw) { return nchw.permute(0, 2, 3, 1).dup('c').permute(0, 3, 1, 2); }

    private static float[] random(Random r, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) out[i] = (float) r.nextGaussian();
        return out;
    }

    private static float[] scaled(float[] a, double by) {
        for (int i = 0; i < a.length; i++) a[i] *= (float) by;
        return a;
    }

    /** A 3×3, stride-1, padding-1 convolution by its definition, plus an optional residual, then an optional ReLU. */
    private static double[] loops(float[] x, int n, int c, int h, int w, float[] wt, int o, float[] b, float[] residual, boolean relu) {
        double[] out = new double[n * o * h * w];
        for (int in = 0; in < n; in++) for (int oc = 0; oc < o; oc++) for (int y = 0; y < h; y++) for (int xx = 0; xx < w; xx++) {
            double s = b[oc];
            for (int ic = 0; ic < c; ic++) for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
                int sy = y - 1 + i, sx = xx - 1 + j;
                if (sy < 0 || sy >= h || sx < 0 || sx >= w) continue;
                s += (double) x[((in * c + ic) * h + sy) * w + sx] * wt[((oc * c + ic) * 3 + i) * 3 + j];
            }
            int at = ((in * o + oc) * h + y) * w + xx;
            if (residual != null) s += residual[at];
            out[at] = relu ? Math.max(s, 0) : s;
        }
        return out;
    }

    /**
     * Winograd's error is larger than direct convolution's (transforms of the input and output tiles):
     * within 1e-5 of the output's largest magnitude, far inside the zoo's 1e-4 against torchvision.
     */
    private static void assertClose(double[] expected, INDArray actual, String what) {
        float[] a = actual.dup('c').data().asFloat();
        if (a.length != expected.length) fail(what + ": length " + a.length + " != " + expected.length);
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - expected[i]) <= 1e-5 * scale)) fail(what + ": element " + i + " expected " + expected[i] + ", got " + a[i]);
        }
    }
}
