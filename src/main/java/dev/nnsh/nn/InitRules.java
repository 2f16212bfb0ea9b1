package dev.nnsh.nn;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Generator;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** PyTorch's {@code nn.init} rules: fans, gains and the distributions behind {@link Init}'s {@code *_} functions. */
final class InitRules {
    private InitRules() {}

    /** {fan_in, fan_out}: size(1)·receptive field and size(0)·receptive field. */
    static long[] fans(long[] shape, String what) {
        if (shape.length < 2) {
            throw new IllegalArgumentException(what + ": Fan in and fan out can not be computed for tensor with fewer than "
                    + "2 dimensions (shape " + dev.nnsh.tensor.Shapes.format(shape) + ")");
        }
        long receptive = 1;
        for (int i = 2; i < shape.length; i++) receptive *= shape[i];
        return new long[]{shape[1] * receptive, shape[0] * receptive};
    }

    static long fan(long[] shape, String mode, String what) {
        long[] f = fans(shape, what);
        return switch (mode) {
            case "fan_in" -> f[0];
            case "fan_out" -> f[1];
            default -> throw new IllegalArgumentException(what + ": mode " + mode + " not supported, please use one of fan_in, fan_out");
        };
    }

    /** {@code nn.init.calculate_gain}. */
    static double gain(String nonlinearity, double param) {
        return switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid" -> 1;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> Math.sqrt(2.0 / (1 + param * param));
            case "selu" -> 3.0 / 4;
            default -> throw new IllegalArgumentException("calculate_gain: unsupported nonlinearity " + nonlinearity);
        };
    }

    static Init uniform(double a, double b) {
        return (dtype, shape) -> Tensor.of(Generator.uniform(dtype.nd4j(), shape).muli(b - a).addi(a));
    }

    /** Normal values redrawn until they fall in [a, b]. */
    static Init truncNormal(double mean, double std, double a, double b) {
        if (!(a < b)) throw new IllegalArgumentException("trunc_normal_: a (" + a + ") must be less than b (" + b + ")");
        return (dtype, shape) -> {
            INDArray out = Generator.normal(DType.FLOAT64.nd4j(), shape).muli(std).addi(mean);
            double[] v = out.length() == 0 ? new double[0] : out.dup('c').reshape(out.length()).toDoubleVector();
            for (int i = 0; i < v.length; i++) {
                int tries = 0;
                while (v[i] < a || v[i] > b) {
                    if (++tries > 10_000) { v[i] = Math.max(a, Math.min(b, mean)); break; }
                    v[i] = mean + std * Generator.normal(DType.FLOAT64.nd4j(), 1).getDouble(0);
                }
            }
            return Tensor.of(Nd4j.createFromArray(v).reshape('c', shape).castTo(dtype.nd4j()));
        };
    }

    static Init eye(long[] shape) {
        if (shape.length != 2) throw new IllegalArgumentException("eye_: only 2-dimensional tensors are supported, got shape "
                + dev.nnsh.tensor.Shapes.format(shape));
        return (dtype, s) -> {
            INDArray out = Nd4j.zeros(dtype.nd4j(), s);
            for (long i = 0; i < Math.min(s[0], s[1]); i++) out.putScalar(new long[]{i, i}, 1.0);
            return Tensor.of(out);
        };
    }

    /** A (semi-)orthogonal matrix over the flattened trailing dims, scaled by gain, by Gram-Schmidt on normal values. */
    static Init orthogonal(double gain, long[] shape) {
        if (shape.length < 2) throw new IllegalArgumentException("orthogonal_: only tensors with 2 or more dimensions are supported");
        return (dtype, s) -> {
            int rows = (int) s[0];
            int cols = (int) (dev.nnsh.tensor.Shapes.numel(s) / Math.max(1, rows));
            boolean wide = rows < cols;
            int n = wide ? cols : rows, k = wide ? rows : cols; // k orthonormal vectors of length n
            double[][] q = new double[k][n];
            double[] draw = Generator.normal(DType.FLOAT64.nd4j(), (long) k * n).toDoubleVector();
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) q[j][i] = draw[j * n + i];
                for (int p = 0; p < j; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += q[j][i] * q[p][i];
                    for (int i = 0; i < n; i++) q[j][i] -= dot * q[p][i];
                }
                double norm = 0;
                for (int i = 0; i < n; i++) norm += q[j][i] * q[j][i];
                norm = Math.sqrt(norm);
                for (int i = 0; i < n; i++) q[j][i] /= norm;
            }
            double[] out = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) out[r * cols + c] = gain * (wide ? q[r][c] : q[c][r]);
            }
            return Tensor.of(Nd4j.createFromArray(out).reshape('c', s).castTo(dtype.nd4j()));
        };
    }

    static <T extends LazyTensor> T apply(T target, Init init) {
        if (target == null) throw new IllegalArgumentException("nn.init: the parameter is null");
        target.reinitialize(init);
        return target;
    }
}
