package dev.nnsh.ops;

import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.ShapeException;
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
        boolean tanh = checkGeluApproximate("gelu", approximate).equals("tanh");
        return map(x, a -> { // issue 11 (tf): one oneDNN pass where it applies
            INDArray fast = dev.nnsh.ops.fast.DnnlEltwise.gelu(a, tanh);
            return fast != null ? fast : tanh ? geluTanh(a) : geluExact(a);
        });
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

    // --- zoo layers ---

    /** relu6(x + 3)/6. */
    public static Tensor hardsigmoid(Tensor x) { return map(x, a -> Transforms.min(Transforms.max(a.add(3), 0, false), 6, false).divi(6)); }

    /** min(max(x, minVal), maxVal). */
    public static Tensor hardtanh(String who, Tensor x, double minVal, double maxVal) {
        if (!(maxVal > minVal)) throw new IllegalArgumentException(who + ": max_val (" + maxVal + ") must be larger than min_val (" + minVal + ")");
        return map(x, a -> Transforms.min(Transforms.max(a, minVal, true), maxVal, false));
    }

    /** x for x > 0, α·(eˣ − 1) otherwise. */
    public static Tensor elu(Tensor x, double alpha) {
        // max(x, 0) + α·(e^min(x, 0) − 1): the second term is 0 above zero, the first below
        return map(x, a -> Transforms.max(a, 0, true).addi(Transforms.exp(Transforms.min(a, 0, true), false).subi(1).muli(alpha)));
    }

    /** x·tanh(softplus(x)). */
    public static Tensor mish(Tensor x) { return map(x, ElementwiseKernels::mish); }

    /**
     * max(0, x) + a·min(0, x) with weight a of one element, or one per channel (dim 1 of x).
     */
    public static Tensor prelu(String who, Tensor x, Tensor weight) {
        long slopes = weight.numel();
        if (weight.dim() != 1) throw new ShapeException(who + ": weight must be 1-D, got shape " + Shapes.format(weight.shape()));
        if (slopes > 1 && (x.dim() < 2 || x.size(1) != slopes)) {
            throw new ShapeException(who + ": expected input with " + slopes + " channels in dim 1, got shape " + Shapes.format(x.shape()));
        }
        Tensor in = x.dtype().isFloatingPoint() ? x : x.to(DType.FLOAT32);
        return Tensor.derive(in.shape(), in.dtype(), a -> {
            INDArray w = a[1].castTo(a[0].dataType());
            INDArray negative = Transforms.min(a[0], 0, true);
            if (slopes == 1) negative.muli(w.getDouble(0));
            else {
                long[] shape = new long[a[0].rank()];
                java.util.Arrays.fill(shape, 1);
                shape[1] = slopes;
                negative.muli(w.reshape('c', shape).broadcast(a[0].shape()));
            }
            return Transforms.max(a[0], 0, true).addi(negative);
        }, in, weight);
    }
}
