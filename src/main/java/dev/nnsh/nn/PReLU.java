package dev.nnsh.nn;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Tensor;

/**
 * max(0, x) + a·min(0, x) with a learned a (one, or one per channel of dim 1),
 * {@code nn.PReLU(num_parameters=1, init=0.25)}.
 */
public class PReLU extends Module {
    private final long numParameters;

    public PReLU() { this(1, 0.25); }

    public PReLU(long numParameters) { this(numParameters, 0.25); }

    public PReLU(long numParameters, double init) {
        this.numParameters = Args.positive("PReLU", "num_parameters", numParameters);
        addParameter("weight", Init.constant(init), numParameters);
    }

    @Override public Tensor forward(Tensor x) {
        Tensor a = ownParameters().get("weight").valueFor(x);
        if (numParameters > 1) {
            if (x.dim() < 2 || x.size(1) != numParameters) {
                throw new ShapeException("PReLU: expected input with " + numParameters + " channels in dim 1, got shape "
                        + dev.nnsh.tensor.Shapes.format(x.shape()));
            }
            long[] shape = new long[x.dim()];
            java.util.Arrays.fill(shape, 1);
            shape[1] = numParameters;
            a = a.reshape(shape);
        }
        return x.relu().sub(x.mul(-1).relu().mul(a));
    }

    @Override public String extraRepr() { return "num_parameters=" + numParameters; }
}
