package dev.nnsh.bench;

import java.util.Arrays;

import dev.nnsh.models.SwinTransformer;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): one Swin-T block in eval at batch 12 with a switch off and on alternately in one JVM:
 * {@code SwinBlockAbBench [runs=9] [property=nnsh.tf.windowres] [stage=1]} prints the medians and their
 * ratio (on/off). Not part of the test suite.
 */
public final class SwinBlockAbBench {
    private SwinBlockAbBench() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        String property = args.length > 1 ? args[1] : "nnsh.tf.windowres";
        int stage = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int hw = 56 >> (stage - 1), c = 96 << (stage - 1), heads = 3 << (stage - 1);
        var block = new SwinTransformer.SwinTransformerBlock(c, heads, 7, hw > 7 ? 3 : 0, 0.1);
        block.eval();
        Tensor x = Tensor.rand(12, hw, hw, c);
        double[] off = new double[runs], on = new double[runs];
        for (int r = -1; r < runs; r++) {
            for (boolean enabled : new boolean[]{false, true}) {
                System.setProperty(property, enabled ? "on" : "off");
                long t0 = System.nanoTime();
                Tensor y = block.apply(x);
                double ms = (System.nanoTime() - t0) / 1e6;
                NativeBuffers.release(y, "bench");
                if (r >= 0) (enabled ? on : off)[r] = ms;
            }
        }
        Arrays.sort(off);
        Arrays.sort(on);
        System.out.printf("SWINAB %s stage %d off %.1f ms on %.1f ms ratio %.3f%n", property, stage, off[runs / 2], on[runs / 2], on[runs / 2] / off[runs / 2]);
    }
}
