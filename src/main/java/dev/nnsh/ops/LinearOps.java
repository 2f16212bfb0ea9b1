package dev.nnsh.ops;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** y = x·wᵀ + b over the last dim of x: the shape rule and the ND4J product. */
public final class LinearOps {
    private LinearOps() {}

    /** w is [out, in]; bias [out] or null. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        long[] ws = weight.shape();
        if (ws.length != 2) throw new ShapeException("linear: weight must be 2-D [out, in], got " + Shapes.format(ws));
        long in = ws[1], out = ws[0];
        long[] xs = x.shape();
        if (xs.length == 0 || xs[xs.length - 1] != in) {
            throw new ShapeException("linear: expected input with last dimension " + in + " (in_features), got shape "
                    + Shapes.format(xs) + " (mat1 and mat2 shapes cannot be multiplied: " + (xs.length == 0 ? "scalar"
                    : (Shapes.numel(xs) / Math.max(1, xs[xs.length - 1])) + "x" + xs[xs.length - 1]) + " and " + in + "x" + out + ")");
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != out)) {
            throw new ShapeException("linear: bias must have shape [" + out + "], got " + Shapes.format(bias.shape()));
        }
        long[] result = xs.clone();
        result[result.length - 1] = out;
        long rows = Shapes.numel(xs) / in;
        return Tensor.derive(result, x.dtype(), a -> {
            var y = a[0].reshape('c', rows, in).mmul(a[1].transpose());
            if (a[2] != null) y.addiRowVector(a[2]);
            return y.reshape('c', result);
        }, x, weight, bias);
    }
}
