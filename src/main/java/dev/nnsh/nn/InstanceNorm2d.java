package dev.nnsh.nn;

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
        if (x.size(1) != numFeatures) {
            throw new ShapeException("InstanceNorm2d: expected input with " + numFeatures + " channels, got " + Shapes.format(x.shape()));
        }
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        Tensor flat = x.reshape(n, c, h * w);
        Tensor centred = flat.sub(flat.mean(2).unsqueeze(2));
        Tensor var = centred.mul(centred).mean(2).unsqueeze(2);
        Tensor out = centred.div(Elementwise.sqrt(var.add(eps))).reshape(n, c, h, w);
        if (affine) {
            out = out.mul(ownParameters().get("weight").valueFor(x).reshape(1, c, 1, 1))
                    .add(ownParameters().get("bias").valueFor(x).reshape(1, c, 1, 1));
        }
        return out;
    }

    @Override public String extraRepr() {
        return numFeatures + ", eps=" + PyFormat.floatRepr(eps) + ", momentum=0.1, affine=" + PyFormat.bool(affine)
                + ", track_running_stats=False";
    }
}
