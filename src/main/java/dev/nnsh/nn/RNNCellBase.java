package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.ops.RecurrentKind;
import dev.nnsh.ops.RecurrentOps;
import dev.nnsh.tensor.Tensor;

/**
 * What {@link RNNCell}, {@link LSTMCell} and {@link GRUCell} share, like PyTorch's {@code nn.RNNCellBase}:
 * one time step on x [N, H_in] (or unbatched [H_in]) with parameters {@code weight_ih} [gates·H, H_in],
 * {@code weight_hh} [gates·H, H], {@code bias_ih}, {@code bias_hh}, all uniform in ±1/√hidden_size.
 * {@code apply} returns the next hidden state h'; missing states are zeros.
 */
public abstract class RNNCellBase<S extends RNNCellBase<S>> extends Module {
    private RecurrentKind kind;
    private final long inputSize;
    private final long hiddenSize;
    private boolean bias = true;

    RNNCellBase(RecurrentKind kind, long inputSize, long hiddenSize) {
        this.kind = kind;
        this.inputSize = Args.positive(typeName(), "input_size", inputSize);
        this.hiddenSize = Args.positive(typeName(), "hidden_size", hiddenSize);
        resetParameters();
    }

    @SuppressWarnings("unchecked")
    private S self() { return (S) this; }

    /** Whether the cell has the biases b_ih and b_hh (default true). */
    public S bias(boolean on) {
        bias = on;
        resetParameters();
        return self();
    }

    void kind(RecurrentKind value) { kind = value; }

    RecurrentKind kind() { return kind; }

    public long inputSize() { return inputSize; }

    public long hiddenSize() { return hiddenSize; }

    private void resetParameters() {
        Init init = Init.uniform(1.0 / Math.sqrt(hiddenSize));
        long gateRows = kind.gates() * hiddenSize;
        addParameter("weight_ih", init, gateRows, inputSize);
        addParameter("weight_hh", init, gateRows, hiddenSize);
        if (bias) {
            addParameter("bias_ih", init, gateRows);
            addParameter("bias_hh", init, gateRows);
        } else {
            removeParameter("bias_ih");
            removeParameter("bias_hh");
        }
    }

    @Override public Tensor forward(Tensor x) { return step(new Tensor[]{x}).output(); }

    @Override public Tensor forward(Tensor... inputs) { return step(inputs).output(); }

    /** One step: the next h (as output) and, for the LSTM cell, c (as cN; else null). */
    final RecurrentOps.Output step(Tensor[] inputs) {
        var params = ownParameters();
        Tensor x = inputs[0];
        var weights = new RecurrentOps.Weights(params.get("weight_ih").valueFor(x), params.get("weight_hh").valueFor(x),
                bias ? params.get("bias_ih").valueFor(x) : null, bias ? params.get("bias_hh").valueFor(x) : null);
        return RecurrentOps.cell(typeName(), kind, inputSize, hiddenSize, weights, inputs);
    }

    /** PyTorch's extra_repr: {@code 10, 20}, then {@code bias=False} and a relu nonlinearity when set. */
    @Override public String extraRepr() {
        return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=False")
                + (kind == RecurrentKind.RNN_RELU ? ", nonlinearity=relu" : "");
    }
}
