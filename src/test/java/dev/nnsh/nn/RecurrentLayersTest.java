package dev.nnsh.nn;

import static dev.nnsh.nn.RecurrentReference.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** RNN, LSTM and GRU on real data against the plain-Java reference of PyTorch's equations. */
class RecurrentLayersTest {
    private static final int T = 4, N = 3, IN = 5, H = 6;

    /** One configuration: the layer as built, and how to lay out its input and states. */
    private record Setup(Kind kind, RNNBase<?> layer, int layers, boolean bidirectional, boolean batchFirst) {
        int rows() { return layers * (bidirectional ? 2 : 1); }
        int features() { return (bidirectional ? 2 : 1) * H; }
    }

    private static RecurrentOutput run(RNNBase<?> layer, Tensor x, Tensor h0, Tensor c0) {
        if (h0 == null) return layer.run(x);
        if (layer instanceof LSTM lstm) return lstm.run(x, h0, c0);
        if (layer instanceof GRU gru) return gru.run(x, h0);
        return ((RNN) layer).run(x, h0);
    }

    /** Runs a batched input ([T, N, IN] or [N, T, IN]) and compares output, hN and cN with the reference. */
    private static void checkBatched(Setup s, boolean givenStates, long seed) {
        float[] x = Reference.random(seed, T * N * IN, 1, 0.1);
        float[] h0 = Reference.random(seed + 1, s.rows() * N * H, 0.5, 0);
        float[] c0 = Reference.random(seed + 2, s.rows() * N * H, 0.5, 0);
        boolean lstm = s.kind() == Kind.LSTM;
        Tensor xt = s.batchFirst() ? tensor(x, N, T, IN) : tensor(x, T, N, IN);
        RecurrentOutput out = run(s.layer(), xt, givenStates ? tensor(h0, s.rows(), N, H) : null,
                givenStates && lstm ? tensor(c0, s.rows(), N, H) : null);

        Run expected = sequence(s.kind(), s.layer(), s.layers(), s.bidirectional(), H,
                s.batchFirst() ? nested(x, N, T, IN, true) : nested(x, T, N, IN, false),
                givenStates ? nested(h0, s.rows(), N, H, false) : null,
                givenStates && lstm ? nested(c0, s.rows(), N, H, false) : null, null);
        long[] outShape = s.batchFirst() ? new long[]{N, T, s.features()} : new long[]{T, N, s.features()};
        Reference.assertShape(outShape, out.output());
        Reference.assertClose(flat(expected.output(), s.batchFirst()), out.output());
        Reference.assertShape(new long[]{s.rows(), N, H}, out.hN());
        Reference.assertClose(flat(expected.hN(), false), out.hN());
        if (lstm) {
            Reference.assertShape(new long[]{s.rows(), N, H}, out.cN());
            Reference.assertClose(flat(expected.cN(), false), out.cN());
        } else {
            assertNull(out.cN());
        }
    }

    /** Unbatched [T, IN] input and [rows, H] states: the reference with a batch of one. */
    private static void checkUnbatched(Setup s, long seed) {
        float[] x = Reference.random(seed, T * IN, 1, 0);
        float[] h0 = Reference.random(seed + 1, s.rows() * H, 0.5, 0);
        float[] c0 = Reference.random(seed + 2, s.rows() * H, 0.5, 0);
        boolean lstm = s.kind() == Kind.LSTM;
        RecurrentOutput out = run(s.layer(), tensor(x, T, IN), tensor(h0, s.rows(), H), lstm ? tensor(c0, s.rows(), H) : null);
        Run expected = sequence(s.kind(), s.layer(), s.layers(), s.bidirectional(), H, nested(x, T, 1, IN, false),
                nested(h0, s.rows(), 1, H, false), lstm ? nested(c0, s.rows(), 1, H, false) : null, null);
        Reference.assertShape(new long[]{T, s.features()}, out.output());
        Reference.assertClose(flat(expected.output(), false), out.output());
        Reference.assertShape(new long[]{s.rows(), H}, out.hN());
        Reference.assertClose(flat(expected.hN(), false), out.hN());
        if (lstm) Reference.assertClose(flat(expected.cN(), false), out.cN());
    }

    @Test void lstmOneLayerFromZeroStates() {
        checkBatched(new Setup(Kind.LSTM, new LSTM(IN, H), 1, false, false), false, 1);
    }

    @Test void lstmTwoLayersBidirectionalFromGivenStates() {
        checkBatched(new Setup(Kind.LSTM, new LSTM(IN, H, 2).bidirectional(true), 2, true, false), true, 2);
    }

    @Test void lstmBatchFirstWithoutBias() {
        var lstm = new LSTM(IN, H, 2).batchFirst(true).bias(false);
        assertEquals(java.util.List.of("weight_ih_l0", "weight_hh_l0", "weight_ih_l1", "weight_hh_l1"),
                java.util.List.copyOf(lstm.namedParameters().keySet()));
        checkBatched(new Setup(Kind.LSTM, lstm, 2, false, true), true, 3);
    }

    @Test void gruOneAndTwoLayers() {
        checkBatched(new Setup(Kind.GRU, new GRU(IN, H), 1, false, false), false, 4);
        checkBatched(new Setup(Kind.GRU, new GRU(IN, H, 2), 2, false, false), true, 5);
    }

    @Test void gruBidirectionalBatchFirstAndWithoutBias() {
        checkBatched(new Setup(Kind.GRU, new GRU(IN, H, 2).bidirectional(true).batchFirst(true), 2, true, true), true, 6);
        checkBatched(new Setup(Kind.GRU, new GRU(IN, H).bias(false), 1, false, false), true, 7);
    }

    @Test void rnnTanhAndRelu() {
        checkBatched(new Setup(Kind.TANH, new RNN(IN, H, 2), 2, false, false), true, 8);
        checkBatched(new Setup(Kind.RELU, new RNN(IN, H, 2, "relu").bidirectional(true), 2, true, false), true, 9);
        checkBatched(new Setup(Kind.RELU, new RNN(IN, H).nonlinearity("relu").bias(false).batchFirst(true), 1, false, true),
                false, 10);
    }

    @Test void unbatchedSequences() {
        checkUnbatched(new Setup(Kind.LSTM, new LSTM(IN, H, 2).bidirectional(true), 2, true, false), 11);
        checkUnbatched(new Setup(Kind.GRU, new GRU(IN, H, 2), 2, false, false), 12);
        checkUnbatched(new Setup(Kind.TANH, new RNN(IN, H).bidirectional(true), 1, true, false), 13);
        // batch_first does not apply to unbatched input
        checkUnbatched(new Setup(Kind.LSTM, new LSTM(IN, H).batchFirst(true), 1, false, true), 14);
    }

    @Test void batchOfOne() {
        var lstm = new LSTM(IN, H, 2).bidirectional(true);
        float[] x = Reference.random(15, T * IN, 1, 0);
        Run expected = sequence(Kind.LSTM, lstm, 2, true, H, nested(x, T, 1, IN, false), null, null, null);
        Reference.assertClose(flat(expected.output(), false), lstm.apply(tensor(x, T, 1, IN)));
    }

    @Test void applyReturnsTheOutputThatRunReturns() {
        var gru = new GRU(IN, H, 2);
        Tensor x = tensor(Reference.random(16, T * N * IN, 1, 0), T, N, IN);
        Tensor h0 = tensor(Reference.random(17, 2 * N * H, 1, 0), 2, N, H);
        Reference.assertClose(toDouble(gru.run(x, h0).output()), gru.apply(x, h0));
        Reference.assertClose(toDouble(gru.run(x).output()), gru.apply(x));
        var lstm = new LSTM(IN, H);
        Tensor c0 = tensor(Reference.random(18, N * H, 1, 0), 1, N, H);
        Tensor h1 = tensor(Reference.random(19, N * H, 1, 0), 1, N, H);
        Reference.assertClose(toDouble(lstm.run(x, h1, c0).output()), lstm.apply(x, h1, c0));
    }

    private static double[] toDouble(Tensor t) {
        float[] f = Reference.values(t);
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    @Test void dropoutActsBetweenLayersOnlyInTraining() {
        float[] x = Reference.random(20, T * N * IN, 1, 0);
        var lstm = new LSTM(IN, H, 2).dropout(1.0);
        Run plain = sequence(Kind.LSTM, lstm, 2, false, H, nested(x, T, N, IN, false), null, null, null);
        Run firstLayerDropped = sequence(Kind.LSTM, lstm, 2, false, H, nested(x, T, N, IN, false), null, null,
                new boolean[]{true, false});
        lstm.train();
        RecurrentOutput training = lstm.run(tensor(x, T, N, IN));
        Reference.assertClose(flat(firstLayerDropped.output(), false), training.output());
        Reference.assertClose(flat(firstLayerDropped.hN(), false), training.hN());
        lstm.eval();
        Reference.assertClose(flat(plain.output(), false), lstm.apply(tensor(x, T, N, IN)));

        var oneLayer = new GRU(IN, H).dropout(1.0); // no layer after the last one: dropout never applies
        oneLayer.train();
        Run gru = sequence(Kind.GRU, oneLayer, 1, false, H, nested(x, T, N, IN, false), null, null, null);
        Reference.assertClose(flat(gru.output(), false), oneLayer.apply(tensor(x, T, N, IN)));
    }

    @Test void dropoutInTrainingZeroesSomeOfTheNextLayersInput() {
        float[] x = Reference.random(21, T * N * IN, 1, 0);
        var rnn = new RNN(IN, H, 2).dropout(0.5).bias(false);
        rnn.eval();
        float[] evalOut = Reference.values(rnn.apply(tensor(x, T, N, IN))); // also materialises the parameters
        rnn.train();
        Tensor.manualSeed(5);
        float[] once = Reference.values(rnn.apply(tensor(x, T, N, IN)));
        assertFalse(java.util.Arrays.equals(once, evalOut), "dropout 0.5 in training left every value as in eval");
        rnn.train();
        Tensor.manualSeed(5);
        assertArrayEquals(once, Reference.values(rnn.apply(tensor(x, T, N, IN))), "the seed should repeat the mask");
    }
}
