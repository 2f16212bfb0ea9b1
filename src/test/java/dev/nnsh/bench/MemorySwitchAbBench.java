package dev.nnsh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.nnsh.nn.Module;
import dev.nnsh.ops.fast.DnnlMemory;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mem): the time a memory switch costs, as a ratio in one JVM: one network's eval pass at
 * batch 12 with the switch off and on alternately. {@code MemorySwitchAbBench NAME [runs=5] [switch=winoWeights]};
 * {@code winoWeights}: Winograd's weights kept transformed per layer (off) or transformed by the
 * kernel at each call (on, the default). Prints each pass, then {@code MEMAB name switch median_off median_on
 * ratio max_rel_diff loadavg}. Peak RSS needs one JVM per setting (a cached copy, once made, stays), so
 * it is not measured here. Not part of the test suite.
 */
public final class MemorySwitchAbBench {
    private MemorySwitchAbBench() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String toggle = args.length > 2 ? args[2] : "winoWeights";
        Module net = ZooForwardBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, name.equals("seed") ? 1 : 3, 224, 224);
        for (boolean on : new boolean[]{false, true}) { // warm-up of both settings
            set(toggle, on);
            net.apply(input);
        }
        String load0 = loadavg();
        double[] off = new double[runs], on = new double[runs];
        double maxRelative = 0;
        for (int r = 0; r < runs; r++) {
            set(toggle, false);
            long t0 = System.nanoTime();
            Tensor a = net.apply(input);
            off[r] = (System.nanoTime() - t0) / 1e9;
            set(toggle, true);
            t0 = System.nanoTime();
            Tensor b = net.apply(input);
            on[r] = (System.nanoTime() - t0) / 1e9;
            maxRelative = Math.max(maxRelative, a.nd().sub(b.nd()).amaxNumber().doubleValue() / a.nd().amaxNumber().doubleValue());
            System.out.printf("run %d: off %.3f s, on %.3f s%n", r + 1, off[r], on[r]);
        }
        set(toggle, true);
        double mOff = median(off), mOn = median(on);
        System.out.printf("MEMAB %s %s %.4f %.4f ratio %.3f max_rel_diff %.2g load %s -> %s%n", name, toggle, mOff, mOn, mOn / mOff,
                maxRelative, load0, loadavg());
    }

    static void set(String toggle, boolean on) {
        switch (toggle) {
            case "winoWeights" -> DnnlMemory.setWinogradWeightsPerCall(on);
            default -> throw new IllegalArgumentException("unknown switch " + toggle + " (winoWeights)");
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1];
        } catch (Exception e) {
            return "?";
        }
    }
}
