package dev.nnsh.nn;

/**
 * PyTorch's multi-head attention and Transformer encoder layer equations in plain Java (loops, double
 * arithmetic), independent of ND4J and of the code under test. Sequences are seq-first: [L][N][E].
 */
final class AttentionReference {
    private AttentionReference() {}

    /** Projection weights row-major: wq [E][E], wk [E][kdim], wv [E][vdim], wo [E][E]; biases may be null. */
    record Weights(int embed, int kdim, int vdim, int heads, float[] wq, float[] wk, float[] wv, float[] bq, float[] bk,
                   float[] bv, float[] wo, float[] bo) {}

    /** output [L][N][E]; weights per head [N][heads][L][S]. */
    record Result(double[] output, double[] weights) {}

    /**
     * keyPadding [N][S] (true = ignore that key) and an additive attnMask, [L][S] or [N·heads][L][S]
     * (perHeadMask), may be null.
     */
    static Result attention(double[] q, double[] k, double[] v, int targetLength, int sourceLength, int batch, Weights w,
                            boolean[] keyPadding, double[] attnMask, boolean perHeadMask) {
        int e = w.embed(), heads = w.heads(), hd = e / heads, L = targetLength, S = sourceLength, N = batch;
        double[] concatenated = new double[L * N * e];
        double[] probabilities = new double[N * heads * L * S];
        for (int n = 0; n < N; n++) {
            for (int h = 0; h < heads; h++) {
                double[][] qh = project(q, L, N, n, e, w.wq(), w.bq(), h * hd, hd);
                double[][] kh = project(k, S, N, n, w.kdim(), w.wk(), w.bk(), h * hd, hd);
                double[][] vh = project(v, S, N, n, w.vdim(), w.wv(), w.bv(), h * hd, hd);
                for (int l = 0; l < L; l++) {
                    double[] scores = new double[S];
                    for (int s = 0; s < S; s++) {
                        double dot = 0;
                        for (int d = 0; d < hd; d++) dot += qh[l][d] * kh[s][d];
                        scores[s] = dot / Math.sqrt(hd);
                        if (attnMask != null) scores[s] += perHeadMask ? attnMask[((n * heads + h) * L + l) * S + s] : attnMask[l * S + s];
                        if (keyPadding != null && keyPadding[n * S + s]) scores[s] = Double.NEGATIVE_INFINITY;
                    }
                    double[] p = softmax(scores);
                    System.arraycopy(p, 0, probabilities, ((n * heads + h) * L + l) * S, S);
                    for (int d = 0; d < hd; d++) {
                        double sum = 0;
                        for (int s = 0; s < S; s++) sum += p[s] * vh[s][d];
                        concatenated[(l * N + n) * e + h * hd + d] = sum;
                    }
                }
            }
        }
        return new Result(linear(concatenated, L * N, e, w.wo(), w.bo(), e), probabilities);
    }

    /** Rows [first, first+count) of x[.., n, :]·Wᵀ + b for one batch element: [len][count]. */
    private static double[][] project(double[] x, int len, int batch, int n, int in, float[] weight, float[] bias,
                                      int first, int count) {
        double[][] out = new double[len][count];
        for (int t = 0; t < len; t++) {
            for (int o = 0; o < count; o++) {
                double sum = bias == null ? 0 : bias[first + o];
                for (int i = 0; i < in; i++) sum += weight[(first + o) * in + i] * x[(t * batch + n) * in + i];
                out[t][o] = sum;
            }
        }
        return out;
    }

    static double[] softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : x) max = Math.max(max, value);
        double[] out = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) sum += out[i] = Math.exp(x[i] - max);
        for (int i = 0; i < x.length; i++) out[i] /= sum;
        return out;
    }

    /** Head average: [N][heads][L][S] → [N][L][S]. */
    static double[] meanOverHeads(double[] perHead, int batch, int heads, int rows) {
        double[] out = new double[batch * rows];
        for (int n = 0; n < batch; n++) {
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < rows; i++) out[n * rows + i] += perHead[(n * heads + h) * rows + i] / heads;
            }
        }
        return out;
    }

    /** x [rows][in] · Wᵀ + b → [rows][out]. */
    static double[] linear(double[] x, int rows, int in, float[] weight, float[] bias, int out) {
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double sum = bias == null ? 0 : bias[o];
                for (int i = 0; i < in; i++) sum += x[r * in + i] * weight[o * in + i];
                y[r * out + o] = sum;
            }
        }
        return y;
    }

    /** Normalised over each row of width k (biased variance), then ·weight + bias. */
    static double[] layerNorm(double[] x, int k, float[] weight, float[] bias, double eps) {
        double[] out = new double[x.length];
        for (int r = 0; r < x.length / k; r++) {
            double mean = 0, var = 0;
            for (int i = 0; i < k; i++) mean += x[r * k + i] / k;
            for (int i = 0; i < k; i++) var += (x[r * k + i] - mean) * (x[r * k + i] - mean) / k;
            for (int i = 0; i < k; i++) {
                out[r * k + i] = (x[r * k + i] - mean) / Math.sqrt(var + eps) * weight[i] + bias[i];
            }
        }
        return out;
    }

    static double[] add(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] + b[i];
        return out;
    }

    /** [A][B][C] ↔ [B][A][C] (batch-first ↔ seq-first). */
    static double[] swapFirstTwo(double[] x, int a, int b, int c) {
        double[] out = new double[x.length];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) System.arraycopy(x, (i * b + j) * c, out, (j * a + i) * c, c);
        }
        return out;
    }

    static double[] toDouble(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i];
        return out;
    }
}
