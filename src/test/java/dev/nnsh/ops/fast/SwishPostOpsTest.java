package dev.nnsh.ops.fast;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Issue 11 (free): oneDNN's hardswish and swish post-ops against the activations' definitions applied to plain-Java convolutions. */
class SwishPostOpsTest {
    @Test void hardswishAndSiluPostOpsMatchTheirDefinitions() {
        Random r = new Random(3);
        int n = 2, c = 6, h = 7, w = 5, o = 8;
        float[] x = new float[n * c * h * w], wt = new float[o * c * 9], b = new float[o], res = new float[n * o * h * w];
        for (float[] a : new float[][]{x, wt, b, res}) for (int i = 0; i < a.length; i++) a[i] = (float) (2 * r.nextGaussian());
        INDArray xa = Nd4j.create(x, new long[]{n, c, h, w}, 'c'), wa = Nd4j.create(wt, new long[]{o, c, 3, 3}, 'c');
        INDArray ba = Nd4j.create(b, new long[]{o}, 'c'), ra = Nd4j.create(res, new long[]{n, o, h, w}, 'c');
        int[] one = {1, 1}, pad = {1, 1, 1, 1};
        double[] plain = DnnlConvTest.loops(x, n, c, h, w, wt, o, 3, 3, b, one, pad, one, 1, new long[]{n, o, h, w});
        double[] hardswish = new double[plain.length], silu = new double[plain.length], sumSilu = new double[plain.length];
        for (int i = 0; i < plain.length; i++) {
            hardswish[i] = plain[i] * Math.min(Math.max(plain[i] + 3, 0), 6) / 6;
            silu[i] = plain[i] / (1 + Math.exp(-plain[i]));
            double s = plain[i] + res[i];
            sumSilu[i] = s / (1 + Math.exp(-s));
        }
        check(hardswish, DnnlConv.conv2d(xa, wa, ba, one, pad, one, 1, DnnlPostOps.HARDSWISH, null, false), "hardswish, NCHW out");
        check(hardswish, DnnlConv.conv2d(xa, wa, ba, one, pad, one, 1, DnnlPostOps.HARDSWISH, null, true), "hardswish, channels-last out");
        check(silu, DnnlConv.conv2d(xa, wa, ba, one, pad, one, 1, DnnlPostOps.SILU, null, true), "silu");
        check(sumSilu, DnnlConv.conv2d(xa, wa, ba, one, pad, one, 1, DnnlPostOps.SILU, ra, true), "residual sum, then silu");
        // depthwise, the MobileNetV3/EfficientNet case
        float[] dw = new float[c * 9];
        for (int i = 0; i < dw.length; i++) dw[i] = (float) r.nextGaussian();
        double[] dplain = DnnlConvTest.loops(x, n, c, h, w, dw, c, 3, 3, null, new int[]{2, 2}, pad, one, c, new long[]{n, c, 4, 3});
        double[] dhs = new double[dplain.length];
        for (int i = 0; i < dplain.length; i++) dhs[i] = dplain[i] * Math.min(Math.max(dplain[i] + 3, 0), 6) / 6;
        check(dhs, DnnlConv.conv2d(xa, Nd4j.create(dw, new long[]{c, 1, 3, 3}, 'c'), null, new int[]{2, 2}, pad, one, c,
                DnnlPostOps.HARDSWISH, null, true), "depthwise, stride 2, hardswish");
    }

    private static void check(double[] expected, INDArray actual, String what) {
        if (actual == null) fail(what + ": oneDNN declined the convolution");
        float[] a = actual.dup('c').data().asFloat();
        if (a.length != expected.length) fail(what + ": length " + a.length + " != " + expected.length);
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - expected[i]) <= 1e-5 * Math.max(Math.abs(expected[i]), 1e-1 * scale) + 1e-6)) {
                fail(what + ": element " + i + " expected " + expected[i] + ", got " + a[i]);
            }
        }
    }
}
