package dev.nnsh.tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks, before ND4J allocates, that a real tensor fits in the memory actually available.
 *
 * Available = the kernel's MemAvailable (or the cgroup's free limit, if lower), less a reserve: the
 * JVM heap may still grow to its maximum, and the operation that consumes a tensor needs room for its
 * result. The reserve is the maximum heap size plus 512 MiB unless the system property
 * {@code nnsh.memory.reserve} (bytes) says otherwise.
 */
public final class MemoryGuard {
    private static final long MIB = 1L << 20;
    private static final ThreadLocal<Long> ASSUMED = new ThreadLocal<>();

    private MemoryGuard() {}

    /**
     * Until the returned scope is closed, this thread's checks take {@code bytes} as the available
     * memory instead of reading the machine's: tests of the guard then behave the same on a 16, 32
     * or 128 GB machine, and never really allocate what a large machine would have let through.
     */
    public static Assumption assumeAvailable(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("assumeAvailable: bytes must be >= 0, got " + bytes);
        return Scoped.set(ASSUMED, bytes)::run;
    }

    /** Closing restores what was assumed before (or the machine's memory). */
    public interface Assumption extends AutoCloseable {
        @Override void close();
    }

    /** Throws {@link AllocationTooLargeException} unless a tensor of this shape and type fits. */
    public static void checkAllocation(DType dtype, long[] shape) {
        long needed = bytesFor(dtype, shape);
        NativeGarbage.beforeAllocating(needed);
        if (needed < 64 * MIB) return; // small tensors: never worth a /proc read
        long available = availableBytes();
        if (needed > available) throw new AllocationTooLargeException(shape, dtype, needed, available);
    }

    /** Bytes of a dense tensor; saturates at Long.MAX_VALUE instead of overflowing. */
    public static long bytesFor(DType dtype, long[] shape) {
        long n = dtype.bytes();
        for (long s : shape) {
            if (s != 0 && n > Long.MAX_VALUE / s) return Long.MAX_VALUE;
            n *= s;
        }
        return n;
    }

    /** Bytes that a new tensor may take now. */
    public static long availableBytes() {
        Long assumed = ASSUMED.get();
        if (assumed != null) return assumed;
        long free = Math.min(memAvailable(), cgroupFree());
        return Math.max(0, free - reserve());
    }

    private static long reserve() {
        String configured = System.getProperty("nnsh.memory.reserve");
        if (configured != null) return Long.parseLong(configured.trim());
        return Runtime.getRuntime().maxMemory() + 512 * MIB;
    }

    private static long memAvailable() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall through to the JVM's view of physical memory
        }
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os.getFreeMemorySize();
    }

    private static long cgroupFree() {
        for (var pair : List.of(
                new String[]{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"},
                new String[]{"/sys/fs/cgroup/memory/memory.limit_in_bytes",
                             "/sys/fs/cgroup/memory/memory.usage_in_bytes"})) {
            try {
                String limit = Files.readString(Path.of(pair[0])).trim();
                if (limit.equals("max")) return Long.MAX_VALUE;
                long used = Long.parseLong(Files.readString(Path.of(pair[1])).trim());
                return Long.parseLong(limit) - used;
            } catch (IOException | NumberFormatException e) {
                // this cgroup layout is absent: try the next
            }
        }
        return Long.MAX_VALUE;
    }
}
