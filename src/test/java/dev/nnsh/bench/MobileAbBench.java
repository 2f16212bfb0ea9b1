package dev.nnsh.bench;

import java.util.Arrays;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mobile): one network's eval pass at batch 12 with one of the mobile fast paths off and on alternately in
 * one JVM: {@code MobileAbBench NAME [runs=6] [switch=se]}, switch {@code se}, {@code alone} (tiny convolutions on the calling thread alone, issue 11 small) (squeeze-excitation in four calls and
 * the sigmoid post-ops), {@code scale} (the oneDNN channel scale), {@code all} (both). Prints median and min per
 * setting, their on/off ratios (wall time, and the process's CPU time per pass, less sensitive to other load), the largest output difference relative to the output's largest magnitude, and
 * /proc/loadavg. Not part of the test suite.
 */
public final class MobileAbBench {
    private MobileAbBench() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        String toggle = args.length > 2 ? args[2] : "se";
        Module net = FreePassBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, 3, 224, 224);
        for (boolean on : new boolean[]{false, true}) {
            set(toggle, on);
            net.apply(input);
        }
        String load0 = loadavg();
        double[][] t = new double[2][runs], cpu = new double[2][runs]; // cpu: the process's CPU seconds in the pass (all threads)
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double maxRel = 0;
        for (int r = 0; r < runs; r++) {
            Tensor[] out = new Tensor[2];
            for (int s = 0; s < 2; s++) {
                boolean on = (r % 2 == 0) == (s == 1); // alternate which setting goes first
                set(toggle, on);
                long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                out[on ? 1 : 0] = net.apply(input);
                t[on ? 1 : 0][r] = (System.nanoTime() - t0) / 1e9;
                cpu[on ? 1 : 0][r] = (os.getProcessCpuTime() - c0) / 1e9;
                out[on ? 1 : 0] = Tensor.of(out[on ? 1 : 0].nd().dup());
            }
            double scale = out[0].nd().amaxNumber().doubleValue();
            maxRel = Math.max(maxRel, out[0].nd().sub(out[1].nd()).amaxNumber().doubleValue() / scale);
        }
        set(toggle, true);
        double[] off = t[0].clone(), on = t[1].clone();
        Arrays.sort(off);
        Arrays.sort(on);
        double[] cpuOff = cpu[0].clone(), cpuOn = cpu[1].clone();
        Arrays.sort(cpuOff);
        Arrays.sort(cpuOn);
        System.out.printf("MOBILE-AB %s %s off median %.4f min %.4f | on median %.4f min %.4f | ratio median %.3f min %.3f"
                        + " | max_rel_diff %.2g | loadavg %s .. %s%n", name, toggle, off[runs / 2], off[0], on[runs / 2], on[0],
                on[runs / 2] / off[runs / 2], on[0] / off[0], maxRel, load0, loadavg());
        System.out.printf("MOBILE-AB-CPU %s %s process CPU s per pass: off median %.4f min %.4f | on median %.4f min %.4f | ratio median %.3f min %.3f%n",
                name, toggle, cpuOff[runs / 2], cpuOff[0], cpuOn[runs / 2], cpuOn[0], cpuOn[runs / 2] / cpuOff[runs / 2], cpuOn[0] / cpuOff[0]);
    }

    static void set(String toggle, boolean on) {
        switch (toggle) {
            case "se" -> {
                dev.nnsh.nn.SqueezeExciteFusion.setEnabled(on);
                dev.nnsh.nn.FusableActivation.setSigmoidFused(on);
            }
            case "scale" -> dev.nnsh.ops.fast.DnnlChannelScale.setEnabled(on);
            case "blocked" -> dev.nnsh.ops.fast.DnnlBlockedConv.setEnabled(on); // issue 11 (mobile, round d)
            case "alone" -> dev.nnsh.ops.fast.DnnlThreads.setEnabled(on); // issue 11 (small)
            case "all" -> {
                set("se", on);
                set("scale", on);
            }
            default -> throw new IllegalArgumentException("unknown switch " + toggle);
        }
    }

    static String loadavg() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
