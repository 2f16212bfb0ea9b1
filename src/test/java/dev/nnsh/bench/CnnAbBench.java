package dev.nnsh.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Consumer;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (cnn): {@code CnnAbBench NAME RUNS SWITCH} alternates eval passes of one zoo network at batch 12 with one
 * fast path of the "cnn" part off and on in the same JVM, and prints the medians (wall and process CPU time), their
 * ratio on/off and the largest output difference relative to the largest output. SWITCH: {@code pools}
 * (ChannelsLastPadPool), {@code winograd} (all of DnnlWinograd, for comparison), {@code denseBlocked} (BlockedDenseLayer and BlockedDenseBlock), {@code denseBuffer} (BlockedDenseBlock only). Not part of the test suite.
 */
public final class CnnAbBench {
    private CnnAbBench() {}

    static Consumer<Boolean> toggle(String name) {
        return switch (name) {
            case "pools" -> dev.nnsh.nn.ChannelsLastPadPool::setEnabled;
            case "winograd" -> dev.nnsh.ops.fast.DnnlConv::setWinogradEnabled;
            case "denseBuffer" -> on -> System.setProperty("nnsh.dense.blockedBuffer", on ? "on" : "off"); // issue 11 (cnn): BlockedDenseBlock
            case "denseBlocked" -> on -> System.setProperty("nnsh.dense.blocked", on ? "on" : "off"); // issue 11 (cnn): BlockedDenseLayer
            default -> throw new IllegalArgumentException("unknown switch " + name);
        };
    }

    public static void main(String[] args) {
        String name = args[0];
        int runs = Integer.parseInt(args[1]);
        Consumer<Boolean> set = toggle(args[2]);
        Module net = ZooForwardBench.network(name);
        net.eval();
        Tensor.manualSeed(0);
        Tensor input = Tensor.rand(12, 3, 224, 224);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (boolean on : new boolean[]{false, true}) {
            set.accept(on);
            net.apply(input); // warm-up of both paths
        }
        double[] offWall = new double[runs], onWall = new double[runs], offCpu = new double[runs], onCpu = new double[runs];
        double maxRelative = 0;
        for (int r = 0; r < runs; r++) {
            Tensor[] outs = new Tensor[2];
            for (int i = 0; i < 2; i++) {
                boolean on = (r + i) % 2 == 1; // alternate which goes first
                set.accept(on);
                long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                Tensor out = net.apply(input);
                double wall = (System.nanoTime() - t0) / 1e9, cpu = (os.getProcessCpuTime() - c0) / 1e9;
                (on ? onWall : offWall)[r] = wall;
                (on ? onCpu : offCpu)[r] = cpu;
                outs[on ? 1 : 0] = out;
            }
            double scale = outs[0].nd().amaxNumber().doubleValue();
            maxRelative = Math.max(maxRelative, outs[0].nd().sub(outs[1].nd()).amaxNumber().doubleValue() / scale);
        }
        set.accept(true);
        System.out.printf("CNNAB %s %s off %.4f on %.4f ratio %.3f cpu off %.3f on %.3f ratio %.3f max_rel_diff %.2g%n", name, args[2],
                median(offWall), median(onWall), median(onWall) / median(offWall), median(offCpu), median(onCpu),
                median(onCpu) / median(offCpu), maxRelative);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
