package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Conv3d, BatchNorm3d, MaxPool3d and AdaptiveAvgPool3d against plain-Java loops written from
 * PyTorch's definitions (Reference), plus parameter counts, printed forms and shape checks.
 */
class Volumetric3dLayersTest {
    /** x [N, C, D, H, W] as a flat c-order array. */
    private static int at(long[] s, int n, int c, int d, int h, int w) {
        return (int) ((((n * s[1] + c) * s[2] + d) * s[3] + h) * s[4] + w);
    }

    private static double[] conv3dReference(float[] x, long[] xs, float[] wt, long[] ws, float[] b, int[] st, int[] p, int[] dl,
                                            long[] os) {
        double[] out = new double[Reference.numel(os)];
        for (int n = 0; n < os[0]; n++)
            for (int o = 0; o < os[1]; o++)
                for (int od = 0; od < os[2]; od++)
                    for (int oh = 0; oh < os[3]; oh++)
                        for (int ow = 0; ow < os[4]; ow++) {
                            double acc = b == null ? 0 : b[o];
                            for (int c = 0; c < ws[1]; c++)
                                for (int kd = 0; kd < ws[2]; kd++)
                                    for (int kh = 0; kh < ws[3]; kh++)
                                        for (int kw = 0; kw < ws[4]; kw++) {
                                            int d = od * st[0] - p[0] + kd * dl[0], h = oh * st[1] - p[1] + kh * dl[1],
                                                    w = ow * st[2] - p[2] + kw * dl[2];
                                            if (d < 0 || h < 0 || w < 0 || d >= xs[2] || h >= xs[3] || w >= xs[4]) continue;
                                            acc += (double) x[at(xs, n, c, d, h, w)] * wt[at(ws, o, c, kd, kh, kw)];
                                        }
                            out[at(os, n, o, od, oh, ow)] = acc;
                        }
        return out;
    }

    @Test void conv3dWithStridePaddingDilationAndBiasMatchesTheDefinition() {
        long[] xs = {2, 3, 5, 6, 7};
        Conv3d conv = new Conv3d(3, 4, 1).kernelSize(2, 3, 3).stride(1, 2, 1).padding(1, 0, 1).dilation(1, 1, 2);
        float[] x = Reference.random(1, Reference.numel(xs), 1, 0);
        float[] w = Reference.random(2, 4 * 3 * 2 * 3 * 3, 0.3, 0);
        float[] b = Reference.random(3, 4, 0.5, 0);
        conv.ownParameters().get("weight").set(Reference.tensor(w, 4, 3, 2, 3, 3));
        conv.ownParameters().get("bias").set(Reference.tensor(b, 4));
        Tensor out = conv.apply(Reference.tensor(x, xs));
        long[] os = {2, 4, 6, 2, 5};
        assertArrayEquals(os, out.shape());
        assertArrayEquals(os, conv.apply(Tensor.shapeOnly(xs)).shape());
        Reference.assertClose(conv3dReference(x, xs, w, new long[]{4, 3, 2, 3, 3}, b, new int[]{1, 2, 1}, new int[]{1, 0, 1},
                new int[]{1, 1, 2}, os), out);
    }

    @Test void groupedConv3dWithoutBiasRunsEachGroupOnItsChannels() {
        long[] xs = {1, 4, 3, 4, 4};
        Conv3d conv = new Conv3d(4, 6, 3, 1, 1).groups(2).bias(false);
        float[] x = Reference.random(4, Reference.numel(xs), 1, 0);
        float[] w = Reference.random(5, 6 * 2 * 27, 0.3, 0);
        conv.ownParameters().get("weight").set(Reference.tensor(w, 6, 2, 3, 3, 3));
        Tensor out = conv.apply(Reference.tensor(x, xs));
        long[] os = {1, 6, 3, 4, 4};
        double[] expected = new double[Reference.numel(os)];
        for (int g = 0; g < 2; g++) {
            float[] xg = new float[(int) (2 * 3 * 4 * 4)];
            System.arraycopy(x, g * xg.length, xg, 0, xg.length);
            float[] wg = new float[3 * 2 * 27];
            System.arraycopy(w, g * wg.length, wg, 0, wg.length);
            double[] part = conv3dReference(xg, new long[]{1, 2, 3, 4, 4}, wg, new long[]{3, 2, 3, 3, 3}, null,
                    new int[]{1, 1, 1}, new int[]{1, 1, 1}, new int[]{1, 1, 1}, new long[]{1, 3, 3, 4, 4});
            System.arraycopy(part, 0, expected, g * part.length, part.length);
        }
        Reference.assertClose(expected, out);
    }

    @Test void conv3dCountsAndPrintsLikePyTorch() {
        Conv3d conv = new Conv3d(3, 64, 1).kernelSize(3, 7, 7).stride(1, 2, 2).padding(1, 3, 3).bias(false);
        assertEquals(64L * 3 * 3 * 7 * 7, conv.numParams());
        assertEquals("Conv3d(3, 64, kernel_size=(3, 7, 7), stride=(1, 2, 2), padding=(1, 3, 3), bias=False)", conv.toString());
        assertEquals(8L * 4 * 27 + 8, new Conv3d(4, 8, 3).numParams());
        var e = assertThrows(RuntimeException.class, () -> conv.apply(Tensor.shapeOnly(1, 3, 8, 8)));
        assertTrue(e.getMessage().contains("5D"), e.getMessage());
    }

    @Test void maxPool3dWithPaddingTakesTheWindowMaxima() {
        long[] xs = {1, 2, 4, 5, 5};
        float[] x = Reference.random(6, Reference.numel(xs), 1, 0);
        MaxPool3d pool = new MaxPool3d(3, 2, 1);
        Tensor out = pool.apply(Reference.tensor(x, xs));
        long[] os = {1, 2, 2, 3, 3};
        assertArrayEquals(os, out.shape());
        double[] expected = new double[Reference.numel(os)];
        for (int c = 0; c < 2; c++)
            for (int od = 0; od < 2; od++)
                for (int oh = 0; oh < 3; oh++)
                    for (int ow = 0; ow < 3; ow++) {
                        double m = Double.NEGATIVE_INFINITY;
                        for (int kd = 0; kd < 3; kd++)
                            for (int kh = 0; kh < 3; kh++)
                                for (int kw = 0; kw < 3; kw++) {
                                    int d = od * 2 - 1 + kd, h = oh * 2 - 1 + kh, w = ow * 2 - 1 + kw;
                                    if (d < 0 || h < 0 || w < 0 || d >= 4 || h >= 5 || w >= 5) continue;
                                    m = Math.max(m, x[at(xs, 0, c, d, h, w)]);
                                }
                        expected[at(os, 0, c, od, oh, ow)] = m;
                    }
        Reference.assertClose(expected, out);
        assertEquals("MaxPool3d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False)", pool.toString());
    }

    @Test void adaptiveAvgPool3dAveragesPyTorchsWindows() {
        long[] xs = {2, 1, 5, 3, 7};
        float[] x = Reference.random(7, Reference.numel(xs), 1, 0);
        AdaptiveAvgPool3d pool = new AdaptiveAvgPool3d(2, 3, 3);
        Tensor out = pool.apply(Reference.tensor(x, xs));
        long[] os = {2, 1, 2, 3, 3};
        double[] expected = new double[Reference.numel(os)];
        int[] in = {5, 3, 7}, o = {2, 3, 3};
        for (int n = 0; n < 2; n++)
            for (int od = 0; od < 2; od++)
                for (int oh = 0; oh < 3; oh++)
                    for (int ow = 0; ow < 3; ow++) {
                        double sum = 0;
                        int count = 0;
                        for (int d = od * in[0] / o[0]; d < Math.ceil((od + 1) * in[0] / (double) o[0]); d++)
                            for (int h = oh * in[1] / o[1]; h < Math.ceil((oh + 1) * in[1] / (double) o[1]); h++)
                                for (int w = ow * in[2] / o[2]; w < Math.ceil((ow + 1) * in[2] / (double) o[2]); w++) {
                                    sum += x[at(xs, n, 0, d, h, w)];
                                    count++;
                                }
                        expected[at(os, n, 0, od, oh, ow)] = sum / count;
                    }
        Reference.assertClose(expected, out);
        assertEquals("AdaptiveAvgPool3d(output_size=(2, 3, 3))", pool.toString());
        assertEquals("AdaptiveAvgPool3d(output_size=1)", new AdaptiveAvgPool3d(1).toString());
    }

    @Test void batchNorm3dNormalisesEachChannelOverBatchAndVolume() {
        long[] xs = {2, 3, 2, 3, 2};
        float[] x = Reference.random(8, Reference.numel(xs), 2, 1);
        BatchNorm3d bn = new BatchNorm3d(3);
        Tensor out = bn.apply(Reference.tensor(x, xs));
        double[] expected = new double[x.length];
        int per = 2 * 3 * 2;
        for (int c = 0; c < 3; c++) {
            double mean = 0, var = 0;
            for (int n = 0; n < 2; n++) for (int i = 0; i < per; i++) mean += x[(n * 3 + c) * per + i];
            mean /= 2 * per;
            for (int n = 0; n < 2; n++) for (int i = 0; i < per; i++) var += Math.pow(x[(n * 3 + c) * per + i] - mean, 2);
            var /= 2 * per;
            for (int n = 0; n < 2; n++) for (int i = 0; i < per; i++) {
                expected[(n * 3 + c) * per + i] = (x[(n * 3 + c) * per + i] - mean) / Math.sqrt(var + 1e-5);
            }
        }
        Reference.assertClose(expected, out);
        assertEquals("BatchNorm3d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", bn.toString());
        assertEquals(6, bn.numParams());
        assertThrows(RuntimeException.class, () -> bn.apply(Tensor.shapeOnly(2, 3, 4, 4)));
    }
}
