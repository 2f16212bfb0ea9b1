package dev.nnsh.nn;

import static dev.nnsh.nn.RecurrentReference.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** RNNCell, LSTMCell and GRUCell on real data against the plain-Java reference of PyTorch's equations. */
class RecurrentCellsTest {
    private static final int N = 3, IN = 5, H = 4;

    /** The reference step for every sample of x [N][IN] (h, c [N][H], null for zeros): {h' rows, c' rows}. */
    private static double[][][] expected(Kind kind, Module cell, float[] x, float[] h, float[] c, int batch) {
        Params p = params(cell, "");
        double[][] hNext = new double[batch][], cNext = new double[batch][];
        for (int n = 0; n < batch; n++) {
            double[][] next = cell(kind, p, row(x, n, IN), h == null ? new double[H] : row(h, n, H),
                    kind != Kind.LSTM ? null : c == null ? new double[H] : row(c, n, H));
            hNext[n] = next[0];
            cNext[n] = next[1];
        }
        return new double[][][]{hNext, cNext};
    }

    private static double[] row(float[] values, int n, int width) {
        double[] out = new double[width];
        for (int i = 0; i < width; i++) out[i] = values[n * width + i];
        return out;
    }

    private static double[] flatRows(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test void rnnCellTanhAndReluWithAndWithoutState() {
        float[] x = Reference.random(1, N * IN, 1, 0), h = Reference.random(2, N * H, 0.5, 0);
        var tanh = new RNNCell(IN, H);
        Reference.assertClose(flatRows(expected(Kind.TANH, tanh, x, h, null, N)[0]), tanh.apply(tensor(x, N, IN), tensor(h, N, H)));
        Reference.assertClose(flatRows(expected(Kind.TANH, tanh, x, null, null, N)[0]), tanh.apply(tensor(x, N, IN)));
        var relu = new RNNCell(IN, H, true, "relu");
        Reference.assertClose(flatRows(expected(Kind.RELU, relu, x, h, null, N)[0]), relu.apply(tensor(x, N, IN), tensor(h, N, H)));
        var noBias = new RNNCell(IN, H).bias(false).nonlinearity("relu");
        assertEquals(List.of("weight_ih", "weight_hh"), List.copyOf(noBias.namedParameters().keySet()));
        Reference.assertClose(flatRows(expected(Kind.RELU, noBias, x, h, null, N)[0]), noBias.apply(tensor(x, N, IN), tensor(h, N, H)));
    }

    @Test void lstmCellReturnsHiddenAndCellState() {
        float[] x = Reference.random(3, N * IN, 1, 0), h = Reference.random(4, N * H, 0.5, 0), c = Reference.random(5, N * H, 0.5, 0);
        var cell = new LSTMCell(IN, H);
        double[][][] want = expected(Kind.LSTM, cell, x, h, c, N);
        LSTMState next = cell.run(tensor(x, N, IN), tensor(h, N, H), tensor(c, N, H));
        Reference.assertShape(new long[]{N, H}, next.h());
        Reference.assertClose(flatRows(want[0]), next.h());
        Reference.assertClose(flatRows(want[1]), next.c());
        Reference.assertClose(flatRows(want[0]), cell.apply(tensor(x, N, IN), tensor(h, N, H), tensor(c, N, H)));
        double[][][] fromZeros = expected(Kind.LSTM, cell, x, null, null, N);
        LSTMState first = cell.run(tensor(x, N, IN));
        Reference.assertClose(flatRows(fromZeros[0]), first.h());
        Reference.assertClose(flatRows(fromZeros[1]), first.c());
        var noBias = new LSTMCell(IN, H, false);
        Reference.assertClose(flatRows(expected(Kind.LSTM, noBias, x, h, c, N)[1]),
                noBias.run(tensor(x, N, IN), tensor(h, N, H), tensor(c, N, H)).c());
    }

    @Test void gruCell() {
        float[] x = Reference.random(6, N * IN, 1, 0), h = Reference.random(7, N * H, 0.5, 0);
        var cell = new GRUCell(IN, H);
        Reference.assertClose(flatRows(expected(Kind.GRU, cell, x, h, null, N)[0]), cell.apply(tensor(x, N, IN), tensor(h, N, H)));
        var noBias = new GRUCell(IN, H, false);
        Reference.assertClose(flatRows(expected(Kind.GRU, noBias, x, null, null, N)[0]), noBias.apply(tensor(x, N, IN)));
    }

    @Test void unbatchedCellsTakeAndReturnVectors() {
        float[] x = Reference.random(8, IN, 1, 0), h = Reference.random(9, H, 0.5, 0), c = Reference.random(10, H, 0.5, 0);
        var gru = new GRUCell(IN, H);
        Tensor out = gru.apply(tensor(x, IN), tensor(h, H));
        Reference.assertShape(new long[]{H}, out);
        Reference.assertClose(flatRows(expected(Kind.GRU, gru, x, h, null, 1)[0]), out);
        var lstm = new LSTMCell(IN, H);
        LSTMState next = lstm.run(tensor(x, IN), tensor(h, H), tensor(c, H));
        Reference.assertShape(new long[]{H}, next.c());
        Reference.assertClose(flatRows(expected(Kind.LSTM, lstm, x, h, c, 1)[1]), next.c());
    }

    @Test void cellsPrintLikePyTorch() {
        assertEquals("RNNCell(10, 20)", new RNNCell(10, 20).toString());
        assertEquals("RNNCell(10, 20, bias=False, nonlinearity=relu)", new RNNCell(10, 20, false, "relu").toString());
        assertEquals("LSTMCell(10, 20)", new LSTMCell(10, 20).toString());
        assertEquals("GRUCell(3, 4, bias=False)", new GRUCell(3, 4).bias(false).toString());
    }

    @Test void cellParametersHavePyTorchsNamesShapesAndCounts() {
        var lstm = new LSTMCell(10, 20);
        assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"), List.copyOf(lstm.namedParameters().keySet()));
        assertArrayEquals(new long[]{80, 10}, lstm.namedParameters().get("weight_ih").shape());
        assertArrayEquals(new long[]{80, 20}, lstm.namedParameters().get("weight_hh").shape());
        assertArrayEquals(new long[]{80}, lstm.namedParameters().get("bias_hh").shape());
        assertEquals(4 * 20 * (10 + 20 + 2), lstm.numParams());
        assertEquals(3 * 20 * (10 + 20 + 2), new GRUCell(10, 20).numParams());
        assertEquals(20 * (10 + 20), new RNNCell(10, 20).bias(false).numParams());
    }
}
