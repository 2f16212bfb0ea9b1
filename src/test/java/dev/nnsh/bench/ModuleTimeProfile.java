package dev.nnsh.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

import dev.nnsh.nn.CallObserver;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mobile): where a fused eval pass at batch 12 spends its time, by module class, inclusive and
 * self (inclusive less the observed calls inside it), with fusion running (the observer does not ask to see
 * every call, so fused layers count in the self time of the block that runs them):
 * {@code ModuleTimeProfile NAME [passes=3]} prints the per-pass times, then the fastest pass's table.
 * Not part of the test suite.
 */
public final class ModuleTimeProfile {
    private ModuleTimeProfile() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Module net = FreePassBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, 3, 224, 224);
        net.apply(input);
        net.apply(input);
        Map<String, double[]> best = null;
        double bestTotal = Double.MAX_VALUE;
        double[] totals = new double[passes];
        for (int p = 0; p < passes; p++) {
            Map<String, double[]> byClass = new TreeMap<>(); // {inclusive ms, self ms, calls}
            Deque<long[]> stack = new ArrayDeque<>(); // {start, time of observed children}
            CallObserver timer = new CallObserver() {
                @Override public void before(Module module, Tensor[] inputs) { stack.push(new long[]{System.nanoTime(), 0}); }

                @Override public boolean seesEveryCall() { return false; }

                @Override public void after(Module module, Tensor[] inputs, Tensor output) {
                    long[] frame = stack.pop();
                    long took = System.nanoTime() - frame[0];
                    if (!stack.isEmpty()) stack.peek()[1] += took;
                    double[] t = byClass.computeIfAbsent(module.getClass().getSimpleName(), k -> new double[3]);
                    t[0] += took / 1e6;
                    t[1] += (took - frame[1]) / 1e6;
                    t[2]++;
                }
            };
            long t0 = System.nanoTime();
            try (var scope = Module.observe(timer)) {
                net.apply(input);
            }
            totals[p] = (System.nanoTime() - t0) / 1e6;
            if (totals[p] < bestTotal) {
                bestTotal = totals[p];
                best = byClass;
            }
        }
        System.out.println("passes ms " + Arrays.toString(totals));
        System.out.printf("%-28s %10s %10s %6s%n", "class", "incl ms", "self ms", "calls");
        best.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).forEach(e ->
                System.out.printf("%-28s %10.2f %10.2f %6d%n", e.getKey(), e.getValue()[0], e.getValue()[1], (int) e.getValue()[2]));
    }
}
