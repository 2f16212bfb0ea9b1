package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * Everything an {@link RNN}, {@link LSTM} or {@link GRU} returns, PyTorch's tuple as a record:
 * {@code output} is the last layer's hidden state at every step ([L, N, D·H], [N, L, D·H] batch-first,
 * [L, D·H] unbatched), what {@code apply} returns; {@code hN} the final hidden state of every layer and
 * direction ([num_layers·D, N, H]); {@code cN} the final cell state of an LSTM (null for RNN and GRU).
 */
public record RecurrentOutput(Tensor output, Tensor hN, Tensor cN) {}
