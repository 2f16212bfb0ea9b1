package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * What {@code nn.MultiheadAttention} returns: the attention output, and the attention weights
 * ([N, L, S] averaged over heads, [N, num_heads, L, S] per head; without the batch dim when the input
 * had none), or null when they were not asked for.
 */
public record AttentionOutput(Tensor output, Tensor weights) {}
