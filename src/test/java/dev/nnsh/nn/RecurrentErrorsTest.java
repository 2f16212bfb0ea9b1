package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.function.Function;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Bad inputs and states: the error names the layer, what was expected and what came, for both kinds of tensor. */
class RecurrentErrorsTest {
    /** A network holding the layer as "rnn", passing all its inputs on, so errors carry a path. */
    private static final class Holder extends Module {
        Holder(Module layer) { register("rnn", layer); }

        @Override public Tensor forward(Tensor... inputs) { return namedChildren().get("rnn").apply(inputs); }
    }

    /** The same message from a shape-only and a real pass. */
    private static void assertFails(String expected, Module layer, Function<Boolean, Tensor[]> inputs) {
        for (boolean shapeOnly : new boolean[]{true, false}) {
            var e = assertThrows(ModuleException.class, () -> new Holder(layer).apply(inputs.apply(shapeOnly)));
            assertEquals(expected, e.getMessage(), shapeOnly ? "shape-only pass" : "real pass");
        }
    }

    private static Tensor t(boolean shapeOnly, long... shape) { return shapeOnly ? Tensor.shapeOnly(shape) : Tensor.rand(shape); }

    @Test void wrongInputSizeNamesLayerExpectedAndActual() {
        assertFails("rnn (LSTM): input.size(-1) must be equal to input_size. Expected 10, got 7 (input of shape [5, 3, 7])",
                new LSTM(10, 20), s -> new Tensor[]{t(s, 5, 3, 7)});
        assertFails("rnn (GRU): input.size(-1) must be equal to input_size. Expected 10, got 4 (input of shape [6, 4])",
                new GRU(10, 20), s -> new Tensor[]{t(s, 6, 4)});
    }

    @Test void wrongRank() {
        assertFails("rnn (RNN): expected input to be 2-D [L, H_in] (unbatched) or 3-D [L, N, H_in], got 4-D input of"
                + " shape [2, 5, 3, 10]", new RNN(10, 20), s -> new Tensor[]{t(s, 2, 5, 3, 10)});
        assertFails("rnn (GRU): expected input to be 2-D [L, H_in] (unbatched) or 3-D [N, L, H_in] (batch_first), got"
                + " 1-D input of shape [10]", new GRU(10, 20).batchFirst(true), s -> new Tensor[]{t(s, 10)});
    }

    @Test void wrongInitialStates() {
        assertFails("rnn (LSTM): expected h_0 of shape [2, 3, 20] (num_layers·num_directions, batch, hidden_size),"
                + " got [1, 3, 20]", new LSTM(10, 20, 2), s -> new Tensor[]{t(s, 5, 3, 10), t(s, 1, 3, 20), t(s, 2, 3, 20)});
        assertFails("rnn (LSTM): expected c_0 of shape [4, 3, 20] (num_layers·num_directions, batch, hidden_size),"
                + " got [4, 3, 21]", new LSTM(10, 20, 2).bidirectional(true),
                s -> new Tensor[]{t(s, 5, 3, 10), t(s, 4, 3, 20), t(s, 4, 3, 21)});
        assertFails("rnn (GRU): for batched 3-D input, h_0 should be 3-D [1, 5, 20], got 2-D tensor of shape [1, 20]",
                new GRU(10, 20).batchFirst(true), s -> new Tensor[]{t(s, 5, 3, 10), t(s, 1, 20)});
        assertFails("rnn (RNN): for unbatched 2-D input, h_0 should be 2-D [2, 20], got 3-D tensor of shape [2, 1, 20]",
                new RNN(10, 20).bidirectional(true), s -> new Tensor[]{t(s, 5, 10), t(s, 2, 1, 20)});
        assertFails("rnn (LSTM): expected input, or input, h_0 and c_0, got 2 tensors", new LSTM(10, 20),
                s -> new Tensor[]{t(s, 5, 3, 10), t(s, 1, 3, 20)});
        assertFails("rnn (GRU): expected input, or input and h_0, got 3 tensors", new GRU(10, 20),
                s -> new Tensor[]{t(s, 5, 3, 10), t(s, 1, 3, 20), t(s, 1, 3, 20)});
    }

    @Test void wrongTypeAndEmptySequence() {
        assertFails("rnn (LSTM): input must have the type float32 (the parameters' type), got int64", new LSTM(10, 20),
                s -> new Tensor[]{s ? Tensor.shapeOnly(DType.INT64, 5, 3, 10) : Tensor.zeros(DType.INT64, 5, 3, 10)});
        assertFails("rnn (GRU): expected a sequence length larger than 0, got input of shape [3, 0, 10]",
                new GRU(10, 20).batchFirst(true), s -> new Tensor[]{s ? Tensor.shapeOnly(3, 0, 10) : Tensor.zeros(3, 0, 10)});
    }

    @Test void cellErrors() {
        assertFails("rnn (LSTMCell): input has inconsistent input_size: expected 10, got 9 (input of shape [3, 9])",
                new LSTMCell(10, 20), s -> new Tensor[]{t(s, 3, 9)});
        assertFails("rnn (GRUCell): expected input to be 1-D [H_in] (unbatched) or 2-D [N, H_in], got 3-D input of"
                + " shape [5, 3, 10]", new GRUCell(10, 20), s -> new Tensor[]{t(s, 5, 3, 10)});
        assertFails("rnn (RNNCell): expected h of shape [3, 20] (batch, hidden_size), got [2, 20]",
                new RNNCell(10, 20), s -> new Tensor[]{t(s, 3, 10), t(s, 2, 20)});
        assertFails("rnn (LSTMCell): expected c of shape [20] (hidden_size) for unbatched input, got [1, 20]",
                new LSTMCell(10, 20), s -> new Tensor[]{t(s, 10), t(s, 20), t(s, 1, 20)});
        assertFails("rnn (LSTMCell): expected input, or input, h and c, got 2 tensors",
                new LSTMCell(10, 20), s -> new Tensor[]{t(s, 3, 10), t(s, 3, 20)});
    }

    @Test void anEmptyBatchGivesEmptyResults() {
        RecurrentOutput out = new LSTM(4, 3, 2).bidirectional(true).run(Tensor.zeros(5, 0, 4));
        assertArrayEquals(new long[]{5, 0, 6}, out.output().shape());
        assertArrayEquals(new long[]{4, 0, 3}, out.cN().shape());
        assertArrayEquals(new long[]{0, 3}, new GRUCell(4, 3).apply(Tensor.zeros(0, 4)).shape());
    }
}
