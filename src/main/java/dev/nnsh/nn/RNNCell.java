package dev.nnsh.nn;

import dev.nnsh.ops.RecurrentKind;

/**
 * One step of an Elman RNN, {@code nn.RNNCell(input_size, hidden_size, bias=True, nonlinearity='tanh')}:
 * {@code apply(x[, h])} returns h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh) (or relu).
 */
public class RNNCell extends RNNCellBase<RNNCell> {
    public RNNCell(long inputSize, long hiddenSize) { super(RecurrentKind.RNN_TANH, inputSize, hiddenSize); }

    public RNNCell(long inputSize, long hiddenSize, boolean bias) {
        this(inputSize, hiddenSize);
        bias(bias);
    }

    public RNNCell(long inputSize, long hiddenSize, boolean bias, String nonlinearity) {
        this(inputSize, hiddenSize, bias);
        nonlinearity(nonlinearity);
    }

    /** "tanh" (the default) or "relu". */
    public RNNCell nonlinearity(String name) {
        kind(RecurrentKind.rnn(typeName(), name));
        return this;
    }

    public String nonlinearity() { return kind().nonlinearity(); }
}
