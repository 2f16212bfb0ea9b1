package dev.nnsh.io;

import java.util.Map;

import dev.nnsh.tensor.Tensor;

/**
 * Anything with named tensors to save ({@code Module} implements it), so {@link Weights#save} takes a
 * network without this package depending on nn.
 */
public interface StateDictSource {
    /** The tensors by dotted name, in order. */
    Map<String, Tensor> stateDict();
}
