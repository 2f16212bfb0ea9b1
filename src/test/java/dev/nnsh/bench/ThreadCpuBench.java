package dev.nnsh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mobile): which threads burn the CPU time of a network's eval passes (OpenMP workers spinning at barriers,
 * the collector, the JIT): {@code ThreadCpuBench NAME [passes=10]} prints wall time per pass and, per native thread,
 * the CPU time it used during the passes (from /proc/self/task). Not part of the test suite.
 */
public final class ThreadCpuBench {
    private ThreadCpuBench() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Module net = FreePassBench.network(name);
        net.eval();
        Tensor input = Tensor.rand(12, 3, 224, 224);
        net.apply(input);
        net.apply(input);
        var before = threadTicks();
        long t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) net.apply(input);
        double wall = (System.nanoTime() - t0) / 1e9;
        var after = threadTicks();
        double total = 0;
        List<String> lines = new ArrayList<>();
        for (var e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d == 0) continue;
            total += d / 100.0;
            lines.add(String.format("  %-40s %7.3f s", e.getKey(), d / 100.0));
        }
        System.out.printf("THREADS %s wall/pass %.4f s cpu/pass %.4f s | load %s%n", name, wall / passes, total / passes, MobileAbBench.loadavg());
        lines.forEach(System.out::println);
    }

    private static java.util.Map<String, Long> threadTicks() throws java.io.IOException {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(t.getFileName() + " " + comm, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (java.io.IOException | RuntimeException gone) { /* a thread that ended */ }
            }
        }
        return out;
    }
}
