package dev.nnsh.bench;

import java.util.Arrays;

import dev.nnsh.Nnsh;
import dev.nnsh.models.Models;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;
import dev.nnsh.testnets.SeedVGG11;

/**
 * One network's eval forward pass at batch 12: {@code ZooForwardBench NAME [runs=3]} with NAME seed or
 * any image network of the zoo by its torchvision name ({@code ZooForwardBench --names} lists them). Prints one
 * line {@code RESULT name median_s min_s max_s gflop peak_rss_mib sum} for scripts/bench (GFLOP = 2 ×
 * torchinfo's mult-adds). {@code ZooForwardBench NAME RUNS ab} alternates passes with issue 11's fast
 * paths off and on in the same JVM and prints {@code AB name median_off_s median_on_s}. Not part of the test suite.
 */
public final class ZooForwardBench {
    private ZooForwardBench() {}

    static Module network(String name) {
        return switch (name) {
            case "seed" -> new SeedVGG11();
            case "resnet18" -> Models.resnet18();
            case "resnet50" -> Models.resnet50();
            case "densenet121" -> Models.densenet121();
            case "mobilenet_v2" -> Models.mobilenetV2();
            case "vgg11" -> Models.vgg11();
            case "alexnet" -> Models.alexnet();
            case "squeezenet1_1" -> Models.squeezenet1_1();
            default -> Models.get(name); // any other torchvision name the zoo builds
        };
    }

    /** The zoo's networks that take a 3×224×224 image: all but LeNet-5 (1×32×32) and the video networks (clips). */
    static java.util.List<String> imageClassifiers() {
        return Models.names().stream()
                .filter(n -> !n.equals("lenet5") && !n.startsWith("r3d_") && !n.startsWith("mc3_") && !n.startsWith("r2plus1d_"))
                .toList();
    }

    public static void main(String[] args) {
        String name = args[0];
        if (name.equals("--names")) {
            System.out.println(String.join(" ", imageClassifiers()));
            return;
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int channels = name.equals("seed") ? 1 : 3;
        Module net = network(name);
        net.eval();
        double gflop = 2.0 * Nnsh.summary(net, Nnsh.options().inputSize(12, channels, 224, 224).verbose(0))
                .totalMultAdds() / 1e9;
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, channels, 224, 224);
        net.apply(input); // warm-up: parameters materialise, oneDNN primitives are created
        if (args.length > 2 && args[2].equals("ab")) {
            compareFastPaths(name, net, input, runs);
            return;
        }
        // NNSH_BENCH_WARMUP_S (as tools/torch_zoo_forward.py): after the first `runs` passes ("cold": the JIT is still
        // compiling nnsh's Java side then), passes until that many seconds have gone by, then `runs` timed passes again
        double warmUp = Double.parseDouble(System.getenv().getOrDefault("NNSH_BENCH_WARMUP_S", "0"));
        long start = System.nanoTime();
        double[] lastSum = new double[1];
        double[] cold = timedPasses(net, input, runs, lastSum);
        double[] seconds = cold;
        if (warmUp > 0) {
            while ((System.nanoTime() - start) / 1e9 < warmUp) net.apply(input);
            seconds = timedPasses(net, input, runs, lastSum);
        }
        double sum = lastSum[0];
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double[] coldSorted = cold.clone();
        Arrays.sort(coldSorted);
        System.out.printf("RESULT %s %.4f %.4f %.4f %.2f %d %.6g %.4f%n", name, sorted[runs / 2], sorted[0],
                sorted[runs - 1], gflop, ProcSelf.peakRssKib() / 1024, sum, coldSorted[runs / 2]);
    }

    /** Seconds of each of `runs` eval passes, every output checked finite; the last output's sum into lastSum[0]. */
    private static double[] timedPasses(Module net, Tensor input, int runs, double[] lastSum) {
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Tensor out = net.apply(input);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            lastSum[0] = out.sum().item();
            if (!Double.isFinite(lastSum[0])) throw new IllegalStateException("non-finite output");
        }
        return seconds;
    }

    private static void compareFastPaths(String name, Module net, Tensor input, int runs) {
        double[] off = new double[runs], on = new double[runs];
        double maxRelative = 0;
        for (int r = 0; r < runs; r++) {
            dev.nnsh.tensor.InPlace.setEnabled(false);
            long t0 = System.nanoTime();
            Tensor a = net.apply(input);
            off[r] = (System.nanoTime() - t0) / 1e9;
            dev.nnsh.tensor.InPlace.setEnabled(true);
            t0 = System.nanoTime();
            Tensor b = net.apply(input);
            on[r] = (System.nanoTime() - t0) / 1e9;
            double scale = a.nd().amaxNumber().doubleValue();
            maxRelative = Math.max(maxRelative, a.nd().sub(b.nd()).amaxNumber().doubleValue() / scale);
        }
        Arrays.sort(off);
        Arrays.sort(on);
        System.out.printf("AB %s %.4f %.4f ratio %.3f max_rel_diff %.2g%n", name, off[runs / 2], on[runs / 2],
                on[runs / 2] / off[runs / 2], maxRelative);
    }
}
