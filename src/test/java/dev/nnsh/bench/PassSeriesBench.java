package dev.nnsh.bench;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (small): one line per eval pass at batch 12 (wall ms, the process's CPU ms, minor page faults), to tell
 * slow passes caused by the machine's load from passes that do more work: {@code PassSeriesBench NAME [passes=20] [warm-up passes=2]}.
 * Not part of the test suite.
 */
public final class PassSeriesBench {
    private PassSeriesBench() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Module net = FreePassBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, 3, 224, 224);
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        for (int w = 0; w < warmUp; w++) net.apply(input);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        StringBuilder line = new StringBuilder("SERIES " + name + " wall/cpu ms, faults:");
        for (int p = 0; p < passes; p++) {
            long f0 = ProcSelf.minorFaults(), c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            net.apply(input);
            line.append(String.format(" %.1f/%.1f,%d", (System.nanoTime() - t0) / 1e6, (os.getProcessCpuTime() - c0) / 1e6,
                    ProcSelf.minorFaults() - f0));
        }
        System.out.println(line + " | load " + new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
    }
}
