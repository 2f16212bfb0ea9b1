package dev.nnsh.bench;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.MemoryGuard;

/**
 * Two reference numbers for the forward-pass bench: the FLOP/s of a large float32 matrix product
 * into a reused output ({@code n}=4096 by default, a practical peak for this machine and thread
 * count), and the cost of one memory-guard check of a large tensor (a /proc read).
 * {@code ReferencePeakBench [n=4096] [runs=7]}. Not part of the test suite.
 */
public final class ReferencePeakBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n), b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.createUninitialized(DataType.FLOAT, n, n);
        a.mmul(b, c);
        List<Double> gflops = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            a.mmul(b, c);
            gflops.add(2.0 * n * n * n / (System.nanoTime() - t0));
        }
        System.out.printf("sgemm %d: median %.1f GFLOP/s, best %.1f GFLOP/s%n", n, SeedForwardProfile.median(gflops),
                gflops.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        long[] large = {12, 64, 224, 224};
        int checks = 2000;
        for (int i = 0; i < 200; i++) MemoryGuard.checkAllocation(DType.FLOAT32, large);
        long t0 = System.nanoTime();
        for (int i = 0; i < checks; i++) MemoryGuard.checkAllocation(DType.FLOAT32, large);
        System.out.printf("memory guard check of a %d MiB tensor: %.1f µs%n",
                MemoryGuard.bytesFor(DType.FLOAT32, large) >> 20, (System.nanoTime() - t0) / 1e3 / checks);
    }
}
