package dev.nnsh.bench;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nnsh.nn.CallObserver;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;
import dev.nnsh.testnets.SeedVGG11;

/**
 * Where a real seed forward pass spends its time: per-layer wall time (median over runs) of
 * {@code SeedForwardProfile [batch=12] [runs=5]}, and the share of the whole pass. Not part of the test suite.
 */
public final class SeedForwardProfile {
    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SeedVGG11 net = new SeedVGG11();
        Map<Module, String> names = new IdentityHashMap<>();
        net.namedModules().forEach((name, m) -> names.put(m, name.isEmpty() ? "(whole)" : name));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<Module, Long> started = new IdentityHashMap<>();
        CallObserver timer = new CallObserver() {
            @Override public void before(Module module, Tensor[] inputs) { started.put(module, System.nanoTime()); }

            @Override public void after(Module module, Tensor[] inputs, Tensor output) {
                double ms = (System.nanoTime() - started.get(module)) / 1e6;
                times.computeIfAbsent(names.get(module), k -> new ArrayList<>()).add(ms);
            }
        };
        Tensor input = Tensor.rand(batch, 1, 224, 224);
        net.apply(input);
        try (var scope = Module.observe(timer)) {
            for (int r = 0; r < runs; r++) net.apply(input);
        }
        double whole = median(times.get("(whole)"));
        times.forEach((name, list) -> System.out.printf("%-12s %9.1f ms %5.1f %%%n", name, median(list), 100 * median(list) / whole));
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
