package dev.nnsh.ops;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Element-wise activations on ND4J. Every function returns a new array and leaves its input alone
 * ({@code Nd4j.nn()} versions overwrite their input, so they are not used). Integer inputs are
 * computed in float32, as {@link Tensor#sigmoid()} does.
 */
public final class ActivationOps {
    private static final double SQRT_2 = Math.sqrt(2);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private ActivationOps() {}

    /** min(max(0, x), 6). */
    public static Tensor relu6(Tensor x) { return map(x, ActivationOps::relu6); }

    /** x for x ≥ 0, negativeSlope·x otherwise. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) { return map(x, a -> leakyRelu(a, negativeSlope)); }

    /** GELU with approximate "none" (exact, 0.5·x·(1 + erf(x/√2))) or "tanh". */
    public static Tensor gelu(Tensor x, String approximate) {
        return checkGeluApproximate("gelu", approximate).equals("tanh") ? map(x, ActivationOps::geluTanh)
                : map(x, ActivationOps::geluExact);
    }

    /** x·σ(x), also called swish. */
    public static Tensor silu(Tensor x) { return map(x, ActivationOps::silu); }

    /** x·relu6(x + 3)/6. */
    public static Tensor hardswish(Tensor x) { return map(x, ActivationOps::hardswish); }

    public static String checkGeluApproximate(String who, String mode) {
        if (!"none".equals(mode) && !"tanh".equals(mode)) {
            throw new IllegalArgumentException(who + ": approximate must be \"none\" or \"tanh\", got \"" + mode + "\"");
        }
        return mode;
    }

    /** An element-wise ND4J function that returns a new array. */
    public interface Elementwise { INDArray apply(INDArray a); }

    /** Applies f to x (integer inputs first converted to float32); shape-only x gives a shape-only result. */
    public static Tensor map(Tensor x, Elementwise f) {
        Tensor in = x.dtype().isFloatingPoint() ? x : x.to(DType.FLOAT32);
        return in.derive(in.shape(), in.dtype(), f::apply);
    }

    // ---------------------------------------------------------------- ND4J kernels

    private static INDArray relu6(INDArray a) {
        return Transforms.min(Transforms.max(a, 0, true), 6, false);
    }

    private static INDArray leakyRelu(INDArray a, double negativeSlope) {
        INDArray positive = Transforms.max(a, 0, true);
        INDArray negative = Transforms.min(a, 0, true).muli(negativeSlope);
        return positive.addi(negative);
    }

    /** 0.5·x·(1 + erf(x/√2)), PyTorch's default (exact) GELU. */
    private static INDArray geluExact(INDArray a) {
        INDArray scaled = a.div(SQRT_2);
        INDArray erf = scaled.ulike();
        Nd4j.getExecutioner().exec(new Erf(scaled, erf));
        return erf.addi(1).muli(a).muli(0.5);
    }

    /** 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), GELU(approximate='tanh'). */
    private static INDArray geluTanh(INDArray a) {
        INDArray inner = Transforms.pow(a, 3, true).muli(0.044715).addi(a).muli(SQRT_2_OVER_PI);
        return Transforms.tanh(inner, false).addi(1).muli(a).muli(0.5);
    }

    /** x·σ(x). */
    private static INDArray silu(INDArray a) {
        return Transforms.sigmoid(a, true).muli(a);
    }

    /** x·relu6(x + 3)/6. */
    private static INDArray hardswish(INDArray a) {
        INDArray gate = Transforms.min(Transforms.max(a.add(3), 0, false), 6, false);
        return gate.muli(a).divi(6);
    }
}
