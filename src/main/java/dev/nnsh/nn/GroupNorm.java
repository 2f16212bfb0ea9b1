package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.ops.NormOps;
import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

/**
 * Splits the channels of [N, C, *] input into groups and normalises each group over its channels
 * and positions, {@code nn.GroupNorm(num_groups, num_channels, eps=1e-05, affine=True)}; per-channel
 * weight 1 and bias 0.
 */
public class GroupNorm extends Module {
    private final int numGroups;
    private final long numChannels;
    private double eps = 1e-5;
    private boolean affine = true;

    public GroupNorm(int numGroups, long numChannels) {
        this.numGroups = Args.positive("GroupNorm", "num_groups", numGroups);
        this.numChannels = Args.positive("GroupNorm", "num_channels", numChannels);
        if (numChannels % numGroups != 0) {
            throw new IllegalArgumentException("GroupNorm: num_channels (" + numChannels + ") must be divisible by num_groups ("
                    + numGroups + ")");
        }
        resetParameters();
    }

    public GroupNorm(int numGroups, long numChannels, double eps) {
        this(numGroups, numChannels);
        eps(eps);
    }

    public GroupNorm(int numGroups, long numChannels, double eps, boolean affine) {
        this(numGroups, numChannels, eps);
        affine(affine);
    }

    public GroupNorm eps(double value) {
        eps = value;
        return this;
    }

    public GroupNorm affine(boolean on) {
        affine = on;
        resetParameters();
        return this;
    }

    private void resetParameters() {
        if (affine) {
            addParameter("weight", Init.constant(1), numChannels);
            addParameter("bias", Init.constant(0), numChannels);
        } else {
            removeParameter("weight");
            removeParameter("bias");
        }
    }

    @Override public Tensor forward(Tensor x) {
        Parameter w = ownParameters().get("weight");
        Parameter b = ownParameters().get("bias");
        return NormOps.groupNorm(typeName(), x, numGroups, numChannels, w == null ? null : w.valueFor(x),
                b == null ? null : b.valueFor(x), eps);
    }

    @Override public String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + PyFormat.floatRepr(eps) + ", affine=" + PyFormat.bool(affine);
    }

    // --- issue 9: getters ---
    public int numGroups() { return numGroups; }

    public long numChannels() { return numChannels; }

    public double eps() { return eps; }

    public boolean affine() { return affine; }
}
