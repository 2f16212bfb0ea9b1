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
}
