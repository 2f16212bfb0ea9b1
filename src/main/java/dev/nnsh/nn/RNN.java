package dev.nnsh.nn;

import dev.nnsh.ops.RecurrentKind;
import dev.nnsh.tensor.Tensor;

/**
 * A multi-layer Elman RNN, {@code nn.RNN(input_size, hidden_size, num_layers=1, nonlinearity='tanh',
 * bias=True, batch_first=False, dropout=0.0, bidirectional=False)}: h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh),
 * or relu. {@code apply(x)} / {@code apply(x, h0)} return the output; {@code run} returns output and hN.
 * As in PyTorch, the printed form does not show the nonlinearity.
 */
public class RNN extends RNNBase<RNN> {
    public RNN(long inputSize, long hiddenSize) { this(inputSize, hiddenSize, 1); }

    public RNN(long inputSize, long hiddenSize, int numLayers) {
        super(RecurrentKind.RNN_TANH, inputSize, hiddenSize, numLayers);
    }

    public RNN(long inputSize, long hiddenSize, int numLayers, String nonlinearity) {
        this(inputSize, hiddenSize, numLayers);
        nonlinearity(nonlinearity);
    }

    public RNN(long inputSize, long hiddenSize, int numLayers, String nonlinearity, boolean bias, boolean batchFirst,
               double dropout, boolean bidirectional) {
        this(inputSize, hiddenSize, numLayers, nonlinearity);
        bias(bias).batchFirst(batchFirst).dropout(dropout).bidirectional(bidirectional);
    }

    /** "tanh" (the default) or "relu". */
    public RNN nonlinearity(String name) {
        kind(RecurrentKind.rnn(typeName(), name));
        return this;
    }

    public String nonlinearity() { return kind().nonlinearity(); }

    /** Output and hN from the initial hidden state h0 ([num_layers·D, N, H]). */
    public RecurrentOutput run(Tensor x, Tensor h0) { return runAll(x, h0); }
}
