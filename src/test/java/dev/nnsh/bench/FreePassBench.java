package dev.nnsh.bench;

import java.util.Arrays;

import dev.nnsh.models.Models;
import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (free): one zoo network's eval pass at batch 12, freeing on and off alternately in one JVM.
 * {@code FreePassBench NAME [runs=4] [switch=release]}: NAME as in ZooForwardBench or any no-argument
 * factory of {@link Models} (mobilenetV3Large, efficientnetB0, ...); switch {@code release} toggles
 * {@link IntermediateRelease}, {@code swish} the Hardswish/SiLU post-ops, {@code none} runs "on" only. Prints per setting the median and min pass time, collections per
 * pass (JVM collector beans), pool misses per pass and freed intermediates per pass. Not part of the test suite.
 */
public final class FreePassBench {
    private FreePassBench() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String toggle = args.length > 2 ? args[2] : "release";
        Module net = network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, name.equals("seed") ? 1 : 3, 224, 224);
        net.apply(input);
        net.apply(input);
        String[] settings = toggle.equals("none") ? new String[]{"on"} : new String[]{"off", "on"};
        double[][] t = new double[settings.length][runs];
        long[] gc = new long[settings.length], misses = new long[settings.length], freed = new long[settings.length];
        long[] gcMs = new long[settings.length], cpu = new long[settings.length];
        for (int r = 0; r < runs; r++) {
            for (int s = 0; s < settings.length; s++) {
                set(toggle, settings[s].equals("on"));
                long g0 = MemoryPassBench.gcCount(), m0 = NativeBuffers.stats().misses(), f0 = IntermediateRelease.releasedCount();
                long gm0 = MemoryPassBench.gcMillis(), c0 = MemoryPassBench.cpuNanos();
                long t0 = System.nanoTime();
                Tensor out = net.apply(input);
                t[s][r] = (System.nanoTime() - t0) / 1e9;
                gc[s] += MemoryPassBench.gcCount() - g0;
                gcMs[s] += MemoryPassBench.gcMillis() - gm0;
                cpu[s] += MemoryPassBench.cpuNanos() - c0;
                misses[s] += NativeBuffers.stats().misses() - m0;
                freed[s] += IntermediateRelease.releasedCount() - f0;
                if (!Double.isFinite(out.sum().item())) throw new IllegalStateException("non-finite output");
            }
        }
        set(toggle, true);
        for (int s = 0; s < settings.length; s++) {
            double[] sorted = t[s].clone();
            Arrays.sort(sorted);
            System.out.printf("FREE %s %s=%s median %.4f min %.4f cpu/pass %.3f gc/pass %.2f gc_ms/pass %.1f misses/pass %.1f freed/pass %.1f%n",
                    name, toggle, settings[s], sorted[runs / 2], sorted[0], cpu[s] / 1e9 / runs, gc[s] / (double) runs,
                    gcMs[s] / (double) runs, misses[s] / (double) runs, freed[s] / (double) runs);
        }
        if (settings.length == 2) {
            System.out.printf("FREE %s on/off median ratio %.3f%n", name, median(t[1]) / median(t[0]));
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static void set(String toggle, boolean on) {
        switch (toggle) {
            case "release" -> IntermediateRelease.setEnabled(on);
            case "swish" -> dev.nnsh.nn.FusableActivation.setSwishFused(on);
            case "none" -> { }
            default -> throw new IllegalArgumentException("unknown switch " + toggle);
        }
    }

    static Module network(String name) throws Exception {
        try {
            return ZooForwardBench.network(name);
        } catch (IllegalArgumentException e) {
            return (Module) Models.class.getMethod(name).invoke(null);
        }
    }
}
