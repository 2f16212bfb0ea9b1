package dev.nnsh.nn;

import dev.nnsh.ops.RecurrentKind;
import dev.nnsh.tensor.Tensor;

/**
 * A multi-layer long short-term memory, {@code nn.LSTM(input_size, hidden_size, num_layers=1, bias=True,
 * batch_first=False, dropout=0.0, bidirectional=False)}: per step, gates i, f, g, o (stacked in that
 * order in the weights) give c' = σ(f)·c + σ(i)·tanh(g) and h' = σ(o)·tanh(c').
 * {@code apply(x)} / {@code apply(x, h0, c0)} return the output; {@code run} returns output, hN and cN.
 */
public class LSTM extends RNNBase<LSTM> {
    public LSTM(long inputSize, long hiddenSize) { this(inputSize, hiddenSize, 1); }

    public LSTM(long inputSize, long hiddenSize, int numLayers) {
        super(RecurrentKind.LSTM, inputSize, hiddenSize, numLayers);
    }

    public LSTM(long inputSize, long hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
                boolean bidirectional) {
        this(inputSize, hiddenSize, numLayers);
        bias(bias).batchFirst(batchFirst).dropout(dropout).bidirectional(bidirectional);
    }

    /** Output, hN and cN from the initial states h0 and c0 ([num_layers·D, N, H] each). */
    public RecurrentOutput run(Tensor x, Tensor h0, Tensor c0) { return runAll(x, h0, c0); }
}
