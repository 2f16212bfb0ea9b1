package dev.nnsh.bench;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.ops.fast.DnnlMemory;
import dev.nnsh.ops.fast.DnnlPostOps;

/**
 * Issue 11 (mem): one 3×3 Winograd convolution per seed layer shape at batch 12 (or another), its weights kept
 * transformed (cached) and transformed per call alternately in one JVM; prints per shape the median
 * times and their ratio. {@code WinogradWeightsLayerBench [reps=9] [cpu|wall] [batch=12] [direct IN OUT SIZE]}
 * ({@code direct}: the direct convolution (the "cached" column) against Winograd per call, for one shape if given): {@code cpu} measures the calling
 * thread's CPU time instead of wall time (with OMP_NUM_THREADS=1 all the work runs on it: robust on a busy machine). Not part of the test suite.
 */
public final class WinogradWeightsLayerBench {
    private WinogradWeightsLayerBench() {}

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        boolean cpu = args.length > 1 && args[1].equals("cpu");
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        boolean direct = args.length > 3 && args[3].equals("direct"); // "direct": direct (off) against Winograd per call (on)
        int[][] shapes = args.length > 4 ? new int[][]{{Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6])}}
                : new int[][]{{64, 128, 112}, {128, 256, 56}, {256, 256, 56}, {256, 512, 28}, {512, 512, 28}, {512, 512, 14}};
        String load0 = MemorySwitchAbBench.loadavg();
        double totalOff = 0, totalOn = 0;
        for (int[] s : shapes) {
            INDArray x = Nd4j.rand(DataType.FLOAT, batch, s[0], s[2], s[2]);
            INDArray w = Nd4j.rand(DataType.FLOAT, s[1], s[0], 3, 3).subi(0.5);
            INDArray b = Nd4j.rand(DataType.FLOAT, s[1]);
            List<Double> off = new ArrayList<>(), on = new ArrayList<>();
            for (int r = -1; r < reps; r++) {
                for (boolean perCall : new boolean[]{false, true}) {
                    if (direct) DnnlConv.setWinogradEnabled(perCall);
                    else DnnlMemory.setWinogradWeightsPerCall(perCall);
                    long t0 = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
                    DnnlConv.conv2d(x, w, b, new int[]{1, 1}, new int[]{1, 1, 1, 1}, new int[]{1, 1}, 1, DnnlPostOps.RELU, null);
                    double ms = ((cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / 1e6;
                    if (r >= 0) (perCall ? on : off).add(ms);
                }
            }
            double mOff = SeedForwardProfile.median(off), mOn = SeedForwardProfile.median(on);
            totalOff += mOff;
            totalOn += mOn;
            System.out.printf("%4d -> %4d @ %3d: cached %.2f ms, per call %.2f ms, ratio %.3f%n", s[0], s[1], s[2], mOff, mOn, mOn / mOff);
        }
        DnnlMemory.setWinogradWeightsPerCall(true);
        DnnlConv.setWinogradEnabled(true);
        System.out.printf("WWL sum of medians: cached %.1f ms, per call %.1f ms, ratio %.3f; load %s -> %s%n", totalOff, totalOn,
                totalOn / totalOff, load0, MemorySwitchAbBench.loadavg());
    }
}
