package dev.nnsh.nn;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.ops.Args;
import dev.nnsh.ops.RecurrentKind;
import dev.nnsh.ops.RecurrentOps;
import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.Tensor;

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
    public RecurrentOutput run(Tensor x) { return runAll(x); }

    /** {@code run} with initial states; subclasses offer it with their own argument names. */
    final RecurrentOutput runAll(Tensor... inputs) { return call(this::compute, RecurrentOutput::output, inputs); }

    @Override public Tensor forward(Tensor x) { return compute(new Tensor[]{x}).output(); }

    @Override public Tensor forward(Tensor... inputs) { return compute(inputs).output(); }

    private RecurrentOutput compute(Tensor[] inputs) {
        var config = new RecurrentOps.Config(kind, inputSize, hiddenSize, numLayers, numDirections(), batchFirst, dropout,
                isTraining());
        RecurrentOps.Output out = RecurrentOps.sequence(typeName(), config, weights(inputs[0]), inputs);
        return new RecurrentOutput(out.output(), out.hN(), out.cN());
    }

    private List<RecurrentOps.Weights> weights(Tensor input) {
        var params = ownParameters();
        List<RecurrentOps.Weights> out = new ArrayList<>();
        for (int layer = 0; layer < numLayers; layer++) {
            for (int d = 0; d < numDirections(); d++) {
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                out.add(new RecurrentOps.Weights(params.get("weight_ih" + suffix).valueFor(input),
                        params.get("weight_hh" + suffix).valueFor(input),
                        bias ? params.get("bias_ih" + suffix).valueFor(input) : null,
                        bias ? params.get("bias_hh" + suffix).valueFor(input) : null));
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
