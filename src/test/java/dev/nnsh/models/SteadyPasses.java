package dev.nnsh.models;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/** For the freeing tests: what a module's steady-state eval passes ask of the buffer pool. */
final class SteadyPasses {
    private SteadyPasses() {}

    /** Pool misses in three passes of {@code module} on {@code x} after two warm-up passes, each result given back. */
    static long poolMisses(Module module, Tensor x) {
        for (int i = 0; i < 2; i++) NativeBuffers.release(module.apply(x), "test");
        long before = NativeBuffers.stats().misses();
        for (int i = 0; i < 3; i++) NativeBuffers.release(module.apply(x), "test");
        return NativeBuffers.stats().misses() - before;
    }
}
