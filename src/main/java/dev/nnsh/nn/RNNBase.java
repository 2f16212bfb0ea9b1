package dev.nnsh.nn;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.MemoryGuard;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share, like PyTorch's {@code nn.RNNBase}: the
 * arguments, the parameters ({@code weight_ih_l0} [gates·H, H_in], {@code weight_hh_l0} [gates·H, H],
 * {@code bias_ih_l0}, {@code bias_hh_l0}, then {@code _reverse} for the backward direction, layer by
 * layer; all uniform in ±1/√hidden_size), the shape rules and the forward pass.
 *
 * <p>{@code apply(x)}, {@code apply(x, h0)} (LSTM: {@code apply(x, h0, c0)}) return the output
 * sequence, the first element of PyTorch's tuple; {@code run(...)} with the same arguments returns all
 * of it as a {@link RecurrentOutput}. Missing initial states are zeros.
 */
public abstract class RNNBase<S extends RNNBase<S>> extends Module {
    private RecurrentKind kind;
    private final long inputSize;
    private final long hiddenSize;
    private final int numLayers;
    private boolean bias = true;
    private boolean batchFirst;
    private boolean bidirectional;
    private double dropout;
    private final List<String> parameterNames = new ArrayList<>();
    private final CallCapture<RecurrentOutput> capture = new CallCapture<>();

    RNNBase(RecurrentKind kind, long inputSize, long hiddenSize, int numLayers) {
        this.kind = kind;
        this.inputSize = Args.positive(typeName(), "input_size", inputSize);
        this.hiddenSize = Args.positive(typeName(), "hidden_size", hiddenSize);
        this.numLayers = Args.positive(typeName(), "num_layers", numLayers);
        resetParameters();
    }

    @SuppressWarnings("unchecked")
    private S self() { return (S) this; }

    /** Whether the layers have the biases b_ih and b_hh (PyTorch's {@code bias}, default true). */
    public S bias(boolean on) {
        bias = on;
        resetParameters();
        return self();
    }

    /** Input and output as [N, L, features] instead of [L, N, features]; states are unaffected. */
    public S batchFirst(boolean on) {
        batchFirst = on;
        return self();
    }

    /** A second, backward direction per layer; outputs are the two directions concatenated. */
    public S bidirectional(boolean on) {
        bidirectional = on;
        resetParameters();
        return self();
    }

    /** Dropout probability on the outputs of every layer but the last, in training mode. */
    public S dropout(double p) {
        dropout = Args.probability(typeName(), "dropout", p);
        return self();
    }

    void kind(RecurrentKind value) { kind = value; }

    RecurrentKind kind() { return kind; }

    public long inputSize() { return inputSize; }

    public long hiddenSize() { return hiddenSize; }

    public int numLayers() { return numLayers; }

    public int numDirections() { return bidirectional ? 2 : 1; }

    /** Weight rows per hidden unit: 4 for LSTM (i, f, g, o), 3 for GRU (r, z, n), 1 for RNN. */
    public int gates() { return kind.gates(); }

    public boolean hasBias() { return bias; }

    private void resetParameters() {
        for (String name : parameterNames) removeParameter(name);
        parameterNames.clear();
        Init init = Init.uniform(1.0 / Math.sqrt(hiddenSize));
        long gateRows = kind.gates() * hiddenSize;
        for (int layer = 0; layer < numLayers; layer++) {
            long layerInput = layer == 0 ? inputSize : numDirections() * hiddenSize;
            for (int d = 0; d < numDirections(); d++) {
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                add("weight_ih" + suffix, init, gateRows, layerInput);
                add("weight_hh" + suffix, init, gateRows, hiddenSize);
                if (bias) {
                    add("bias_ih" + suffix, init, gateRows);
                    add("bias_hh" + suffix, init, gateRows);
                }
            }
        }
    }

    private void add(String name, Init init, long... shape) {
        addParameter(name, init, shape);
        parameterNames.add(name);
    }

    // ---------------------------------------------------------------- calling

    /** The output, hN and (LSTM) cN for input x with zero initial states; recorded like {@code apply}. */
    public RecurrentOutput run(Tensor x) { return runCaptured(x); }

    final RecurrentOutput runCaptured(Tensor... inputs) {
        return capture.during(() -> apply(inputs), RecurrentOutput::output);
    }

    @Override public Tensor forward(Tensor x) { return forward(new Tensor[]{x}); }

    @Override public Tensor forward(Tensor... inputs) {
        RecurrentOutput result = compute(inputs);
        capture.offer(result);
        return result.output();
    }

    private RecurrentOutput compute(Tensor[] inputs) {
        String who = typeName();
        boolean lstm = kind.hasCellState();
        if (inputs.length != 1 && inputs.length != (lstm ? 3 : 2)) {
            throw new IllegalArgumentException(who + ": expected " + (lstm ? "input, or input, h_0 and c_0" : "input, or input and h_0")
                    + ", got " + inputs.length + " tensors");
        }
        Tensor x = inputs[0];
        RecurrentShapes.Sequence seq = RecurrentShapes.checkSequence(who, x, inputSize, batchFirst);
        long rows = (long) numLayers * numDirections();
        for (int i = 1; i < inputs.length; i++) {
            RecurrentShapes.checkSequenceState(who, i == 1 ? "h_0" : "c_0", inputs[i], seq, rows, hiddenSize);
        }
        long[] outShape = RecurrentShapes.sequenceOutputShape(seq, batchFirst, numDirections() * hiddenSize);
        long[] stateShape = RecurrentShapes.stateShape(seq, rows, hiddenSize);
        boolean shapeOnly = false;
        for (Tensor t : inputs) shapeOnly |= t.isShapeOnly();
        if (shapeOnly) {
            return new RecurrentOutput(Tensor.shapeOnly(outShape), Tensor.shapeOnly(stateShape),
                    lstm ? Tensor.shapeOnly(stateShape) : null);
        }
        checkMemory(seq, outShape, stateShape);
        long batch = seq.batch(), steps = seq.length();
        INDArray h0 = inputs.length > 1 ? inputs[1].nd().reshape('c', rows, batch, hiddenSize)
                : Nd4j.zeros(DType.FLOAT32.nd4j(), rows, batch, hiddenSize);
        INDArray c0 = !lstm ? null : inputs.length > 2 ? inputs[2].nd().reshape('c', rows, batch, hiddenSize)
                : Nd4j.zeros(DType.FLOAT32.nd4j(), rows, batch, hiddenSize);
        INDArray timeMajor = !seq.batched() ? x.nd().reshape('c', steps, 1, inputSize)
                : batchFirst ? x.nd().permute(1, 0, 2).dup('c') : x.nd();
        RecurrentOps.Result r = RecurrentOps.stack(who, kind, timeMajor, weights(), numLayers, numDirections(), hiddenSize,
                h0, c0, dropout, isTraining());
        INDArray out = seq.batched() && batchFirst ? r.output().permute(1, 0, 2).dup('c') : r.output();
        return new RecurrentOutput(Tensor.of(out.reshape('c', outShape)), Tensor.of(r.hN().reshape('c', stateShape)),
                lstm ? Tensor.of(r.cN().reshape('c', stateShape)) : null);
    }

    /** The largest arrays of a real pass: the result, a layer's input projection and its output. */
    private void checkMemory(RecurrentShapes.Sequence seq, long[] outShape, long[] stateShape) {
        MemoryGuard.checkAllocation(DType.FLOAT32, outShape);
        MemoryGuard.checkAllocation(DType.FLOAT32, stateShape);
        MemoryGuard.checkAllocation(DType.FLOAT32, new long[]{seq.length(), seq.batch(), kind.gates() * hiddenSize});
    }

    private List<RecurrentOps.Weights> weights() {
        var params = ownParameters();
        List<RecurrentOps.Weights> out = new ArrayList<>();
        for (int layer = 0; layer < numLayers; layer++) {
            for (int d = 0; d < numDirections(); d++) {
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                out.add(new RecurrentOps.Weights(params.get("weight_ih" + suffix).data().nd(),
                        params.get("weight_hh" + suffix).data().nd(),
                        bias ? params.get("bias_ih" + suffix).data().nd() : null,
                        bias ? params.get("bias_hh" + suffix).data().nd() : null));
            }
        }
        return out;
    }

    /** PyTorch's extra_repr: only what differs from the defaults ({@code 10, 20, num_layers=2, batch_first=True}). */
    @Override public String extraRepr() {
        StringBuilder s = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
        if (numLayers != 1) s.append(", num_layers=").append(numLayers);
        if (!bias) s.append(", bias=False");
        if (batchFirst) s.append(", batch_first=True");
        if (dropout != 0) s.append(", dropout=").append(PyFormat.floatRepr(dropout));
        if (bidirectional) s.append(", bidirectional=True");
        return s.toString();
    }

    // --- issue 9: getters ---
    public boolean batchFirst() { return batchFirst; }
    public boolean bidirectional() { return bidirectional; }
    public double dropout() { return dropout; }
}
