package dev.nnsh.nn;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * Batch normalisation of [N, C] or [N, C, L] input over N (and L), {@code nn.BatchNorm1d(num_features,
 * eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)}.
 */
public class BatchNorm1d extends BatchNormBase<BatchNorm1d> {
    public BatchNorm1d(long numFeatures) { this(numFeatures, 1e-5, 0.1, true, true); }

    public BatchNorm1d(long numFeatures, double eps) { this(numFeatures, eps, 0.1, true, true); }

    public BatchNorm1d(long numFeatures, double eps, Double momentum) { this(numFeatures, eps, momentum, true, true); }

    public BatchNorm1d(long numFeatures, double eps, Double momentum, boolean affine) {
        this(numFeatures, eps, momentum, affine, true);
    }

    public BatchNorm1d(long numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override protected void checkRank(Tensor x) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new ShapeException(typeName() + ": expected 2D or 3D input (got " + x.dim() + "D input of shape "
                    + Shapes.format(x.shape()) + ")");
        }
    }
}
