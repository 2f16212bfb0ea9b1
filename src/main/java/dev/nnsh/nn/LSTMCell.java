package dev.nnsh.nn;

import dev.nnsh.ops.RecurrentKind;
import dev.nnsh.tensor.Tensor;

/**
 * One step of an LSTM, {@code nn.LSTMCell(input_size, hidden_size, bias=True)}: {@code apply(x)} or
 * {@code apply(x, h, c)} returns the next hidden state h'; {@code run} with the same arguments returns
 * both h' and c' as an {@link LSTMState}. Gates i, f, g, o are stacked in that order in the weights.
 */
public class LSTMCell extends RNNCellBase<LSTMCell> {
    public LSTMCell(long inputSize, long hiddenSize) { super(RecurrentKind.LSTM, inputSize, hiddenSize); }

    public LSTMCell(long inputSize, long hiddenSize, boolean bias) {
        this(inputSize, hiddenSize);
        bias(bias);
    }

    /** (h', c') from zero states; recorded like {@code apply}. */
    public LSTMState run(Tensor x) { return runAll(x); }

    /** (h', c') from the states h and c ([N, H], or [H] for unbatched x). */
    public LSTMState run(Tensor x, Tensor h, Tensor c) { return runAll(x, h, c); }

    private LSTMState runAll(Tensor... inputs) {
        return call(in -> {
            var next = step(in);
            return new LSTMState(next.output(), next.cN());
        }, LSTMState::h, inputs);
    }
}
