package dev.nnsh.nn;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What BatchNorm1d and BatchNorm2d share, like PyTorch's {@code _BatchNorm}: weight (1) and bias (0)
 * when affine; running_mean (0), running_var (1) and num_batches_tracked (int64) as buffers when
 * tracking running statistics. Training normalises with the batch's statistics (biased variance) and
 * moves the running ones towards them (unbiased variance); eval uses the running statistics.
 */
public abstract class BatchNormBase<T extends BatchNormBase<T>> extends Module {
    private final long numFeatures;
    private double eps = 1e-5;
    private Double momentum = 0.1;
    private boolean affine = true;
    private boolean trackRunningStats = true;
    private final dev.nnsh.ops.fast.EvalBatchNorm evalNorm = new dev.nnsh.ops.fast.EvalBatchNorm(); // issue 11

    protected BatchNormBase(long numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this.numFeatures = Args.positive(typeName(), "num_features", numFeatures);
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        resetParameters();
        resetBuffers();
    }

    @SuppressWarnings("unchecked")
    private T self() { return (T) this; }

    public T eps(double value) {
        eps = value;
        return self();
    }

    /** The running-average factor; null means a cumulative average (PyTorch's momentum=None). */
    public T momentum(Double value) {
        momentum = value;
        return self();
    }

    public T affine(boolean on) {
        affine = on;
        resetParameters();
        return self();
    }

    public T trackRunningStats(boolean on) {
        trackRunningStats = on;
        resetBuffers();
        return self();
    }

    public long numFeatures() { return numFeatures; }

    public double eps() { return eps; }

    public Double momentum() { return momentum; }

    public boolean affine() { return affine; }

    public boolean trackRunningStats() { return trackRunningStats; }

    private void resetParameters() {
        if (affine) {
            addParameter("weight", Init.constant(1), numFeatures);
            addParameter("bias", Init.constant(0), numFeatures);
        } else {
            removeParameter("weight");
            removeParameter("bias");
        }
    }

    private void resetBuffers() {
        if (trackRunningStats) {
            addBuffer(new Buffer("running_mean", DType.FLOAT32, Init.constant(0), numFeatures));
            addBuffer(new Buffer("running_var", DType.FLOAT32, Init.constant(1), numFeatures));
            addBuffer(new Buffer("num_batches_tracked", DType.INT64, Init.constant(0)));
        } else {
            removeBuffer("running_mean");
            removeBuffer("running_var");
            removeBuffer("num_batches_tracked");
        }
    }

    /** Rejects inputs of the wrong rank, with PyTorch's wording. */
    protected abstract void checkRank(Tensor x);

    @Override public Tensor forward(Tensor x) {
        checkRank(x);
        boolean batchStatistics = isTraining() || !trackRunningStats;
        NormOps.checkBatchNormInput(typeName(), x, numFeatures, batchStatistics);
        if (x.isShapeOnly()) return Tensor.shapeOnly(x.dtype(), x.shape());
        INDArray w = affine ? ownParameters().get("weight").data().nd() : null;
        INDArray b = affine ? ownParameters().get("bias").data().nd() : null;
        if (!batchStatistics && !dev.nnsh.tensor.InPlace.enabled()) {
            INDArray mean = ownBuffers().get("running_mean").data().nd();
            INDArray var = ownBuffers().get("running_var").data().nd();
            return x.derive(x.shape(), x.dtype(), a -> NormOps.normalizeChannels(a, mean, var, w, b, eps));
        }
        if (!batchStatistics) {
            return x.derive(x.shape(), x.dtype(), a -> evalNorm.apply(a, affine ? ownParameters().get("weight").data() : null,
                    affine ? ownParameters().get("bias").data() : null, ownBuffers().get("running_mean").data(),
                    ownBuffers().get("running_var").data(), eps));
        }
        INDArray[][] result = new INDArray[1][];
        Tensor out = x.derive(x.shape(), x.dtype(), a -> (result[0] = NormOps.normalizeWithBatchStatistics(a, w, b, eps))[0]);
        if (isTraining() && trackRunningStats) updateRunningStatistics(result[0][1], result[0][2], NormOps.valuesPerChannel(x.shape()));
        return out;
    }

    private void updateRunningStatistics(INDArray batchMean, INDArray batchBiasedVar, long count) {
        Buffer tracked = ownBuffers().get("num_batches_tracked");
        long batches = (long) tracked.data().item() + 1;
        tracked.set(Tensor.of(org.nd4j.linalg.factory.Nd4j.scalar(batches)));
        double factor = momentum == null ? 1.0 / batches : momentum;
        Buffer mean = ownBuffers().get("running_mean");
        Buffer var = ownBuffers().get("running_var");
        mean.set(Tensor.of(NormOps.movingAverage(mean.data().nd(), batchMean, factor)));
        var.set(Tensor.of(NormOps.movingAverage(var.data().nd(), NormOps.unbiased(batchBiasedVar, count), factor)));
    }

    @Override public String extraRepr() {
        return numFeatures + ", eps=" + PyFormat.floatRepr(eps) + ", momentum="
                + (momentum == null ? "None" : PyFormat.floatRepr(momentum)) + ", affine=" + PyFormat.bool(affine)
                + ", track_running_stats=" + PyFormat.bool(trackRunningStats);
    }
}
