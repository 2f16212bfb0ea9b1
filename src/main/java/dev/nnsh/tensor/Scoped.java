package dev.nnsh.tensor;

/** A thread-local setting for the length of a try-with-resources block, restored (nesting) on close. */
public final class Scoped {
    private Scoped() {}

    /** Sets {@code local} to {@code value}; running the result puts back what was there (or nothing). */
    public static <T> Runnable set(ThreadLocal<T> local, T value) {
        T previous = local.get();
        local.set(value);
        return () -> {
            if (previous == null) local.remove(); else local.set(previous);
        };
    }
}
