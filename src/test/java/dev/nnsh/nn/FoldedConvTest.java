package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.tensor.Tensor;

/**
 * issue 11 (mem): the batch norm folded into a convolution's weight a few rows at a time (the weight of
 * 130 output channels × 4,608 spans two chunks) against the fold written out in double per element:
 * w' = w·γ/√(var + eps), b' = (b − mean)·γ/√(var + eps) + β.
 */
class FoldedConvTest {
    @Test void foldedInChunksEqualsTheFoldPerElement() {
        int out = 130, in = 512, k = 3;
        Random r = new Random(41);
        float[] w = new float[out * in * k * k], b = new float[out], gamma = new float[out], beta = new float[out];
        float[] mean = new float[out], var = new float[out];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        for (int o = 0; o < out; o++) {
            b[o] = (float) r.nextGaussian();
            gamma[o] = (float) (0.5 + r.nextDouble());
            beta[o] = (float) r.nextGaussian();
            mean[o] = (float) r.nextGaussian();
            var[o] = (float) (0.1 + r.nextDouble() * (o + 1)); // a different scale per channel: a row scaled by another's shows
        }
        double eps = 1e-5;
        FoldedConv fold = new FoldedConv();
        fold.prepare(Tensor.of(w, out, in, k, k), Tensor.of(b, out), Tensor.of(gamma, out), Tensor.of(beta, out), Tensor.of(mean, out),
                Tensor.of(var, out), eps, 0);
        INDArray fw = fold.weight(), fb = fold.bias();
        assertArrayEquals(new long[]{out, in, k, k}, fw.shape(), "the weight's shape");
        float[] got = fw.dup('c').data().asFloat();
        int per = in * k * k;
        for (int o = 0; o < out; o++) {
            double s = gamma[o] / Math.sqrt(var[o] + eps);
            for (int i = 0; i < per; i++) {
                double expected = w[o * per + i] * s;
                assertTrue(Math.abs(got[o * per + i] - expected) <= 1e-6 * Math.max(1, Math.abs(expected)),
                        "weight [" + o + ", " + i + "]: " + got[o * per + i] + " vs " + expected);
            }
            assertEquals((b[o] - mean[o]) * s + beta[o], fb.getDouble(o), 1e-5, "bias " + o);
        }
    }
}
