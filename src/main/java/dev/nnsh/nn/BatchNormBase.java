package dev.nnsh.nn;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import dev.nnsh.ops.Args;
import dev.nnsh.ops.NormOps;
import dev.nnsh.tensor.PyFormat;

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
    private long statsVersion; // issue 11 (conv): counts in-place moves of the running statistics

    /** issue 11 (conv): changes whenever a training step moves the running statistics in place. */
    long statsVersion() { return statsVersion; }

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

    /**
     * As PyTorch's {@code _BatchNorm.forward}: in training with running statistics, num_batches_tracked
     * counts the batch and the factor is momentum (or 1/num_batches_tracked when momentum is None);
     * batch statistics are used in training or when no running statistics are kept.
     */
    @Override public Tensor forward(Tensor x) {
        checkRank(x);
        boolean updating = isTraining() && trackRunningStats;
        double factor = momentum == null ? 0.0 : momentum;
        if (updating && !x.isShapeOnly()) {
            Buffer tracked = ownBuffers().get("num_batches_tracked");
            tracked.set(tracked.data().add(1));
            if (momentum == null) factor = 1.0 / tracked.data().item();
            evalNorm.invalidate(); // the running statistics move in place below
            statsVersion++; // issue 11 (conv): folds into a convolution are made again
        }
        Tensor mean = trackRunningStats ? ownBuffers().get("running_mean").valueFor(x) : null;
        Tensor var = trackRunningStats ? ownBuffers().get("running_var").valueFor(x) : null;
        Tensor w = affine ? ownParameters().get("weight").valueFor(x) : null;
        Tensor b = affine ? ownParameters().get("bias").valueFor(x) : null;
        boolean batchStatistics = isTraining() || !trackRunningStats;
        if (!batchStatistics && !x.isShapeOnly() && dev.nnsh.tensor.InPlace.enabled()) {
            // eval as one cached per-channel scale and shift; the op on a shape-only copy checks the arguments
            NormOps.batchNorm(typeName(), Tensor.shapeOnly(x.dtype(), x.shape()), numFeatures, mean, var, w, b, false, factor, eps);
            Tensor channelsLast = getClass() == BatchNorm2d.class ? ConvFusion.runNorm(this, null, x) : null; // issue 11 (conv): one oneDNN pass
            if (channelsLast != null) return channelsLast; // issue 11 (conv)
            return x.derive(x.shape(), x.dtype(), a -> evalNorm.apply(a, w, b, mean, var, eps));
        }
        return NormOps.batchNorm(typeName(), x, numFeatures, mean, var, w, b, batchStatistics, factor, eps);
    }

    @Override public String extraRepr() {
        return numFeatures + ", eps=" + PyFormat.floatRepr(eps) + ", momentum="
                + (momentum == null ? "None" : PyFormat.floatRepr(momentum)) + ", affine=" + PyFormat.bool(affine)
                + ", track_running_stats=" + PyFormat.bool(trackRunningStats);
    }
}
