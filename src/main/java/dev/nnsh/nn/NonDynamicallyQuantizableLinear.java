package dev.nnsh.nn;

/**
 * The output projection of {@link MultiheadAttention}: a {@link Linear} under the type name PyTorch
 * prints for it ({@code (out_proj): NonDynamicallyQuantizableLinear(...)}), so print and summary match.
 */
public class NonDynamicallyQuantizableLinear extends Linear {
    public NonDynamicallyQuantizableLinear(long inFeatures, long outFeatures, boolean bias) {
        super(inFeatures, outFeatures, bias);
    }

    /** MultiheadAttention starts its output bias at zero (PyTorch's {@code _reset_parameters}). */
    void zeroBias() {
        if (ownParameters().containsKey("bias")) addParameter("bias", Init.constant(0), outFeatures());
    }
}
