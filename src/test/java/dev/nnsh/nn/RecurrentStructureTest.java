package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Parameter names, shapes, counts and initialisation, printing and constructor arguments of RNN, LSTM, GRU. */
class RecurrentStructureTest {
    /** PyTorch's count for one layer and direction: gates·hidden·(layer input + hidden + 2 biases). */
    private static long perDirection(int gates, long in, long hidden, boolean bias) {
        return gates * hidden * (in + hidden + (bias ? 2 : 0));
    }

    @Test void parameterNamesAndShapesFollowPyTorch() {
        var lstm = new LSTM(10, 20);
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"),
                List.copyOf(lstm.namedParameters().keySet()));
        assertArrayEquals(new long[]{80, 10}, lstm.namedParameters().get("weight_ih_l0").shape());
        assertArrayEquals(new long[]{80, 20}, lstm.namedParameters().get("weight_hh_l0").shape());
        assertArrayEquals(new long[]{80}, lstm.namedParameters().get("bias_ih_l0").shape());

        var bi = new GRU(10, 20, 2).bidirectional(true);
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
                "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse"),
                List.copyOf(bi.namedParameters().keySet()));
        assertArrayEquals(new long[]{60, 40}, bi.namedParameters().get("weight_ih_l1_reverse").shape());
        bi.bidirectional(false).bias(false);
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "weight_ih_l1", "weight_hh_l1"),
                List.copyOf(bi.namedParameters().keySet()));
        assertArrayEquals(new long[]{60, 20}, bi.namedParameters().get("weight_ih_l1").shape());
    }

    @Test void parameterCountsEqualPyTorchs() {
        assertEquals(2_560, new LSTM(10, 20).numParams());
        assertEquals(2_560, perDirection(4, 10, 20, true));
        assertEquals(5_920, new LSTM(10, 20, 2).numParams());
        assertEquals(4_440, new GRU(10, 20, 2).numParams());
        assertEquals(perDirection(3, 10, 20, true) + perDirection(3, 20, 20, true), 4_440);
        assertEquals(640, new RNN(10, 20).numParams());
        assertEquals(2 * perDirection(4, 10, 20, true) + 2 * perDirection(4, 40, 20, true),
                new LSTM(10, 20, 2).bidirectional(true).numParams());
        assertEquals(15_040, new LSTM(10, 20, 2).bidirectional(true).numParams());
        assertEquals(perDirection(1, 7, 5, false) + 2 * perDirection(1, 5, 5, false),
                new RNN(7, 5, 3, "relu").bias(false).numParams());
    }

    @Test void everyParameterIsUniformWithinOneOverSqrtHidden() {
        var gru = new GRU(6, 25, 2).bidirectional(true);
        double bound = 1 / Math.sqrt(25);
        for (var e : gru.namedParameters().entrySet()) {
            float[] v = Reference.values(e.getValue().data());
            double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
            for (float f : v) {
                min = Math.min(min, f);
                max = Math.max(max, f);
            }
            assertTrue(min >= -bound && max <= bound, e.getKey() + " outside ±" + bound + ": " + min + ".." + max);
            assertTrue(max - min > bound, e.getKey() + " not spread over the interval: " + min + ".." + max);
        }
    }

    @Test void printsLikePyTorch() {
        assertEquals("LSTM(10, 20)", new LSTM(10, 20).toString());
        assertEquals("LSTM(10, 20, num_layers=2, batch_first=True, bidirectional=True)",
                new LSTM(10, 20, 2).batchFirst(true).bidirectional(true).toString());
        assertEquals("GRU(10, 20, bias=False, dropout=0.2)", new GRU(10, 20).bias(false).dropout(0.2).toString());
        assertEquals("RNN(10, 20, num_layers=3)", new RNN(10, 20, 3, "relu").toString());
        assertEquals("LSTM(10, 20, num_layers=2, bias=False, batch_first=True, dropout=0.5, bidirectional=True)",
                new LSTM(10, 20, 2, false, true, 0.5, true).toString());
        assertEquals("RNN(4, 8, num_layers=2, dropout=0.1)", new RNN(4, 8, 2, "tanh", true, false, 0.1, false).toString());
        assertEquals("GRU(1, 2, batch_first=True)", new GRU(1, 2, 1, true, true, 0, false).toString());
    }

    @Test void constructorErrorsNameTheArgument() {
        assertMessage("LSTM: input_size must be positive, got 0", () -> new LSTM(0, 20));
        assertMessage("GRU: hidden_size must be positive, got -3", () -> new GRU(10, -3));
        assertMessage("RNN: num_layers must be positive, got 0", () -> new RNN(10, 20, 0));
        assertMessage("LSTM: dropout must be between 0 and 1, got 1.5", () -> new LSTM(10, 20, 2).dropout(1.5));
        assertMessage("RNN: nonlinearity must be 'tanh' or 'relu', got 'sigmoid'", () -> new RNN(10, 20, 1, "sigmoid"));
        assertMessage("RNNCell: nonlinearity must be 'tanh' or 'relu', got 'Tanh'", () -> new RNNCell(10, 20, true, "Tanh"));
        assertMessage("LSTMCell: hidden_size must be positive, got 0", () -> new LSTMCell(10, 0));
        assertMessage("GRUCell: input_size must be positive, got 0", () -> new GRUCell(0, 10));
    }

    private static void assertMessage(String expected, Runnable construct) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, construct::run).getMessage());
    }

    @Test void nonlinearityIsKept() {
        assertEquals("tanh", new RNN(3, 4).nonlinearity());
        assertEquals("relu", new RNN(3, 4, 1, "relu").nonlinearity());
        assertEquals("relu", new RNNCell(3, 4).nonlinearity("relu").nonlinearity());
    }

    @Test void hugeLayersAreLazyAndShapeOnlyPassesAllocateNothing() {
        var lstm = new LSTM(100_000, 100_000, 4).bidirectional(true);
        assertEquals(2L * 4 * 100_000 * (100_000 + 100_000 + 2) + 6L * 4 * 100_000 * (200_000 + 100_000 + 2),
                lstm.numParams());
        RecurrentOutput out = lstm.run(Tensor.shapeOnly(7, 2, 100_000));
        assertArrayEquals(new long[]{7, 2, 200_000}, out.output().shape());
        assertArrayEquals(new long[]{8, 2, 100_000}, out.hN().shape());
        assertArrayEquals(new long[]{8, 2, 100_000}, out.cN().shape());
        assertTrue(out.output().isShapeOnly() && out.hN().isShapeOnly() && out.cN().isShapeOnly());
        for (Parameter p : lstm.parameters()) assertFalse(p.isMaterialized(), p.name());
    }
}
