package dev.nnsh.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.ops.fast.DnnlPostOps;

/**
 * issue 11 (dense): the pieces of one DenseNet dense-block layer on oneDNN, timed separately:
 * {@code DenseLayerBench [C=192] [total=256] [HW=56] [reps=20]}: the reorder of a channel slice of
 * a channels-last buffer into a dense one, the folded norm1→relu1 (depthwise 1×1), conv1 1×1 → 128
 * (+ReLU), conv2 3×3 → 32 into its slice. Batch 12. Prints ms per call. Not part of the test suite.
 */
public final class DenseLayerBench {
    private DenseLayerBench() {}

    /**
     * {@code DenseLayerBench net [runs] [release]}: densenet121's eval pass at batch 12, alternating issue 11
     * (dense)'s changes off/on ({@code nnsh.dense.release}, and {@code nnsh.dense.transition} unless
     * "release" is given), with the buffer pool's misses, minor faults and process CPU time per pass.
     */
    static void net(int runs, boolean transitionToo) {
        dev.nnsh.nn.Module net = dev.nnsh.models.Models.densenet121();
        net.eval();
        dev.nnsh.tensor.Tensor.manualSeed(0);
        dev.nnsh.tensor.Tensor input = dev.nnsh.tensor.Tensor.rand(12, 3, 224, 224);
        net.apply(input);
        double[][] t = new double[2][runs];
        long[][] cpuMs = new long[2][runs];
        for (int r = 0; r < runs; r++) {
            for (int mode = 0; mode < 2; mode++) {
                System.setProperty("nnsh.dense.release", mode == 0 ? "off" : "on");
                System.setProperty("nnsh.dense.transition", mode == 0 || !transitionToo ? "off" : "on");
                var before = dev.nnsh.tensor.NativeBuffers.stats();
                long f0 = ProcSelf.minorFaults();
                long c0 = cpuMillis();
                long t0 = System.nanoTime();
                double sum = net.apply(input).sum().item();
                t[mode][r] = (System.nanoTime() - t0) / 1e9;
                long cpu = cpuMillis() - c0, faults = ProcSelf.minorFaults() - f0;
                cpuMs[mode][r] = cpu;
                var after = dev.nnsh.tensor.NativeBuffers.stats();
                System.out.printf("pass %d dense=%s %.3f s  cpu %d ms  minor faults %d  pool misses %d hits %d collections %d  sum %.6g%n", r, mode == 0 ? "off" : "on",
                        t[mode][r], cpu, faults, after.misses() - before.misses(), after.hits() - before.hits(),
                        after.collections() - before.collections(), sum);
            }
        }
        for (double[] m : t) java.util.Arrays.sort(m);
        for (long[] m : cpuMs) java.util.Arrays.sort(m);
        System.out.printf("AB-DENSE densenet121 median_off %.4f median_on %.4f on/off %.3f  cpu_ms median_off %d median_on %d on/off %.3f%n",
                t[0][runs / 2], t[1][runs / 2], t[1][runs / 2] / t[0][runs / 2], cpuMs[0][runs / 2], cpuMs[1][runs / 2],
                (double) cpuMs[1][runs / 2] / cpuMs[0][runs / 2]);
    }

    /** utime + stime of the whole process (fields 14, 15 of /proc/self/stat), in ms (100 ticks per second assumed). */
    static long cpuMillis() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    interface Step { void run(); }

    static double ms(Step s, int reps) {
        for (int i = 0; i < 3; i++) s.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) s.run();
        return (System.nanoTime() - t0) / 1e6 / reps;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("net")) {
            net(args.length > 1 ? Integer.parseInt(args[1]) : 4, args.length <= 2 || !args[2].equals("release"));
            return;
        }
        long c = args.length > 0 ? Long.parseLong(args[0]) : 192;
        long total = args.length > 1 ? Long.parseLong(args[1]) : 256;
        long hw = args.length > 2 ? Long.parseLong(args[2]) : 56;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        long n = 12;
        INDArray buffer = DnnlConv.newChannelsLast(n, total, hw, hw);
        buffer.assign(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, total, hw, hw));
        INDArray slice = buffer.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray dense = DnnlConv.newChannelsLast(n, c, hw, hw);
        INDArray dw = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, c, 1, 1, 1), db = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, c);
        INDArray w1 = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 128, c, 1, 1).subi(0.5), b1 = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 128);
        INDArray w2 = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 32, 128, 3, 3).subi(0.5);
        int[] one = {1, 1}, none = new int[4], pad1 = {1, 1, 1, 1};
        INDArray[] hold = new INDArray[2];
        hold[0] = DnnlConv.conv2d(dense, dw, db, one, none, one, (int) c, DnnlPostOps.RELU, null, true);
        hold[1] = DnnlConv.conv2d(hold[0], w1, b1, one, none, one, 1, DnnlPostOps.RELU, null, true);
        INDArray out = buffer.get(NDArrayIndex.all(), NDArrayIndex.interval(c, c + 32), NDArrayIndex.all(), NDArrayIndex.all());
        double copy = ms(() -> DnnlConv.copy(slice, dense), reps);
        double norm = ms(() -> hold[0] = DnnlConv.conv2d(dense, dw, db, one, none, one, (int) c, DnnlPostOps.RELU, null, true), reps);
        double normSlice = ms(() -> DnnlConv.conv2d(slice, dw, db, one, none, one, (int) c, DnnlPostOps.RELU, null, true), reps);
        double conv1 = ms(() -> hold[1] = DnnlConv.conv2d(hold[0], w1, b1, one, none, one, 1, DnnlPostOps.RELU, null, true), reps);
        double conv2 = ms(() -> DnnlConv.conv2dInto(hold[1], w2, null, one, pad1, one, 1, DnnlPostOps.NONE, out), reps);
        double mb = n * c * hw * hw * 4 / 1e6;
        System.out.printf("DENSE C=%d total=%d HW=%d: copy %.2f ms (%.1f MB)  norm %.2f  norm(slice in) %.2f  conv1 %.2f  conv2-into %.2f%n",
                c, total, hw, copy, mb, norm, normSlice, conv1, conv2);
    }
}
