package dev.nnsh.nn;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.MemoryGuard;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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

    @Override public Tensor forward(Tensor x) { return forward(new Tensor[]{x}); }

    @Override public Tensor forward(Tensor... inputs) {
        LSTMState next = compute(inputs);
        completed(next);
        return next.h();
    }

    /** Sees every result; the LSTM cell keeps its cell state from here. */
    void completed(LSTMState next) {}

    /** The next h and, for the LSTM cell, c (else null). */
    private LSTMState compute(Tensor[] inputs) {
        String who = typeName();
        boolean lstm = kind.hasCellState();
        if (inputs.length != 1 && inputs.length != (lstm ? 3 : 2)) {
            throw new IllegalArgumentException(who + ": expected " + (lstm ? "input, or input, h and c" : "input, or input and h")
                    + ", got " + inputs.length + " tensors");
        }
        Tensor x = inputs[0];
        RecurrentShapes.Step step = RecurrentShapes.checkCellInput(who, x, inputSize);
        for (int i = 1; i < inputs.length; i++) {
            RecurrentShapes.checkCellState(who, i == 1 ? "h" : "c", inputs[i], step, hiddenSize);
        }
        long[] stateShape = RecurrentShapes.cellStateShape(step, hiddenSize);
        boolean shapeOnly = false;
        for (Tensor t : inputs) shapeOnly |= t.isShapeOnly();
        if (shapeOnly) return new LSTMState(Tensor.shapeOnly(stateShape), lstm ? Tensor.shapeOnly(stateShape) : null);
        long batch = step.batch();
        MemoryGuard.checkAllocation(DType.FLOAT32, new long[]{batch, kind.gates() * hiddenSize});
        INDArray h = inputs.length > 1 ? inputs[1].nd().reshape('c', batch, hiddenSize) : zeros(batch);
        INDArray c = !lstm ? null : inputs.length > 2 ? inputs[2].nd().reshape('c', batch, hiddenSize) : zeros(batch);
        RecurrentStep.State next = batch == 0 ? new RecurrentStep.State(zeros(0), lstm ? zeros(0) : null)
                : advance(x.nd().reshape('c', batch, inputSize), h, c);
        return new LSTMState(Tensor.of(next.h().reshape('c', stateShape)),
                lstm ? Tensor.of(next.c().reshape('c', stateShape)) : null);
    }

    private RecurrentStep.State advance(INDArray x, INDArray h, INDArray c) {
        var params = ownParameters();
        INDArray xg = RecurrentStep.affine(x, params.get("weight_ih").data().nd(), bias ? params.get("bias_ih").data().nd() : null);
        INDArray hg = RecurrentStep.affine(h, params.get("weight_hh").data().nd(), bias ? params.get("bias_hh").data().nd() : null);
        return RecurrentStep.step(kind, xg, hg, h, c);
    }

    private INDArray zeros(long batch) { return Nd4j.zeros(DType.FLOAT32.nd4j(), batch, hiddenSize); }

    /** PyTorch's extra_repr: {@code 10, 20}, then {@code bias=False} and a relu nonlinearity when set. */
    @Override public String extraRepr() {
        return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=False")
                + (kind == RecurrentKind.RNN_RELU ? ", nonlinearity=relu" : "");
    }
}
