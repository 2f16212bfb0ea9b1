package dev.nnsh.bench;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.nnsh.nn.CallObserver;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Where one network's eval pass at batch 12 spends its time, by leaf layer type (total ms over the
 * timed pass, and calls): {@code ZooForwardProfile NAME}. Not part of the test suite.
 */
public final class ZooForwardProfile {
    private ZooForwardProfile() {}

    public static void main(String[] args) {
        String name = args[0];
        Module net = ZooForwardBench.network(name);
        net.eval();
        Tensor input = Tensor.rand(12, name.equals("seed") ? 1 : 3, 224, 224);
        net.apply(input);
        Map<Module, Long> started = new IdentityHashMap<>();
        Map<String, double[]> byType = new TreeMap<>();
        CallObserver timer = new CallObserver() {
            @Override public void before(Module module, Tensor[] inputs) { started.put(module, System.nanoTime()); }

            // issue 11 (conv): "ZooForwardProfile NAME fused" lets fusion run; fused layers then count as outside leaf layers
            @Override public boolean seesEveryCall() { return !(args.length > 1 && args[1].equals("fused")); }

            @Override public void after(Module module, Tensor[] inputs, Tensor output) {
                if (module.children().isEmpty()) {
                    double[] t = byType.computeIfAbsent(module.getClass().getSimpleName(), k -> new double[2]);
                    t[0] += (System.nanoTime() - started.get(module)) / 1e6;
                    t[1]++;
                }
            }
        };
        long t0 = System.nanoTime();
        try (var scope = Module.observe(timer)) {
            net.apply(input);
        }
        double total = (System.nanoTime() - t0) / 1e6;
        double leaves = 0;
        for (var e : byType.entrySet()) {
            System.out.printf("%-20s %9.1f ms %5d calls%n", e.getKey(), e.getValue()[0], (int) e.getValue()[1]);
            leaves += e.getValue()[0];
        }
        System.out.printf("%-20s %9.1f ms (outside leaf layers %.1f ms)%n", "pass", total, total - leaves);
    }
}
