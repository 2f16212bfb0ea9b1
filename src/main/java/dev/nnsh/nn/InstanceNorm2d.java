package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.ops.Args;
import dev.nnsh.ops.NormOps;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * Normalises each channel of each sample over H and W, {@code nn.InstanceNorm2d(num_features, eps=1e-05,
 * momentum=0.1, affine=False, track_running_stats=False)}; with affine, weight 1 and bias 0 per channel.
 * Running statistics (track_running_stats=True) are not offered.
 */
public class InstanceNorm2d extends Module {
    private final long numFeatures;
    private final double eps;
    private final boolean affine;

    public InstanceNorm2d(long numFeatures) { this(numFeatures, 1e-5, false); }

    public InstanceNorm2d(long numFeatures, double eps, boolean affine) {
        this.numFeatures = Args.positive("InstanceNorm2d", "num_features", numFeatures);
        this.eps = eps;
        this.affine = affine;
        if (affine) {
            addParameter("weight", Init.constant(1), numFeatures);
            addParameter("bias", Init.constant(0), numFeatures);
        }
    }

    @Override public Tensor forward(Tensor x) {
        if (x.dim() != 4) throw new ShapeException("InstanceNorm2d: expected 4D input (got " + x.dim() + "D input of shape " + Shapes.format(x.shape()) + ")");
        Tensor weight = affine ? ownParameters().get("weight").valueFor(x) : null;
        Tensor bias = affine ? ownParameters().get("bias").valueFor(x) : null;
        return NormOps.instanceNorm(typeName(), x, numFeatures, weight, bias, eps);
    }

    @Override public String extraRepr() {
        return numFeatures + ", eps=" + PyFormat.floatRepr(eps) + ", momentum=0.1, affine=" + PyFormat.bool(affine)
                + ", track_running_stats=False";
    }
}
