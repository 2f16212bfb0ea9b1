package dev.nnsh.bench;

import java.util.Arrays;

import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.CallObserver;
import dev.nnsh.tensor.Tensor;
import dev.nnsh.testnets.SeedVGG11;

/**
 * Times the seed network's real forward pass: {@code SeedForwardBench [batch=12] [runs=5]}. Prints
 * each run, the median and best, and GFLOP/s (2 FLOP per multiply-add of the convs and linears,
 * counted from a shape-only pass). Not part of the test suite.
 */
public final class SeedForwardBench {
    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SeedVGG11 net = new SeedVGG11();
        double gflop = 2 * multAdds(net, batch) / 1e9;
        Tensor input = Tensor.rand(batch, 1, 224, 224);
        net.apply(input); // warm-up: parameters materialise, oneDNN primitives are created
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            if (Boolean.getBoolean("bench.gcBetweenRuns")) System.gc();
            long faults0 = ProcSelf.minorFaults();
            long t0 = System.nanoTime();
            Tensor out = net.apply(input);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            long faults = ProcSelf.minorFaults() - faults0;
            if (!Double.isFinite(out.sum().item())) throw new IllegalStateException("non-finite output");
            System.out.printf("run %d: %.3f s, %d minor page faults%n", r + 1, seconds[r], faults);
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[runs / 2];
        System.out.printf("batch %d, %.1f GFLOP per pass: median %.3f s (%.1f GFLOP/s), best %.3f s (%.1f GFLOP/s)%n",
                batch, gflop, median, gflop / median, sorted[0], gflop / sorted[0]);
        System.out.printf("peak RSS %d MiB%n", ProcSelf.peakRssKib() / 1024);
    }

    private static double multAdds(Module net, int batch) {
        double[] total = {0};
        CallObserver counter = new CallObserver() {
            @Override public void before(Module module, Tensor[] inputs) {}

            @Override public void after(Module module, Tensor[] inputs, Tensor output) {
                if (module instanceof Conv2d || module instanceof Linear) {
                    long weights = module.ownParameters().get("weight").numel();
                    long[] s = output.shape();
                    double positions = output.numel() / (double) s[1 < s.length ? 1 : 0];
                    if (module instanceof Linear) positions = output.numel() / (double) s[s.length - 1];
                    total[0] += weights * positions;
                }
            }
        };
        try (var scope = Module.observe(counter)) {
            net.apply(Tensor.shapeOnly(batch, 1, 224, 224));
        }
        return total[0];
    }
}
