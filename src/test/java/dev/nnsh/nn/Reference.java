package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import dev.nnsh.tensor.Tensor;

/**
 * Plain-Java implementations of PyTorch's definitions (loops over float arrays, double arithmetic),
 * independent of ND4J, to check the layers against; and the small helpers the tests share.
 */
final class Reference {
    private Reference() {}

    // ---------------------------------------------------------------- data

    static float[] random(long seed, int n, double scale, double offset) {
        Random r = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) (r.nextGaussian() * scale + offset);
        return out;
    }

    static Tensor tensor(float[] values, long... shape) { return Tensor.of(values.clone(), shape); }

    static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    static int numel(long[] shape) {
        int n = 1;
        for (long s : shape) n *= (int) s;
        return n;
    }

    /** |actual − expected| ≤ 1e-5·|expected| + 1e-6 for every element. */
    static void assertClose(double[] expected, Tensor actual) {
        float[] a = values(actual);
        if (a.length != expected.length) fail("length " + a.length + " != expected " + expected.length);
        for (int i = 0; i < a.length; i++) {
            double tolerance = 1e-5 * Math.abs(expected[i]) + 1e-6;
            if (!(Math.abs(a[i] - expected[i]) <= tolerance)) {
                fail("element " + i + ": expected " + expected[i] + ", got " + a[i] + " (tolerance " + tolerance + ")");
            }
        }
    }

    static void assertShape(long[] expected, Tensor t) { assertArrayEquals(expected, t.shape()); }

    // ---------------------------------------------------------------- element-wise functions

    interface Fn { double apply(double x); }

    static double[] map(float[] x, Fn f) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = f.apply(x[i]);
        return out;
    }

    static double relu6(double x) { return Math.min(Math.max(x, 0), 6); }

    static double leakyRelu(double x, double slope) { return x >= 0 ? x : slope * x; }

    static double sigmoid(double x) { return 1 / (1 + Math.exp(-x)); }

    static double silu(double x) { return x * sigmoid(x); }

    static double hardswish(double x) { return x * relu6(x + 3) / 6; }

    static double hardsigmoid(double x) { return relu6(x + 3) / 6; }

    static double hardtanh(double x, double min, double max) { return Math.min(Math.max(x, min), max); }

    static double elu(double x, double alpha) { return x > 0 ? x : alpha * (Math.exp(x) - 1); }

    static double mish(double x) { return x * Math.tanh(Math.log1p(Math.exp(x))); }

    /** PReLU of [N, C, *] with one slope per channel. */
    static double[] prelu(float[] x, long[] shape, float[] slopes) {
        int c = (int) shape[1], inner = x.length / ((int) shape[0] * c);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i] >= 0 ? x[i] : slopes[i / inner % c] * x[i];
        return out;
    }

    static double geluExact(double x) { return 0.5 * x * (1 + erf(x / Math.sqrt(2))); }

    static double geluTanh(double x) {
        return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
    }

    /** erf by its Maclaurin series (accurate to ~1e-8 for |z| < 5; beyond, erf is ±1 within 2e-12). */
    static double erf(double z) {
        if (Math.abs(z) >= 5) return Math.signum(z);
        double sum = 0, term = z;
        for (int n = 0; n < 200; n++) {
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17) break;
            term *= -z * z / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    // ---------------------------------------------------------------- along one dimension

    /** softmax (log = false) or log-softmax along dim of a c-order array. */
    static double[] softmax(float[] x, long[] shape, int dim, boolean log) {
        int d = dim < 0 ? dim + shape.length : dim;
        int size = (int) shape[d];
        int inner = 1;
        for (int i = d + 1; i < shape.length; i++) inner *= (int) shape[i];
        int outer = x.length / (size * inner);
        double[] out = new double[x.length];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < size; k++) max = Math.max(max, x[(o * size + k) * inner + in]);
                double sum = 0;
                for (int k = 0; k < size; k++) sum += Math.exp(x[(o * size + k) * inner + in] - max);
                for (int k = 0; k < size; k++) {
                    int i = (o * size + k) * inner + in;
                    out[i] = log ? x[i] - max - Math.log(sum) : Math.exp(x[i] - max) / sum;
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- normalisation

    /** Per-channel statistics of [N, C, *]: {mean, biased variance, unbiased variance}. */
    static double[][] channelStats(float[] x, long[] shape) {
        int n = (int) shape[0], c = (int) shape[1], s = x.length / (n * c);
        double[][] out = new double[3][c];
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int b = 0; b < n; b++) for (int i = 0; i < s; i++) sum += x[(b * c + ch) * s + i];
            double mean = sum / (n * s);
            double sq = 0;
            for (int b = 0; b < n; b++) for (int i = 0; i < s; i++) sq += Math.pow(x[(b * c + ch) * s + i] - mean, 2);
            out[0][ch] = mean;
            out[1][ch] = sq / (n * s);
            out[2][ch] = sq / (n * s - 1);
        }
        return out;
    }

    /** (x − mean[c])/√(var[c] + eps)·weight[c] + bias[c]; weight/bias null means 1/0. */
    static double[] normalizeChannels(float[] x, long[] shape, double[] mean, double[] var, float[] weight,
                                      float[] bias, double eps) {
        int n = (int) shape[0], c = (int) shape[1], s = x.length / (n * c);
        double[] out = new double[x.length];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < s; i++) {
                    int k = (b * c + ch) * s + i;
                    double y = (x[k] - mean[ch]) / Math.sqrt(var[ch] + eps);
                    out[k] = y * (weight == null ? 1 : weight[ch]) + (bias == null ? 0 : bias[ch]);
                }
            }
        }
        return out;
    }

    /** LayerNorm over the last {@code k} elements of each row; weight/bias have k elements or are null. */
    static double[] layerNorm(float[] x, int k, float[] weight, float[] bias, double eps) {
        double[] out = new double[x.length];
        for (int r = 0; r < x.length / k; r++) {
            double sum = 0;
            for (int i = 0; i < k; i++) sum += x[r * k + i];
            double mean = sum / k, sq = 0;
            for (int i = 0; i < k; i++) sq += Math.pow(x[r * k + i] - mean, 2);
            double std = Math.sqrt(sq / k + eps);
            for (int i = 0; i < k; i++) {
                out[r * k + i] = (x[r * k + i] - mean) / std * (weight == null ? 1 : weight[i]) + (bias == null ? 0 : bias[i]);
            }
        }
        return out;
    }

    /** GroupNorm of [N, C, *]: each (sample, group) normalised over its C/G channels and positions. */
    static double[] groupNorm(float[] x, long[] shape, int groups, float[] weight, float[] bias, double eps) {
        int n = (int) shape[0], c = (int) shape[1], s = x.length / (n * c);
        int perGroup = c / groups * s;
        double[] out = new double[x.length];
        for (int b = 0; b < n; b++) {
            for (int g = 0; g < groups; g++) {
                int start = (b * groups + g) * perGroup;
                double sum = 0;
                for (int i = 0; i < perGroup; i++) sum += x[start + i];
                double mean = sum / perGroup, sq = 0;
                for (int i = 0; i < perGroup; i++) sq += Math.pow(x[start + i] - mean, 2);
                double std = Math.sqrt(sq / perGroup + eps);
                for (int i = 0; i < perGroup; i++) {
                    int ch = (start + i) / s % c;
                    out[start + i] = (x[start + i] - mean) / std * (weight == null ? 1 : weight[ch])
                            + (bias == null ? 0 : bias[ch]);
                }
            }
        }
        return out;
    }
}
