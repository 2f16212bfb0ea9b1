package dev.nnsh.bench;

import java.util.Arrays;

import dev.nnsh.nn.Module;
import dev.nnsh.ops.fast.DnnlAttention;
import dev.nnsh.ops.fast.DnnlEltwise;
import dev.nnsh.ops.fast.DnnlLayerNorm;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): one network's eval pass at batch 12 with the transformer fast paths (oneDNN GELU,
 * Linear → GELU fusion, LayerNorm, attention, ConvNeXt's block) off and on alternately in one JVM:
 * {@code TransformerAbBench NAME [runs=3] [PROPERTY]} (PROPERTY, e.g. nnsh.tf.residual or nnsh.tf.biascache,nnsh.tf.merge: only those
 * switch toggled) prints {@code TFAB name median_off_s median_on_s ratio
 * max_rel_diff}. Every other fast path stays on. Not part of the test suite.
 */
public final class TransformerAbBench {
    private TransformerAbBench() {}

    static void set(boolean on) {
        DnnlEltwise.setEnabled(on);
        DnnlLayerNorm.setEnabled(on);
        DnnlAttention.setEnabled(on);
        System.setProperty("nnsh.fuse.gelu", on ? "on" : "off");
        System.setProperty("nnsh.tf.blocks", on ? "on" : "off");
        System.setProperty("nnsh.tf.permute", on ? "on" : "off");
        System.setProperty("nnsh.tf.residual", on ? "on" : "off");
        System.setProperty("nnsh.tf.biascache", on ? "on" : "off");
        System.setProperty("nnsh.tf.merge", on ? "on" : "off");
    }

    private static String only;

    private static void toggle(boolean on) {
        if (only == null) set(on);
        else for (String p : only.split(",")) System.setProperty(p, on ? "on" : "off");
    }

    public static void main(String[] args) {
        String name = args[0];
        only = args.length > 2 ? args[2] : null;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Module net = ZooForwardBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, 3, 224, 224);
        toggle(false);
        net.apply(input);
        toggle(true);
        net.apply(input);
        double[] off = new double[runs], on = new double[runs], offCpu = new double[runs], onCpu = new double[runs];
        double maxRelative = 0;
        for (int r = 0; r < runs; r++) {
            toggle(false);
            long t0 = System.nanoTime(), c0 = cpu();
            Tensor a = net.apply(input);
            off[r] = (System.nanoTime() - t0) / 1e9;
            offCpu[r] = (cpu() - c0) / 1e9;
            toggle(true);
            t0 = System.nanoTime();
            c0 = cpu();
            Tensor b = net.apply(input);
            on[r] = (System.nanoTime() - t0) / 1e9;
            onCpu[r] = (cpu() - c0) / 1e9;
            double scale = a.nd().amaxNumber().doubleValue();
            maxRelative = Math.max(maxRelative, a.nd().sub(b.nd()).amaxNumber().doubleValue() / scale);
        }
        Arrays.sort(off);
        Arrays.sort(on);
        Arrays.sort(offCpu);
        Arrays.sort(onCpu);
        System.out.printf("TFAB %s%s %.4f %.4f ratio %.3f max_rel_diff %.2g cpu %.3f %.3f ratio %.3f%n", name, only == null ? "" : " " + only,
                off[runs / 2], on[runs / 2], on[runs / 2] / off[runs / 2], maxRelative, offCpu[runs / 2], onCpu[runs / 2],
                onCpu[runs / 2] / offCpu[runs / 2]);
    }

    /** Process CPU time, ns (all threads). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
