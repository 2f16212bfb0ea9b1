package dev.nnsh.ops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One time step of each recurrence on ND4J arrays, PyTorch's equations: given the input's gate
 * pre-activations {@code xg = x·W_ihᵀ + b_ih} and the hidden state's {@code hg = h·W_hhᵀ + b_hh}
 * (both [N, gates·H]), the new hidden state (and, for LSTM, cell state). Inputs are not modified.
 */
final class RecurrentStep {
    private RecurrentStep() {}

    /** The new (h, c); c is null except for LSTM. */
    record State(INDArray h, INDArray c) {}

    static State step(RecurrentKind kind, INDArray xg, INDArray hg, INDArray h, INDArray c) {
        long hidden = h.size(1);
        switch (kind) {
            case RNN_TANH: return new State(Transforms.tanh(xg.add(hg), false), null);
            case RNN_RELU: return new State(Transforms.relu(xg.add(hg), false), null);
            case LSTM: return lstm(xg.add(hg), c, hidden);
            case GRU: return gru(xg, hg, h, hidden);
            default: throw new IllegalStateException("unknown recurrence " + kind);
        }
    }

    /** i, f, g, o = σ, σ, tanh, σ of the summed gates; c' = f·c + i·g; h' = o·tanh(c'). */
    private static State lstm(INDArray gates, INDArray c, long hidden) {
        INDArray i = Transforms.sigmoid(chunk(gates, 0, hidden), true);
        INDArray f = Transforms.sigmoid(chunk(gates, 1, hidden), true);
        INDArray g = Transforms.tanh(chunk(gates, 2, hidden), true);
        INDArray o = Transforms.sigmoid(chunk(gates, 3, hidden), true);
        INDArray cNext = f.muli(c).addi(i.muli(g));
        INDArray hNext = o.muli(Transforms.tanh(cNext, true));
        return new State(hNext, cNext);
    }

    /** r, z = σ(x_r + h_r), σ(x_z + h_z); n = tanh(x_n + r·h_n); h' = (1 − z)·n + z·h = n + z·(h − n). */
    private static State gru(INDArray xg, INDArray hg, INDArray h, long hidden) {
        INDArray r = Transforms.sigmoid(chunk(xg, 0, hidden).add(chunk(hg, 0, hidden)), false);
        INDArray z = Transforms.sigmoid(chunk(xg, 1, hidden).add(chunk(hg, 1, hidden)), false);
        INDArray n = Transforms.tanh(chunk(hg, 2, hidden).mul(r).addi(chunk(xg, 2, hidden)), false);
        INDArray hNext = h.sub(n).muli(z).addi(n);
        return new State(hNext, null);
    }

    /** Columns [k·H, (k+1)·H) of an [N, gates·H] array: gate k. */
    private static INDArray chunk(INDArray gates, int k, long hidden) {
        return gates.get(NDArrayIndex.all(), NDArrayIndex.interval(k * hidden, (k + 1) * hidden));
    }

    /** x·Wᵀ + b for [rows, in] x and [out, in] W; b may be null. */
    static INDArray affine(INDArray x, INDArray weight, INDArray bias) {
        INDArray y = x.mmul(weight.transpose());
        if (bias != null) y.addiRowVector(bias);
        return y;
    }
}
