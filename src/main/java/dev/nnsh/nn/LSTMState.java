package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** The (h, c) pair an {@link LSTMCell} returns: the next hidden state and the next cell state. */
public record LSTMState(Tensor h, Tensor c) {}
