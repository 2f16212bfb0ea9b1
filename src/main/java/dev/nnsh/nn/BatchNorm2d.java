package dev.nnsh.nn;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * Batch normalisation of [N, C, H, W] input over N, H and W, {@code nn.BatchNorm2d(num_features,
 * eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)}.
 */
public class BatchNorm2d extends BatchNormBase<BatchNorm2d> {
    public BatchNorm2d(long numFeatures) { this(numFeatures, 1e-5, 0.1, true, true); }

    public BatchNorm2d(long numFeatures, double eps) { this(numFeatures, eps, 0.1, true, true); }

    public BatchNorm2d(long numFeatures, double eps, Double momentum) { this(numFeatures, eps, momentum, true, true); }

    public BatchNorm2d(long numFeatures, double eps, Double momentum, boolean affine) {
        this(numFeatures, eps, momentum, affine, true);
    }

    public BatchNorm2d(long numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override protected void checkRank(Tensor x) {
        if (x.dim() != 4) {
            throw new ShapeException(typeName() + ": expected 4D input (got " + x.dim() + "D input of shape "
                    + Shapes.format(x.shape()) + ")");
        }
    }
}
