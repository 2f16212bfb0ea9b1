package dev.nnsh.nn;

import dev.nnsh.ops.RecurrentKind;

/**
 * One step of a GRU, {@code nn.GRUCell(input_size, hidden_size, bias=True)}: {@code apply(x[, h])}
 * returns h' = (1 − z)·n + z·h with gates r, z, n stacked in that order in the weights.
 */
public class GRUCell extends RNNCellBase<GRUCell> {
    public GRUCell(long inputSize, long hiddenSize) { super(RecurrentKind.GRU, inputSize, hiddenSize); }

    public GRUCell(long inputSize, long hiddenSize, boolean bias) {
        this(inputSize, hiddenSize);
        bias(bias);
    }
}
