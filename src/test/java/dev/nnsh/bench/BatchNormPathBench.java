package dev.nnsh.bench;

import java.util.Arrays;
import java.util.function.Supplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.BatchNorm;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Interleaved timing of eval batch-norm paths on [N, C, H, H]: {@code BatchNormPathBench C H [rounds=9]}:
 * four broadcast passes (nnsh before issue 11), ND4J's batchnorm op, and scale/shift in two passes.
 * Prints medians, ratios to the first and the largest difference from it. Not part of the test suite.
 */
public final class BatchNormPathBench {
    public static void main(String[] args) {
        long c = Long.parseLong(args[0]), h = Long.parseLong(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        INDArray x = Nd4j.rand(DataType.FLOAT, 12, c, h, h).subi(0.5);
        INDArray mean = Nd4j.rand(DataType.FLOAT, c), var = Nd4j.rand(DataType.FLOAT, c).addi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, c), b = Nd4j.rand(DataType.FLOAT, c);
        double eps = 1e-5;
        INDArray scale = w.div(Transforms.sqrt(var.add(eps), true));
        INDArray shift = b.sub(mean.mul(scale));
        Supplier<INDArray> broadcast4 = () -> {
            INDArray x3 = x.reshape('c', 12, c, h * h);
            INDArray y = x3.ulike();
            Nd4j.exec(new SubOp(x3, mean.reshape(1, c, 1), y));
            INDArray inv = Transforms.pow(var.add(eps), -0.5, false);
            Nd4j.exec(new MulOp(y, inv.reshape(1, c, 1), y));
            Nd4j.exec(new MulOp(y, w.reshape(1, c, 1), y));
            Nd4j.exec(new AddOp(y, b.reshape(1, c, 1), y));
            return y.reshape('c', 12, c, h, h);
        };
        Supplier<INDArray> op = () -> {
            INDArray y = x.ulike();
            BatchNorm bn = new BatchNorm(x, mean, var, w, b, eps, 1);
            bn.addOutputArgument(y);
            Nd4j.exec(bn);
            return y;
        };
        Supplier<INDArray> scaleShift = () -> {
            INDArray x3 = x.reshape('c', 12, c, h * h);
            INDArray y = x3.ulike();
            Nd4j.exec(new MulOp(x3, scale.reshape(1, c, 1), y));
            Nd4j.exec(new AddOp(y, shift.reshape(1, c, 1), y));
            return y.reshape('c', 12, c, h, h);
        };
        INDArray scaleC = scale.reshape(c), shiftC = shift.reshape(c);
        Supplier<INDArray> broadcastOps = () -> {
            INDArray x3 = x.reshape('c', 12, c, h * h);
            INDArray y = x3.ulike();
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp(x3, scaleC, y, 1));
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp(y, shiftC, y, 1));
            return y.reshape('c', 12, c, h, h);
        };
        Supplier<INDArray>[] variants = new Supplier[]{broadcast4, op, scaleShift, broadcastOps};
        String[] names = {"4 broadcasts", "batchnorm op", "scale+shift", "bcast mul+add"};
        INDArray reference = broadcast4.get();
        double[][] t = new double[variants.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < variants.length; v++) {
                long t0 = System.nanoTime();
                INDArray y = variants[v].get();
                t[v][r] = (System.nanoTime() - t0) / 1e6;
                if (r == 0) {
                    double diff = y.sub(reference).norm1Number().doubleValue() / reference.norm1Number().doubleValue();
                    System.out.printf("%s: mean relative difference %.3g%n", names[v], diff);
                }
                y.close();
            }
        }
        double base = median(t[0]);
        for (int v = 0; v < variants.length; v++) {
            System.out.printf("%-14s median %.2f ms (x%.3f)%n", names[v], median(t[v]), median(t[v]) / base);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
