package dev.nnsh.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mem): one network's eval pass at batch 12 with the memory counters.
 * {@code MemoryPassBench NAME [runs=4]}; {@code -Dnnsh.memory.pool=off -Dnnsh.memory.release=off
 * -Dnnsh.memory.mallopt=off} is the code before (ND4J's own buffers, a collection every 512 MiB).
 * {@link #run} is what scripts/bench-everywhere calls from the shell and script mode. Prints
 * {@code MEM name median_s min_s max_s gc_per_pass gc_ms_per_pass peak_rss_mib hits misses released reclaimed malloc
 * minor_faults_per_pass cpu_s_per_pass} (GC counts from the JVM's collector beans, over the timed
 * passes; page faults and process CPU time per pass say more than wall time on a loaded machine). Not part of the test suite.
 */
public final class MemoryPassBench {
    private MemoryPassBench() {}

    public static void main(String[] args) {
        System.out.println(run(args[0], args.length > 1 ? Integer.parseInt(args[1]) : 4));
    }

    /** The MEM line for {@code runs} timed passes after one warm-up pass. */
    public static String run(String name, int runs) {
        int channels = name.equals("seed") ? 1 : 3;
        Module net = ZooForwardBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, channels, 224, 224);
        net.apply(input); // warm-up: parameters materialise, oneDNN primitives are created
        long gc0 = gcCount(), gcMs0 = gcMillis(), faults0 = ProcSelf.minorFaults(), cpu0 = cpuNanos();
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Tensor out = net.apply(input);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            if (!Double.isFinite(out.sum().item())) throw new IllegalStateException("non-finite output");
        }
        double faultsPerPass = (ProcSelf.minorFaults() - faults0) / (double) runs;
        double cpuPerPass = (cpuNanos() - cpu0) / 1e9 / runs;
        double gcPerPass = (gcCount() - gc0) / (double) runs, gcMsPerPass = (gcMillis() - gcMs0) / (double) runs;
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        var s = NativeBuffers.stats();
        return String.format("MEM %s %.4f %.4f %.4f %.2f %.1f %d %d %d %d %d %s %.0f %.3f", name, sorted[runs / 2], sorted[0],
                sorted[runs - 1], gcPerPass, gcMsPerPass, ProcSelf.peakRssKib() / 1024, s.hits(), s.misses(),
                s.released(), s.reclaimedByCollector(), String.valueOf(NativeBuffers.mallocSettings()).replace(' ', '_'),
                faultsPerPass, cpuPerPass);
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, b.getCollectionCount());
        return n;
    }

    static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, b.getCollectionTime());
        return n;
    }
}
