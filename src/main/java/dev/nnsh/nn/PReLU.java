package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.ops.ActivationOps;
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

    @Override public Tensor forward(Tensor x) { return ActivationOps.prelu(typeName(), x, ownParameters().get("weight").valueFor(x)); }

    @Override public String extraRepr() { return "num_parameters=" + numParameters; }
}
