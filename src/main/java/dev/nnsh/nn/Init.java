package dev.nnsh.nn;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Generator;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/** How a lazy tensor gets its first values: PyTorch's default initialisations. */
@FunctionalInterface
public interface Init {
    Tensor create(DType dtype, long[] shape);

    static Init constant(double value) {
        return (dtype, shape) -> Tensor.of(Nd4j.valueArrayOf(shape, value, dtype.nd4j()));
    }

    /** Uniform in [−bound, bound). */
    static Init uniform(double bound) {
        return (dtype, shape) -> Tensor.of(Generator.uniform(dtype.nd4j(), shape).muli(2 * bound).subi(bound));
    }

    static Init normal(double mean, double std) {
        return (dtype, shape) -> Tensor.of(Generator.normal(dtype.nd4j(), shape).muli(std).addi(mean));
    }

    /**
     * {@code kaiming_uniform_(w, a=√5)}, the default of Linear and Conv weights: the gain √(2/(1+a²))
     * times √(3/fan_in) is 1/√fan_in.
     */
    static Init kaimingUniformDefault(long fanIn) {
        return uniform(fanIn > 0 ? 1.0 / Math.sqrt(fanIn) : 0);
    }

    // --- issue 9: nn.init ---
    // PyTorch's nn.init functions on a Parameter (or Buffer). They are lazy: they replace the
    // initialiser and drop any values made before; nothing is allocated until the values are used.

    static <T extends LazyTensor> T uniform_(T p) { return uniform_(p, 0, 1); }
    static <T extends LazyTensor> T uniform_(T p, double a, double b) { return InitRules.apply(p, InitRules.uniform(a, b)); }
    static <T extends LazyTensor> T normal_(T p) { return normal_(p, 0, 1); }
    static <T extends LazyTensor> T normal_(T p, double mean, double std) { return InitRules.apply(p, normal(mean, std)); }
    static <T extends LazyTensor> T truncNormal_(T p, double std) { return truncNormal_(p, 0, std, -2, 2); }
    /** Normal(mean, std) values redrawn until they lie in [a, b] (absolute bounds, as in PyTorch). */
    static <T extends LazyTensor> T truncNormal_(T p, double mean, double std, double a, double b) {
        return InitRules.apply(p, InitRules.truncNormal(mean, std, a, b));
    }
    static <T extends LazyTensor> T constant_(T p, double value) { return InitRules.apply(p, constant(value)); }
    static <T extends LazyTensor> T zeros_(T p) { return constant_(p, 0); }
    static <T extends LazyTensor> T ones_(T p) { return constant_(p, 1); }
    static <T extends LazyTensor> T eye_(T p) { return InitRules.apply(p, InitRules.eye(p.shape())); }
    static <T extends LazyTensor> T xavierUniform_(T p) { return xavierUniform_(p, 1); }
    static <T extends LazyTensor> T xavierUniform_(T p, double gain) {
        long[] f = InitRules.fans(p.shape(), "xavier_uniform_");
        double bound = gain * Math.sqrt(6.0 / (f[0] + f[1]));
        return InitRules.apply(p, InitRules.uniform(-bound, bound));
    }
    static <T extends LazyTensor> T xavierNormal_(T p) { return xavierNormal_(p, 1); }
    static <T extends LazyTensor> T xavierNormal_(T p, double gain) {
        long[] f = InitRules.fans(p.shape(), "xavier_normal_");
        return InitRules.apply(p, normal(0, gain * Math.sqrt(2.0 / (f[0] + f[1]))));
    }
    static <T extends LazyTensor> T kaimingUniform_(T p) { return kaimingUniform_(p, 0, "fan_in", "leaky_relu"); }
    static <T extends LazyTensor> T kaimingUniform_(T p, double a, String mode, String nonlinearity) {
        double std = InitRules.gain(nonlinearity, a) / Math.sqrt(InitRules.fan(p.shape(), mode, "kaiming_uniform_"));
        double bound = Math.sqrt(3.0) * std;
        return InitRules.apply(p, InitRules.uniform(-bound, bound));
    }
    static <T extends LazyTensor> T kaimingNormal_(T p) { return kaimingNormal_(p, 0, "fan_in", "leaky_relu"); }
    static <T extends LazyTensor> T kaimingNormal_(T p, double a, String mode, String nonlinearity) {
        double std = InitRules.gain(nonlinearity, a) / Math.sqrt(InitRules.fan(p.shape(), mode, "kaiming_normal_"));
        return InitRules.apply(p, normal(0, std));
    }
    static <T extends LazyTensor> T orthogonal_(T p) { return orthogonal_(p, 1); }
    static <T extends LazyTensor> T orthogonal_(T p, double gain) { return InitRules.apply(p, InitRules.orthogonal(gain, p.shape())); }
    /** {@code nn.init.calculate_gain(nonlinearity, param)}. */
    static double calculateGain(String nonlinearity, double param) { return InitRules.gain(nonlinearity, param); }
    static double calculateGain(String nonlinearity) { return InitRules.gain(nonlinearity, 0.01); }
}
