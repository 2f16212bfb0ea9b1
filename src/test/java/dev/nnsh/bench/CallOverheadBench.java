package dev.nnsh.bench;

import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mobile): the fixed cost of one fused convolution call (Conv2d → BatchNorm2d → ReLU on a tiny input, so
 * that the arithmetic is negligible), minimum and median over {@code calls}: {@code CallOverheadBench [calls=2000] [channels=16] [size=4]}.
 * Not part of the test suite.
 */
public final class CallOverheadBench {
    private CallOverheadBench() {}

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 16, size = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Module net = new Sequential(new Conv2d(channels, channels, 1).bias(false), new BatchNorm2d(channels), new ReLU(true));
        net.eval();
        Tensor x = Tensor.randn(1, channels, size, size);
        Tensor first = net.apply(x);
        for (int i = 0; i < 500; i++) net.apply(first);
        double[] t = new double[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            net.apply(first);
            t[i] = (System.nanoTime() - t0) / 1e3;
        }
        java.util.Arrays.sort(t);
        System.out.printf("CALL fused conv " + channels + "x" + size + "x" + size + ": min %.1f us, p25 %.1f us, median %.1f us | load %s%n", t[0], t[calls / 4], t[calls / 2],
                MobileAbBench.loadavg());
    }
}
