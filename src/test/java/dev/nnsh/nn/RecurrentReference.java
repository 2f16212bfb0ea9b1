package dev.nnsh.nn;

import java.util.Map;

import dev.nnsh.tensor.Tensor;

/**
 * PyTorch's recurrent equations as plain Java loops in double arithmetic, independent of ND4J and
 * of the layers' code, to check RNN, LSTM, GRU and their cells against. Sequences are arrays
 * [T][N][features]; states [layers·directions][N][H].
 */
final class RecurrentReference {
    private RecurrentReference() {}

    enum Kind {
        TANH(1), RELU(1), LSTM(4), GRU(3);

        final int gates;

        Kind(int gates) { this.gates = gates; }
    }

    /** One layer and direction's weights, row-major; biases null without bias. */
    record Params(float[] wIh, float[] wHh, float[] bIh, float[] bHh) {}

    /** The parameters named {@code weight_ih<suffix>} etc. of a layer ("" for cells, "_l0_reverse" ...). */
    static Params params(Module layer, String suffix) {
        Map<String, Parameter> p = layer.namedParameters();
        return new Params(values(p.get("weight_ih" + suffix)), values(p.get("weight_hh" + suffix)),
                values(p.get("bias_ih" + suffix)), values(p.get("bias_hh" + suffix)));
    }

    private static float[] values(Parameter p) { return p == null ? null : Reference.values(p.data()); }

    /** W·v + b for row-major W [rows, v.length]; b may be null. */
    private static double[] affine(float[] w, float[] b, double[] v, int rows) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double sum = b == null ? 0 : b[r];
            for (int j = 0; j < v.length; j++) sum += w[r * v.length + j] * v[j];
            out[r] = sum;
        }
        return out;
    }

    private static double sigmoid(double v) { return 1 / (1 + Math.exp(-v)); }

    /** One step for one sample: {h', c'} (c' null except for LSTM). */
    static double[][] cell(Kind kind, Params p, double[] x, double[] h, double[] c) {
        int hidden = h.length;
        double[] gi = affine(p.wIh(), p.bIh(), x, kind.gates * hidden);
        double[] gh = affine(p.wHh(), p.bHh(), h, kind.gates * hidden);
        double[] hNext = new double[hidden];
        double[] cNext = kind == Kind.LSTM ? new double[hidden] : null;
        for (int k = 0; k < hidden; k++) {
            switch (kind) {
                case TANH -> hNext[k] = Math.tanh(gi[k] + gh[k]);
                case RELU -> hNext[k] = Math.max(0, gi[k] + gh[k]);
                case LSTM -> {
                    double i = sigmoid(gi[k] + gh[k]);
                    double f = sigmoid(gi[hidden + k] + gh[hidden + k]);
                    double g = Math.tanh(gi[2 * hidden + k] + gh[2 * hidden + k]);
                    double o = sigmoid(gi[3 * hidden + k] + gh[3 * hidden + k]);
                    cNext[k] = f * c[k] + i * g;
                    hNext[k] = o * Math.tanh(cNext[k]);
                }
                case GRU -> {
                    double r = sigmoid(gi[k] + gh[k]);
                    double z = sigmoid(gi[hidden + k] + gh[hidden + k]);
                    double n = Math.tanh(gi[2 * hidden + k] + r * gh[2 * hidden + k]);
                    hNext[k] = (1 - z) * n + z * h[k];
                }
            }
        }
        return new double[][]{hNext, cNext};
    }

    /** What a multi-layer recurrence returns: output [T][N][D·H], hN and cN [L·D][N][H]. */
    record Run(double[][][] output, double[][][] hN, double[][][] cN) {}

    /**
     * The layer's parameters applied to x [T][N][in] from h0 (and c0), no dropout. A null
     * {@code zeroedLayerOutputs} or false entries: PyTorch's stack; {@code true} at layer l: that
     * layer's output is replaced by zeros before the next layer (dropout with p = 1).
     */
    static Run sequence(Kind kind, Module layer, int layers, boolean bidirectional, int hidden, double[][][] x,
                        double[][][] h0, double[][][] c0, boolean[] zeroedLayerOutputs) {
        int dirs = bidirectional ? 2 : 1, steps = x.length, batch = x[0].length;
        double[][][] hN = new double[layers * dirs][batch][];
        double[][][] cN = kind == Kind.LSTM ? new double[layers * dirs][batch][] : null;
        double[][][] input = x;
        for (int l = 0; l < layers; l++) {
            double[][][] out = new double[steps][batch][dirs * hidden];
            for (int d = 0; d < dirs; d++) {
                Params p = params(layer, "_l" + l + (d == 1 ? "_reverse" : ""));
                int row = l * dirs + d;
                for (int n = 0; n < batch; n++) {
                    double[] h = h0 == null ? new double[hidden] : h0[row][n];
                    double[] c = kind != Kind.LSTM ? null : c0 == null ? new double[hidden] : c0[row][n];
                    for (int s = 0; s < steps; s++) {
                        int t = d == 0 ? s : steps - 1 - s;
                        double[][] next = cell(kind, p, input[t][n], h, c);
                        h = next[0];
                        c = next[1];
                        System.arraycopy(h, 0, out[t][n], d * hidden, hidden);
                    }
                    hN[row][n] = h;
                    if (cN != null) cN[row][n] = c;
                }
            }
            if (zeroedLayerOutputs != null && zeroedLayerOutputs[l]) out = new double[steps][batch][dirs * hidden];
            input = out;
        }
        return new Run(input, hN, cN);
    }

    // ---------------------------------------------------------------- layouts

    /** Values laid out [A, B, C] in row-major order, as [A][B][C]; {@code swapAB} reads them as [B, A, C]. */
    static double[][][] nested(float[] flat, int a, int b, int c, boolean swapAB) {
        int rows = swapAB ? b : a, cols = swapAB ? a : b;
        double[][][] out = new double[rows][cols][c];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                for (int k = 0; k < c; k++) {
                    double v = flat[(i * b + j) * c + k];
                    if (swapAB) out[j][i][k] = v; else out[i][j][k] = v;
                }
            }
        }
        return out;
    }

    /** [A][B][C] flattened row-major, or as [B, A, C] when {@code swapAB}. */
    static double[] flat(double[][][] v, boolean swapAB) {
        int a = v.length, b = v[0].length, c = v[0][0].length;
        double[] out = new double[a * b * c];
        int i = 0;
        if (swapAB) {
            for (int j = 0; j < b; j++) for (int x = 0; x < a; x++) for (int k = 0; k < c; k++) out[i++] = v[x][j][k];
        } else {
            for (double[][] m : v) for (double[] r : m) for (double e : r) out[i++] = e;
        }
        return out;
    }

    static Tensor tensor(float[] values, long... shape) { return Reference.tensor(values, shape); }
}
