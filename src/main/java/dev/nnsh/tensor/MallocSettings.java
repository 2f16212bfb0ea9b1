package dev.nnsh.tensor;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * What scripts/native-memory-env's GLIBC_TUNABLES do, done by the library itself for any program that
 * uses nnsh (a plain {@code java} program, an IDE, a test runner): glibc's malloc is told through
 * {@code mallopt} to keep freed memory in the process (no mmap per large buffer, no trimming below
 * 1 GiB, one arena), so ND4J's and oneDNN's own temporary buffers are not faulted in afresh on every
 * op. Done once, before the first tensor; skipped when GLIBC_TUNABLES is set (the user's settings win),
 * off glibc, or with {@code -Dnnsh.memory.mallopt=off}. JNA comes with ND4J (through oshi).
 */
final class MallocSettings {
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_MAX = -4;
    private static final int M_ARENA_MAX = -8;
    private static volatile String applied;

    private MallocSettings() {}

    static synchronized void applyOnce() {
        if (applied != null) return;
        applied = apply();
    }

    /** What was done, for benchmarks and the note: "mallopt", or why not. */
    static String applied() { return applied; }

    private static String apply() {
        if ("off".equals(System.getProperty("nnsh.memory.mallopt"))) return "off (nnsh.memory.mallopt)";
        if (System.getenv("GLIBC_TUNABLES") != null) return "GLIBC_TUNABLES set";
        if (!System.getProperty("os.name", "").startsWith("Linux")) return "not Linux";
        try {
            NativeLibrary c = NativeLibrary.getInstance("c");
            c.getFunction("gnu_get_libc_version"); // throws off glibc (musl has mallopt with other meanings)
            Function mallopt = c.getFunction("mallopt");
            boolean ok = mallopt.invokeInt(new Object[]{M_ARENA_MAX, 1}) == 1;
            ok &= mallopt.invokeInt(new Object[]{M_MMAP_MAX, 0}) == 1;
            ok &= mallopt.invokeInt(new Object[]{M_TRIM_THRESHOLD, 1 << 30}) == 1;
            return ok ? "mallopt" : "mallopt refused";
        } catch (Throwable e) { // no JNA native library for this platform, no glibc: the pool still works
            return "unavailable: " + e;
        }
    }
}
