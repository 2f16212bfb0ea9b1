package dev.nnsh.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * issue 11 (shell): a network's eval pass (batch 12) with the pool's carving and young collections on and
 * off, alternating pass by pass in one JVM. {@code PoolCarvingAbBench NAME [pairs=5]}. Prints the median
 * wall and process CPU seconds per pass of each and the ratios (on / off), and the collections per pass.
 * Peak RSS needs one JVM per setting (MemoryPassBench with -Dnnsh.memory.carveRatio=off -Dnnsh.memory.young=off).
 */
public final class PoolCarvingAbBench {
    private PoolCarvingAbBench() {}

    public static void main(String[] args) {
        String name = args[0];
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Module net = ZooForwardBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, name.equals("seed") ? 1 : 3, 224, 224);
        net.apply(input);
        List<Double> onWall = new ArrayList<>(), offWall = new ArrayList<>(), onCpu = new ArrayList<>(), offCpu = new ArrayList<>();
        long onGc = 0, offGc = 0;
        for (int i = 0; i < 2 * pairs; i++) {
            boolean on = i % 2 == 0;
            NativeBuffers.setCarveRatio(on ? 16 : 0);
            NativeBuffers.setYoungCollections(on);
            long gc0 = MemoryPassBench.gcCount(), cpu0 = MemoryPassBench.cpuNanos(), t0 = System.nanoTime();
            Tensor out = net.apply(input);
            double wall = (System.nanoTime() - t0) / 1e9, cpu = (MemoryPassBench.cpuNanos() - cpu0) / 1e9;
            if (!Double.isFinite(out.sum().item())) throw new IllegalStateException("non-finite output");
            (on ? onWall : offWall).add(wall);
            (on ? onCpu : offCpu).add(cpu);
            if (on) onGc += MemoryPassBench.gcCount() - gc0; else offGc += MemoryPassBench.gcCount() - gc0;
        }
        System.out.printf("POOLAB %s on wall %.4f cpu %.4f gc/pass %.2f | off wall %.4f cpu %.4f gc/pass %.2f | ratio wall %.3f cpu %.3f%n",
                name, median(onWall), median(onCpu), onGc / (double) pairs, median(offWall), median(offCpu), offGc / (double) pairs,
                median(onWall) / median(offWall), median(onCpu) / median(offCpu));
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
