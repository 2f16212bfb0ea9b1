package dev.nnsh.nn;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.nnsh.tensor.Tensor;

/**
 * Carries a module's full result (a record of several tensors) out of a call through
 * {@link Module#apply}, which returns only one tensor. So a layer's {@code run(...)} goes through
 * {@code apply} like any call, and a summary sees it. Only held while such a call runs; a module
 * is used by one thread at a time.
 */
final class CallCapture<R> {
    private boolean capturing;
    private R captured;

    /** Calls {@code call} (an apply of the module) and returns what its forward offered. */
    R during(Supplier<Tensor> call, Function<R, Tensor> outputOf) {
        boolean outer = capturing;
        capturing = true;
        captured = null;
        try {
            Tensor output = call.get();
            R result = captured;
            if (result == null || outputOf.apply(result) != output) {
                throw new IllegalStateException("the module's forward did not offer its full result");
            }
            return result;
        } finally {
            capturing = outer;
            captured = null;
        }
    }

    /** Called by forward with its full result; kept only while {@link #during} waits for it. */
    void offer(R result) {
        if (capturing) captured = result;
    }
}
