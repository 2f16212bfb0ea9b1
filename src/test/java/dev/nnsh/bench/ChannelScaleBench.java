package dev.nnsh.bench;

import dev.nnsh.nn.ChannelScale;
import dev.nnsh.ops.fast.DnnlChannelScale;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mobile): a squeeze-excitation's channel scale x·s on channels-last x, ND4J's broadcast against oneDNN's
 * binary multiply, alternately, minimum and median of {@code reps} calls per shape: {@code ChannelScaleBench [reps=20]}.
 * Not part of the test suite.
 */
public final class ChannelScaleBench {
    private ChannelScaleBench() {}

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long[][] shapes = {{12, 96, 56, 56}, {12, 144, 56, 56}, {12, 240, 28, 28}, {12, 72, 28, 28}, {12, 672, 14, 14}, {12, 1152, 7, 7}};
        for (long[] d : shapes) {
            var xv = DnnlConv.newChannelsLast(d[0], d[1], d[2], d[3]);
            xv.assign(Tensor.randn(d).nd());
            Tensor x = Tensor.of(xv);
            var sv = DnnlConv.newChannelsLast(d[0], d[1], 1, 1);
            sv.assign(Tensor.rand(d[0], d[1], 1, 1).nd());
            Tensor s = Tensor.of(sv);
            double[][] t = new double[2][reps];
            for (int r = 0; r < reps + 2; r++) {
                for (int k = 0; k < 2; k++) {
                    DnnlChannelScale.setEnabled(k == 1);
                    long t0 = System.nanoTime();
                    Tensor y = ChannelScale.mul(x, s);
                    long took = System.nanoTime() - t0;
                    if (r >= 2) t[k][r - 2] = took / 1e6;
                    y.nd().close();
                }
            }
            DnnlChannelScale.setEnabled(true);
            java.util.Arrays.sort(t[0]);
            java.util.Arrays.sort(t[1]);
            System.out.printf("SCALE %s nd4j min %.3f med %.3f ms | onednn min %.3f med %.3f ms | min ratio %.2f | MB %.1f | load %s%n",
                    java.util.Arrays.toString(d), t[0][0], t[0][reps / 2], t[1][0], t[1][reps / 2], t[1][0] / t[0][0],
                    d[0] * d[1] * d[2] * d[3] * 4 / 1e6, MobileAbBench.loadavg());
        }
    }
}
