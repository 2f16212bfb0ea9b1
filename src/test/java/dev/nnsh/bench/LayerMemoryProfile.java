package dev.nnsh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

import dev.nnsh.nn.CallObserver;
import dev.nnsh.nn.Module;
import dev.nnsh.ops.fast.DnnlMemory;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mem): resident memory layer by layer in one network's eval pass at batch 12.
 * {@code LayerMemoryProfile NAME [passes=2] [blocks]}: after a warm-up pass, {@code passes} passes with an observer
 * (one that fuses as usual and keeps no tensor) that resets the peak (/proc/self/clear_refs 5) before each
 * leaf layer and prints after it: its output MiB, VmRSS after, the peak during it, the pool's free and
 * outstanding MiB and oneDNN's scratchpad, Winograd buffers and reordered weights. {@code blocks}: every module
 * call, blocks too (a fused block shows only as a whole), the first pass included. Not part of the test suite.
 */
public final class LayerMemoryProfile {
    private LayerMemoryProfile() {}

    public static void main(String[] args) {
        String name = args[0];
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        // "blocks": print every module call (blocks run fused show only as a whole), and profile the first pass too
        all = args.length > 2 && args[2].equals("blocks");
        System.out.printf("start: rss %d MiB%n", kib("VmRSS") / 1024);
        Module net = ZooForwardBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, name.equals("seed") ? 1 : 3, 224, 224);
        System.out.printf("built: rss %d MiB, hwm %d MiB%n", kib("VmRSS") / 1024, kib("VmHWM") / 1024);
        Map<Module, String> names = new IdentityHashMap<>();
        net.namedModules().forEach((n, m) -> names.put(m, n));
        if (all) {
            try (var scope = Module.observe(new Printer(names))) { net.apply(input); }
        } else {
            net.apply(input);
        }
        System.out.printf("warm-up pass: rss %d MiB, hwm %d MiB; %s%n", kib("VmRSS") / 1024, kib("VmHWM") / 1024, DnnlMemory.describe());
        for (int p = 0; p < passes; p++) {
            long hwmBefore = kib("VmHWM");
            System.out.printf("pass %d%n%-22s %8s %8s %8s %8s %8s %s%n", p + 1, "layer", "out MiB", "rss", "peak", "pool", "out", "oneDNN");
            try (var scope = Module.observe(new Printer(names))) {
                net.apply(input);
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("pass %d: rss %d MiB, hwm since start %d MiB (before pass %d); java heap committed %d MiB, used %d MiB%n",
                    p + 1, kib("VmRSS") / 1024, Math.max(hwmBefore, maxSeen) / 1024, hwmBefore / 1024, rt.totalMemory() >> 20,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    private static long maxSeen;
    private static boolean all;

    private record Printer(Map<Module, String> names) implements CallObserver {
        @Override public void before(Module module, Tensor[] inputs) {
            if (all || module.children().isEmpty()) resetPeak();
        }

        @Override public void after(Module module, Tensor[] inputs, Tensor output) {
            if (!all && !module.children().isEmpty()) return;
            long peak = kib("VmHWM");
            maxSeen = Math.max(maxSeen, peak);
            var s = NativeBuffers.stats();
            System.out.printf("%-22s %8.1f %8d %8d %8d %8d %s%n", names.getOrDefault(module, module.typeName()),
                    output.numel() * 4 / 1048576.0, kib("VmRSS") / 1024, peak / 1024, s.freeBytes() >> 20, s.outstandingBytes() >> 20,
                    DnnlMemory.describe());
        }

        @Override public boolean seesEveryCall() { return false; }

        @Override public boolean keepsTensors() { return false; }
    }

    static void resetPeak() {
        maxSeen = Math.max(maxSeen, kib("VmHWM"));
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            // not Linux: the peak column is then the process's
        }
    }

    static long kib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
