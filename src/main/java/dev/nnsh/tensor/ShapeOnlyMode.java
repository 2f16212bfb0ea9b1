package dev.nnsh.tensor;

import java.util.function.Supplier;

/**
 * Whether this thread is inside a shape-only pass. A module called with a shape-only input enters it
 * for the call, so factories inside a user's {@code forward} ({@code Tensor.arange(T)}, {@code zeros})
 * give shape-only tensors too and nothing is allocated: a forward never has to know its mode.
 */
public final class ShapeOnlyMode {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private ShapeOnlyMode() {}

    public static boolean active() { return DEPTH.get()[0] > 0; }

    /** Enters the mode when {@code condition} holds (else does nothing) until the scope is closed. */
    public static Scope enterIf(boolean condition) {
        if (!condition) return () -> {};
        int[] depth = DEPTH.get();
        depth[0]++;
        return () -> depth[0]--;
    }

    /** Runs {@code body} in the mode: how a lazy buffer learns its shape without computing it. */
    public static <T> T run(Supplier<T> body) {
        try (Scope s = enterIf(true)) {
            return body.get();
        }
    }

    /** Closing leaves the mode (if this scope entered it). */
    public interface Scope extends AutoCloseable {
        @Override void close();
    }
}
