package dev.nnsh.nn;

import dev.nnsh.ops.ActivationOps;
import dev.nnsh.tensor.Tensor;

/** {@code nn.GELU(approximate='none')}: exact x·Φ(x) with the erf, or the tanh approximation. */
public class GELU extends Module {
    private String approximate = "none";

    public GELU() {}

    public GELU(String approximate) { approximate(approximate); }

    /** "none" (exact, the default) or "tanh". */
    public GELU approximate(String mode) {
        approximate = ActivationOps.checkGeluApproximate("GELU", mode);
        return this;
    }

    @Override public Tensor forward(Tensor x) { return F.gelu(x, approximate); }

    @Override public String extraRepr() { return "approximate='" + approximate + "'"; }

    // --- issue 9: getters ---
    public String approximate() { return approximate; }
}
