package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * Sees every {@link Module#apply} call on the current thread while installed with
 * {@link Module#observe}; this is how a summary records a pass.
 */
public interface CallObserver {
    void before(Module module, Tensor[] inputs);

    void after(Module module, Tensor[] inputs, Tensor output);

    /** The call ended with an exception (already reported as a {@link ModuleException}). */
    default void failed(Module module, Tensor[] inputs, RuntimeException error) {}

    /** issue 11 (conv): whether this observer must see every module call (then nothing is fused into one call). */
    default boolean seesEveryCall() { return true; }
    /** Whether this observer may keep the tensors it sees; while one that may is installed, nnsh frees no intermediate. */
    default boolean keepsTensors() { return true; } // issue 11 (mem)
}
