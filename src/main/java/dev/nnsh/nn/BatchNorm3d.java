package dev.nnsh.nn;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * Batch normalisation of [N, C, D, H, W] input over N, D, H and W, {@code nn.BatchNorm3d(num_features,
 * eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)}.
 */
public class BatchNorm3d extends BatchNormBase<BatchNorm3d> {
    public BatchNorm3d(long numFeatures) { this(numFeatures, 1e-5, 0.1, true, true); }

    public BatchNorm3d(long numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override protected void checkRank(Tensor x) {
        if (x.dim() != 5) {
            throw new ShapeException(typeName() + ": expected 5D input (got " + x.dim() + "D input of shape "
                    + Shapes.format(x.shape()) + ")");
        }
    }
}
