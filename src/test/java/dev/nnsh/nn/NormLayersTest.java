package dev.nnsh.nn;

import static dev.nnsh.nn.Reference.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NormLayersTest {
    private static final long[] NCHW = {3, 4, 5, 2};
    private static final float[] X = random(21, numel(NCHW), 2.5, 1.5);

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }

    private static Tensor values(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return Tensor.of(f, v.length);
    }

    @Test void batchNorm2dTrainingUsesBatchStatisticsAndUpdatesRunningStatistics() {
        var bn = new BatchNorm2d(4);
        float[] w = random(1, 4, 1, 1), b = random(2, 4, 1, 0);
        bn.ownParameters().get("weight").set(tensor(w, 4));
        bn.ownParameters().get("bias").set(tensor(b, 4));
        Tensor out = bn.apply(tensor(X, NCHW));

        double[][] stats = channelStats(X, NCHW);
        assertClose(normalizeChannels(X, NCHW, stats[0], stats[1], w, b, 1e-5), out);
        double[] expectedMean = new double[4], expectedVar = new double[4];
        for (int c = 0; c < 4; c++) {
            expectedMean[c] = 0.9 * 0 + 0.1 * stats[0][c];
            expectedVar[c] = 0.9 * 1 + 0.1 * stats[2][c];
        }
        assertClose(expectedMean, bn.ownBuffers().get("running_mean").data());
        assertClose(expectedVar, bn.ownBuffers().get("running_var").data());
        Tensor tracked = bn.ownBuffers().get("num_batches_tracked").data();
        assertEquals(DType.INT64, tracked.dtype());
        assertEquals(0, tracked.dim());
        assertEquals(1, (long) tracked.item());
    }

    @Test void batchNorm2dEvalUsesRunningStatistics() {
        var bn = new BatchNorm2d(4);
        bn.apply(tensor(X, NCHW)); // one training pass moves the running statistics
        bn.eval();
        double[] mean = toDouble(Reference.values(bn.ownBuffers().get("running_mean").data()));
        double[] var = toDouble(Reference.values(bn.ownBuffers().get("running_var").data()));
        float[] y = random(5, numel(NCHW), 1, 0);
        Tensor out = bn.apply(tensor(y, NCHW));
        assertClose(normalizeChannels(y, NCHW, mean, var, null, null, 1e-5), out);
        assertEquals(1, (long) bn.ownBuffers().get("num_batches_tracked").data().item(), "eval must not count batches");
        assertClose(mean, bn.ownBuffers().get("running_mean").data());
    }

    @Test void batchNormWithoutAffineHasNoParametersAndStillNormalises() {
        var bn = new BatchNorm2d(4).affine(false).eps(1e-3);
        assertEquals(0, bn.numParams());
        double[][] stats = channelStats(X, NCHW);
        assertClose(normalizeChannels(X, NCHW, stats[0], stats[1], null, null, 1e-3), bn.apply(tensor(X, NCHW)));
    }

    @Test void batchNormWithoutRunningStatisticsUsesBatchStatisticsEvenInEval() {
        var bn = new BatchNorm2d(4, 1e-5, 0.1, true, false);
        assertTrue(bn.ownBuffers().isEmpty());
        bn.eval();
        double[][] stats = channelStats(X, NCHW);
        assertClose(normalizeChannels(X, NCHW, stats[0], stats[1], null, null, 1e-5), bn.apply(tensor(X, NCHW)));
    }

    @Test void momentumNoneIsACumulativeAverage() {
        var bn = new BatchNorm1d(3).momentum(null);
        long[] shape = {6, 3};
        float[] a = random(7, 18, 2, 1), b = random(8, 18, 3, -1);
        bn.apply(tensor(a, shape));
        bn.apply(tensor(b, shape));
        double[][] sa = channelStats(a, shape), sb = channelStats(b, shape);
        double[] mean = new double[3];
        for (int c = 0; c < 3; c++) mean[c] = (sa[0][c] + sb[0][c]) / 2; // factor 1 then 1/2
        assertClose(mean, bn.ownBuffers().get("running_mean").data());
        assertEquals("BatchNorm1d(3, eps=1e-05, momentum=None, affine=True, track_running_stats=True)", bn.toString());
    }

    @Test void batchNorm1dOnTwoAndThreeDimensionalInput() {
        for (long[] shape : List.of(new long[]{5, 3}, new long[]{2, 3, 4})) {
            float[] x = random(9, numel(shape), 1.5, 0.5);
            var bn = new BatchNorm1d(3);
            double[][] stats = channelStats(x, shape);
            assertClose(normalizeChannels(x, shape, stats[0], stats[1], null, null, 1e-5), bn.apply(tensor(x, shape)));
        }
    }

    @Test void batchNormRejectsWrongRankChannelsAndSingleValuesInTraining() {
        assertMessage("bn (BatchNorm2d): expected 4D input (got 3D input of shape [4, 5, 2])",
                () -> wrap(new BatchNorm2d(4)).apply(Tensor.shapeOnly(4, 5, 2)));
        assertMessage("bn (BatchNorm1d): expected 2D or 3D input (got 4D input of shape [3, 4, 5, 2])",
                () -> wrap(new BatchNorm1d(4)).apply(Tensor.shapeOnly(NCHW)));
        assertMessage("bn (BatchNorm2d): expected input with 8 channels (num_features) at dim 1, got 4 channels"
                + " in input of shape [3, 4, 5, 2]", () -> wrap(new BatchNorm2d(8)).apply(tensor(X, NCHW)));
        assertMessage("bn (BatchNorm1d): expected more than 1 value per channel when training, got input of"
                + " shape [1, 4]", () -> wrap(new BatchNorm1d(4)).apply(Tensor.zeros(1, 4)));
        var evalMode = wrap(new BatchNorm1d(4));
        evalMode.eval();
        assertArrayEquals(new long[]{1, 4}, evalMode.apply(Tensor.zeros(1, 4)).shape());
    }

    private static Module wrap(Module bn) {
        var net = new Sequential();
        net.register("bn", bn);
        return net;
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(ModuleException.class, call).getMessage());
    }

    @Test void functionalBatchNormUpdatesTheRunningTensorsInPlace() {
        Tensor mean = Tensor.zeros(4), var = Tensor.ones(4);
        Tensor out = F.batchNorm(tensor(X, NCHW), mean, var, null, null, true, 0.3, 1e-5);
        double[][] stats = channelStats(X, NCHW);
        assertClose(normalizeChannels(X, NCHW, stats[0], stats[1], null, null, 1e-5), out);
        double[] expected = new double[4];
        for (int c = 0; c < 4; c++) expected[c] = 0.3 * stats[0][c];
        assertClose(expected, mean);
        Tensor evalOut = F.batchNorm(tensor(X, NCHW), mean, var, null, null, false, 0.3, 1e-5);
        assertClose(normalizeChannels(X, NCHW, expected, toDouble(Reference.values(var)), null, null, 1e-5), evalOut);
    }

    @Test void batchNormBuffersAreNotParameters() {
        var bn = new BatchNorm2d(64);
        assertEquals(List.of("weight", "bias"), List.copyOf(bn.namedParameters().keySet()));
        assertEquals(List.of("running_mean", "running_var", "num_batches_tracked"), List.copyOf(bn.namedBuffers().keySet()));
        assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(bn.stateDict().keySet()));
        assertEquals("BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", bn.toString());
        assertEquals("BatchNorm2d(8, eps=0.001, momentum=0.01, affine=False, track_running_stats=False)",
                new BatchNorm2d(8, 1e-3, 0.01, false, false).toString());
    }

    @Test void layerNormOverTheLastDimension() {
        long[] shape = {2, 3, 6};
        float[] x = random(31, 36, 2, 1);
        var ln = new LayerNorm(6);
        float[] w = random(3, 6, 1, 1), b = random(4, 6, 1, 0);
        ln.ownParameters().get("weight").set(tensor(w, 6));
        ln.ownParameters().get("bias").set(tensor(b, 6));
        assertClose(layerNorm(x, 6, w, b, 1e-5), ln.apply(tensor(x, shape)));
        assertEquals("LayerNorm((6,), eps=1e-05, elementwise_affine=True)", ln.toString());
    }

    @Test void layerNormOverTwoTrailingDimensionsWithoutAffine() {
        long[] shape = {2, 3, 4};
        float[] x = random(32, 24, 3, -2);
        var ln = new LayerNorm(3, 4).elementwiseAffine(false).eps(1e-6);
        assertEquals(0, ln.numParams());
        assertClose(layerNorm(x, 12, null, null, 1e-6), ln.apply(tensor(x, shape)));
        assertEquals("LayerNorm((3, 4), eps=1e-06, elementwise_affine=False)", ln.toString());
        assertClose(layerNorm(x, 12, null, null, 1e-5), F.layerNorm(tensor(x, shape), new long[]{3, 4}, null, null, 1e-5));
    }

    @Test void layerNormRejectsMismatchedTrailingShape() {
        assertMessage("ln (LayerNorm): given normalized_shape=[512], expected input with shape [*, 512], but got"
                + " input of shape [2, 256]", () -> {
                    var net = new Sequential();
                    net.register("ln", new LayerNorm(512));
                    net.apply(Tensor.shapeOnly(2, 256));
                });
    }

    @Test void groupNormNormalisesEachGroupOfEachSample() {
        long[] shape = {2, 6, 3, 2};
        float[] x = random(41, numel(shape), 2, 0.7f);
        var gn = new GroupNorm(3, 6);
        float[] w = random(5, 6, 1, 1), b = random(6, 6, 1, 0);
        gn.ownParameters().get("weight").set(tensor(w, 6));
        gn.ownParameters().get("bias").set(tensor(b, 6));
        assertClose(groupNorm(x, shape, 3, w, b, 1e-5), gn.apply(tensor(x, shape)));
        assertClose(groupNorm(x, shape, 2, null, null, 1e-5), F.groupNorm(tensor(x, shape), 2, null, null, 1e-5));
        assertEquals("GroupNorm(3, 6, eps=1e-05, affine=True)", gn.toString());
    }

    @Test void groupNormChecksDivisibilityAndChannels() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GroupNorm(5, 64));
        assertEquals("GroupNorm: num_channels (64) must be divisible by num_groups (5)", e.getMessage());
        var m = assertThrows(ModuleException.class, () -> new GroupNorm(8, 64).apply(Tensor.shapeOnly(2, 32, 4, 4)));
        assertEquals("GroupNorm: expected input with 64 channels (num_channels) at dim 1, got 32 channels in input"
                + " of shape [2, 32, 4, 4]", m.getMessage());
    }

    @Test void normLayersRejectIntegerInput() {
        var e = assertThrows(ModuleException.class, () -> new LayerNorm(3).apply(Tensor.zeros(DType.INT64, 2, 3)));
        assertTrue(e.getMessage().contains("expected a floating-point input, got int64"), e.getMessage());
    }

    @Test void defaultInitialisationIsWeightOneBiasZero() {
        for (Module m : new Module[]{new BatchNorm2d(5), new LayerNorm(5), new GroupNorm(5, 5)}) {
            assertClose(new double[]{1, 1, 1, 1, 1}, m.ownParameters().get("weight").data());
            assertClose(new double[5], m.ownParameters().get("bias").data());
        }
        var bn = new BatchNorm1d(2);
        assertClose(new double[]{0, 0}, bn.ownBuffers().get("running_mean").data());
        assertClose(new double[]{1, 1}, bn.ownBuffers().get("running_var").data());
        assertEquals(0, (long) bn.ownBuffers().get("num_batches_tracked").data().item());
    }
}
