package dev.nnsh.nn;

import static dev.nnsh.testnets.RandomEval.assertClose;
import static dev.nnsh.testnets.RandomEval.randomize;
import static dev.nnsh.testnets.RandomEval.unfused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.nnsh.tensor.Tensor;

/** issue 11 (cnn): a dense layer run in nChw16c between two channel slices of one channels-last buffer. */
class BlockedDenseLayerTest {
    static final int N = 2, C = 32, TOTAL = 64, H = 6, W = 5, MID = 48, GROWTH = 16;

    /** norm1, relu1, conv1 (1×1), norm2, relu2, conv2 (3×3, padding 1) as DenseNet's _DenseLayer has them. */
    static Sequential layer(long c, long mid, long growth) {
        Sequential s = new Sequential(new BatchNorm2d(c), new ReLU(), new Conv2d(c, mid, 1, 1).bias(false), new BatchNorm2d(mid),
                new ReLU(), new Conv2d(mid, growth, 3, 1, 1).bias(false));
        randomize(s, 11, 0.2);
        s.eval();
        return s;
    }

    static boolean run(Sequential s, Tensor earlier, Tensor into) {
        return BlockedDenseLayer.runInto(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4), s.get(5), earlier, into);
    }

    /** A channels-last [N, TOTAL, H, W] buffer of random values. */
    static Tensor buffer() {
        return Tensor.of(Tensor.randn(N, H, W, TOTAL).nd().permute(0, 3, 1, 2));
    }

    static Tensor slice(Tensor buffer, long from, long to) {
        return Tensor.of(buffer.nd().get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all()));
    }

    @Test void writesTheLayerIntoItsSliceAsTheUnfusedModulesAndPlainLoopsDo() {
        Sequential s = layer(C, MID, GROWTH);
        Tensor buf = buffer(), before = Tensor.of(buf.nd().dup('c'));
        Tensor earlier = slice(buf, 0, C), into = slice(buf, C, C + GROWTH);
        Tensor dense = Tensor.of(earlier.nd().dup('c'));
        Tensor unfusedWant = unfused(() -> s.apply(dense));
        long runs = BlockedDenseLayer.runs();
        assertTrue(run(s, earlier, into), "the blocked path applies");
        assertEquals(runs + 1, BlockedDenseLayer.runs());
        Tensor got = Tensor.of(into.nd().dup('c'));
        assertClose(unfusedWant, got, 1e-5, "against the unfused modules");
        assertClose(Tensor.of(loops(s, dense.nd().dup('c').data().asFloat()), N, GROWTH, H, W), got, 1e-4, "against plain loops");
        // the earlier maps and the channels after the slice are untouched
        assertEquals(0.0, slice(buf, 0, C).sub(slice(before, 0, C)).abs().max().item(), "earlier maps unchanged");
        assertEquals(0.0, slice(buf, C + GROWTH, TOTAL).sub(slice(before, C + GROWTH, TOTAL)).abs().max().item(), "later channels unchanged");
    }

    @Test void declinesWithNothingWritten() {
        Tensor buf = buffer(), before = Tensor.of(buf.nd().dup('c'));
        Sequential s = layer(C, MID, GROWTH);
        Tensor earlier = slice(buf, 0, C), into = slice(buf, C, C + GROWTH);
        System.setProperty("nnsh.dense.blocked", "off");
        try {
            assertFalse(run(s, earlier, into), "off switch");
        } finally {
            System.clearProperty("nnsh.dense.blocked");
        }
        Sequential odd = layer(24, MID, GROWTH); // 24 channels: not whole blocks of 16
        assertFalse(run(odd, slice(buf, 0, 24), slice(buf, 24, 24 + GROWTH)), "channels not a multiple of 16");
        assertFalse(run(s, earlier, slice(buf, C, C + 8)), "a slice of the wrong width");
        assertFalse(run(s, Tensor.shapeOnly(N, C, H, W), into), "shape-only pass");
        s.get(0).train();
        assertFalse(run(s, earlier, into), "norm1 in training mode");
        s.eval();
        Sequential strided = new Sequential(new BatchNorm2d(C), new ReLU(), new Conv2d(C, MID, 1, 2).bias(false), new BatchNorm2d(MID),
                new ReLU(), new Conv2d(MID, GROWTH, 3, 1, 1).bias(false));
        strided.eval();
        assertFalse(run(strided, earlier, into), "conv1 with stride 2");
        assertEquals(0.0, buf.sub(before).abs().max().item(), "nothing written");
    }

    @Test void sameValuesWhenRunAgainOnReusedBuffers() {
        Sequential s = layer(C, MID, GROWTH);
        Tensor buf = buffer();
        long runs = BlockedDenseLayer.runs();
        for (int i = 0; i < 3; i++) assertTrue(run(s, slice(buf, 0, C), slice(buf, C, C + GROWTH)));
        Tensor first = Tensor.of(slice(buf, C, C + GROWTH).nd().dup('c'));
        assertTrue(run(s, slice(buf, 0, C), slice(buf, C, C + GROWTH)));
        assertEquals(0.0, slice(buf, C, C + GROWTH).sub(first).abs().max().item(), "the same values when run again (buffers reused)");
        assertEquals(runs + 4, BlockedDenseLayer.runs());
    }

    /** The layer in double precision, from its state dict: x is NCHW [N, C, H, W]. */
    static float[] loops(Sequential s, float[] x) {
        Map<String, Tensor> st = s.stateDict();
        long c = ((BatchNorm2d) s.get(0)).numFeatures(), mid = ((Conv2d) s.get(2)).outChannels(), g = ((Conv2d) s.get(5)).outChannels();
        double[] a = new double[(int) (N * c * H * W)];
        for (int i = 0; i < a.length; i++) a[i] = x[i];
        a = normRelu(st, "0", a, c);
        double[] w1 = doubles(st.get("2.weight")), m = new double[(int) (N * mid * H * W)];
        for (int n = 0; n < N; n++) for (int o = 0; o < mid; o++) for (int p = 0; p < H * W; p++) {
            double sum = 0;
            for (int i = 0; i < c; i++) sum += w1[(int) (o * c + i)] * a[(int) ((n * c + i) * H * W + p)];
            m[(int) ((n * mid + o) * H * W + p)] = sum;
        }
        m = normRelu(st, "3", m, mid);
        double[] w2 = doubles(st.get("5.weight"));
        float[] out = new float[(int) (N * g * H * W)];
        for (int n = 0; n < N; n++) for (int o = 0; o < g; o++) for (int y = 0; y < H; y++) for (int xx = 0; xx < W; xx++) {
            double sum = 0;
            for (int i = 0; i < mid; i++) for (int ky = 0; ky < 3; ky++) for (int kx = 0; kx < 3; kx++) {
                int yy = y + ky - 1, xs = xx + kx - 1;
                if (yy < 0 || yy >= H || xs < 0 || xs >= W) continue;
                sum += w2[(int) (((o * mid + i) * 3 + ky) * 3 + kx)] * m[(int) (((n * mid + i) * H + yy) * W + xs)];
            }
            out[(int) (((n * g + o) * H + y) * W + xx)] = (float) sum;
        }
        return out;
    }

    static double[] normRelu(Map<String, Tensor> st, String p, double[] a, long c) {
        double[] mean = doubles(st.get(p + ".running_mean")), var = doubles(st.get(p + ".running_var"));
        double[] gamma = doubles(st.get(p + ".weight")), beta = doubles(st.get(p + ".bias"));
        double[] out = new double[a.length];
        int plane = H * W;
        for (int i = 0; i < a.length; i++) {
            int ch = (int) ((i / plane) % c);
            out[i] = Math.max(0, (a[i] - mean[ch]) / Math.sqrt(var[ch] + 1e-5) * gamma[ch] + beta[ch]);
        }
        return out;
    }

    static double[] doubles(Tensor t) {
        float[] f = t.nd().dup('c').data().asFloat();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
