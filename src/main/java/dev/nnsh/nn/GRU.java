package dev.nnsh.nn;

import dev.nnsh.ops.RecurrentKind;
import dev.nnsh.tensor.Tensor;

/**
 * A multi-layer gated recurrent unit, {@code nn.GRU(input_size, hidden_size, num_layers=1, bias=True,
 * batch_first=False, dropout=0.0, bidirectional=False)}: per step, gates r, z, n (stacked in that
 * order) give n = tanh(x·W_inᵀ + b_in + r·(h·W_hnᵀ + b_hn)) and h' = (1 − z)·n + z·h.
 * {@code apply(x)} / {@code apply(x, h0)} return the output; {@code run} returns output and hN.
 */
public class GRU extends RNNBase<GRU> {
    public GRU(long inputSize, long hiddenSize) { this(inputSize, hiddenSize, 1); }

    public GRU(long inputSize, long hiddenSize, int numLayers) {
        super(RecurrentKind.GRU, inputSize, hiddenSize, numLayers);
    }

    public GRU(long inputSize, long hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
               boolean bidirectional) {
        this(inputSize, hiddenSize, numLayers);
        bias(bias).batchFirst(batchFirst).dropout(dropout).bidirectional(bidirectional);
    }

    /** Output and hN from the initial hidden state h0 ([num_layers·D, N, H]). */
    public RecurrentOutput run(Tensor x, Tensor h0) { return runAll(x, h0); }
}
