package dev.nnsh.nn;

import static dev.nnsh.nn.Reference.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Issue 11's fast paths: in-place activations and sums, and eval batch norm as a cached scale/shift. */
class InPlaceAndEvalNormTest {
    private static final long[] NCHW = {3, 4, 5, 2};
    private static final float[] X = random(31, numel(NCHW), 8, -0.5); // negative values and some above 6

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }

    @Test void reluInplaceOverwritesAndReturnsItsInputAsPyTorchDoes() {
        Tensor x = tensor(X, NCHW);
        Tensor y = new ReLU(true).apply(x);
        assertSame(x, y);
        assertClose(map(X, v -> Math.max(v, 0)), x);
        Tensor kept = tensor(X, NCHW);
        Tensor fresh = new ReLU().apply(kept);
        assertNotSame(kept, fresh);
        assertClose(toDouble(X), kept);
    }

    @Test void relu6InplaceClipsInOnePassAndReturnsItsInput() {
        float[] v = X.clone();
        v[0] = 6f; v[1] = 7.5f; v[2] = -0f; v[3] = 5.999f; v[4] = 100f;
        Tensor x = tensor(v, NCHW);
        assertSame(x, new ReLU6(true).apply(x));
        assertClose(map(v, Reference::relu6), x);
        Tensor ints = Tensor.of(new float[]{-2, 3, 9}, 3).to(DType.INT64);
        Tensor clipped = new ReLU6(true).apply(ints);
        assertEquals("[0, 3, 6]", java.util.Arrays.toString(clipped.nd().toLongVector()));
    }

    @Test void inplaceLayersOnShapeOnlyTensorsKeepTheShapeRules() {
        Tensor s = Tensor.shapeOnly(2, 3);
        assertArrayEquals(new long[]{2, 3}, new ReLU(true).apply(s).shape());
        assertArrayEquals(new long[]{2, 3}, new ReLU6(true).apply(s).shape());
        assertArrayEquals(new long[]{2, 3}, InPlace.add(s, Tensor.shapeOnly(2, 3)).shape());
    }

    @Test void addInPlaceWritesIntoTheFirstOperandOnlyWhenItCanHoldTheResult() {
        float[] a = random(3, 6, 1, 0), b = random(4, 6, 1, 0);
        Tensor ta = tensor(a, 2, 3);
        assertSame(ta, InPlace.add(ta, tensor(b, 2, 3)));
        double[] sum = new double[6];
        for (int i = 0; i < 6; i++) sum[i] = a[i] + b[i];
        assertClose(sum, ta);

        Tensor row = tensor(a, 2, 3), broadcast = tensor(new float[]{1, 2, 3}, 3);
        Tensor grown = InPlace.add(broadcast, row); // result [2, 3] does not fit in [3]: a new tensor
        assertNotSame(broadcast, grown);
        assertClose(new double[]{1, 2, 3}, broadcast);
        Tensor ints = Tensor.of(new float[]{1, 2, 3}, 3).to(DType.INT64);
        Tensor promoted = InPlace.add(ints, tensor(new float[]{0.5f, 0.5f, 0.5f}, 3));
        assertEquals(DType.FLOAT32, promoted.dtype());
        assertClose(new double[]{1.5, 2.5, 3.5}, promoted);
    }

    @Test void evalBatchNormMatchesTheFormulaAndFollowsNewWeightsAndStatistics() {
        var bn = new BatchNorm2d(4, 1e-3);
        float[] w = random(1, 4, 1, 1), b = random(2, 4, 1, 0);
        double[] mean = {0.5, -1, 2, 0}, var = {1, 0.25, 4, 0.01};
        bn.ownParameters().get("weight").set(tensor(w, 4));
        bn.ownParameters().get("bias").set(tensor(b, 4));
        setStatistics(bn, mean, var);
        bn.eval();
        assertClose(normalizeChannels(X, NCHW, mean, var, w, b, 1e-3), bn.apply(tensor(X, NCHW)));

        double[] mean2 = {0, 0, 1, 1}, var2 = {2, 2, 0.5, 0.5};
        setStatistics(bn, mean2, var2); // the cached scale and shift must follow
        assertClose(normalizeChannels(X, NCHW, mean2, var2, w, b, 1e-3), bn.apply(tensor(X, NCHW)));

        float[] w2 = random(7, 4, 2, 0);
        bn.loadStateDict(Map.of("weight", tensor(w2, 4), "bias", tensor(b, 4), "running_mean", floats(mean2),
                "running_var", floats(var2), "num_batches_tracked", bn.ownBuffers().get("num_batches_tracked").data()));
        assertClose(normalizeChannels(X, NCHW, mean2, var2, w2, b, 1e-3), bn.apply(tensor(X, NCHW)));

        bn.eps(0.5);
        assertClose(normalizeChannels(X, NCHW, mean2, var2, w2, b, 0.5), bn.apply(tensor(X, NCHW)));
    }

    @Test void evalBatchNormAfterATrainingStepUsesTheUpdatedStatistics() {
        var bn = new BatchNorm2d(4);
        bn.eval();
        bn.apply(tensor(X, NCHW)); // caches scale/shift for the initial statistics
        bn.train();
        bn.apply(tensor(X, NCHW)); // moves the running statistics
        bn.eval();
        double[] mean = toDouble(values(bn.ownBuffers().get("running_mean").data()));
        double[] var = toDouble(values(bn.ownBuffers().get("running_var").data()));
        assertNotEquals(0.0, mean[0]);
        assertClose(normalizeChannels(X, NCHW, mean, var, null, null, 1e-5), bn.apply(tensor(X, NCHW)));
    }

    @Test void evalBatchNormWithoutAffineAndInDoublePrecision() {
        var bn = new BatchNorm2d(4).affine(false);
        double[] mean = {1, 2, 3, 4}, var = {0.5, 1, 2, 3};
        setStatistics(bn, mean, var);
        bn.eval();
        Tensor out = bn.apply(tensor(X, NCHW).to(DType.FLOAT64));
        assertEquals(DType.FLOAT64, out.dtype());
        assertClose(normalizeChannels(X, NCHW, mean, var, null, null, 1e-5), out);
    }

    private static Tensor floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return Tensor.of(f, v.length);
    }

    private static void setStatistics(BatchNorm2d bn, double[] mean, double[] var) {
        bn.ownBuffers().get("running_mean").set(floats(mean));
        bn.ownBuffers().get("running_var").set(floats(var));
    }
}
