package dev.nnsh.bench;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's measured FMA ceiling: a float32 {@code n x n} matrix product through ND4J's BLAS, the
 * kind of kernel that comes closest to peak. The forward passes' GFLOP/s are read against it (and
 * against the nominal peak derived from /proc/cpuinfo, which cannot know how a core executes its
 * 512-bit FMAs). Not a test; prints {@code RESULT gemm n median_s gflops}.
 */
public final class GemmCeilingBench {
    private GemmCeilingBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        INDArray a = Nd4j.rand(n, n), b = Nd4j.rand(n, n), c = Nd4j.createUninitialized(a.dataType(), n, n);
        for (int i = 0; i < 2; i++) a.mmuli(b, c);
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            a.mmuli(b, c);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[runs / 2];
        System.out.printf("RESULT gemm %d %.4f %.1f%n", n, median, 2.0 * n * n * n / median / 1e9);
    }
}
