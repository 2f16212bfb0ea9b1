package dev.nnsh.ops;

import java.util.List;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.MemoryGuard;
import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Recurrent layers and cells: the calls (shape rules from {@link RecurrentShapes}, then, for real
 * tensors, the computation) and the real computation of a multi-layer, optionally bidirectional
 * recurrence: a loop over time steps per layer and direction. The input projection of a whole layer is
 * one matrix product; each step adds the hidden projection and applies the cell's equations.
 */
public final class RecurrentOps {
    private RecurrentOps() {}

    /** The parameters of one layer and direction (or of a cell); the biases are null without bias. */
    public record Weights(Tensor ih, Tensor hh, Tensor biasIh, Tensor biasHh) {
        private WeightArrays nd() {
            return new WeightArrays(ih.nd(), hh.nd(), biasIh == null ? null : biasIh.nd(), biasHh == null ? null : biasHh.nd());
        }
    }

    /** A recurrent layer's settings. */
    public record Config(RecurrentKind kind, long inputSize, long hiddenSize, int numLayers, int directions,
                         boolean batchFirst, double dropout, boolean training) {}

    /** What a layer returns: output, hN and (LSTM only, else null) cN; for a cell, output is h' and cN c'. */
    public record Output(Tensor output, Tensor hN, Tensor cN) {}

    // ---------------------------------------------------------------- calls

    /**
     * A layer on input x and, optionally, h_0 (and, for LSTM, c_0), zeros when missing; weights layer by
     * layer, forward direction before reverse.
     */
    public static Output sequence(String who, Config c, List<Weights> weights, Tensor... inputs) {
        boolean lstm = c.kind().hasCellState();
        if (inputs.length != 1 && inputs.length != (lstm ? 3 : 2)) {
            throw new IllegalArgumentException(who + ": expected " + (lstm ? "input, or input, h_0 and c_0" : "input, or input and h_0")
                    + ", got " + inputs.length + " tensors");
        }
        Tensor x = inputs[0];
        RecurrentShapes.Sequence seq = RecurrentShapes.checkSequence(who, x, c.inputSize(), c.batchFirst());
        long rows = (long) c.numLayers() * c.directions(), hidden = c.hiddenSize();
        for (int i = 1; i < inputs.length; i++) {
            RecurrentShapes.checkSequenceState(who, i == 1 ? "h_0" : "c_0", inputs[i], seq, rows, hidden);
        }
        long[] outShape = RecurrentShapes.sequenceOutputShape(seq, c.batchFirst(), c.directions() * hidden);
        long[] stateShape = RecurrentShapes.stateShape(seq, rows, hidden);
        for (Tensor t : inputs) {
            if (t.isShapeOnly()) {
                return new Output(Tensor.shapeOnly(outShape), Tensor.shapeOnly(stateShape),
                        lstm ? Tensor.shapeOnly(stateShape) : null);
            }
        }
        // the largest arrays of a real pass: the result, the states and a layer's input projection
        MemoryGuard.checkAllocation(DType.FLOAT32, outShape);
        MemoryGuard.checkAllocation(DType.FLOAT32, stateShape);
        MemoryGuard.checkAllocation(DType.FLOAT32, new long[]{seq.length(), seq.batch(), c.kind().gates() * hidden});
        long batch = seq.batch(), steps = seq.length();
        INDArray h0 = inputs.length > 1 ? inputs[1].nd().reshape('c', rows, batch, hidden)
                : Nd4j.zeros(DType.FLOAT32.nd4j(), rows, batch, hidden);
        INDArray c0 = !lstm ? null : inputs.length > 2 ? inputs[2].nd().reshape('c', rows, batch, hidden)
                : Nd4j.zeros(DType.FLOAT32.nd4j(), rows, batch, hidden);
        INDArray timeMajor = !seq.batched() ? x.nd().reshape('c', steps, 1, c.inputSize())
                : c.batchFirst() ? x.nd().permute(1, 0, 2).dup('c') : x.nd();
        List<WeightArrays> arrays = new java.util.ArrayList<>();
        for (Weights w : weights) arrays.add(w.nd());
        Result r = stack(who, c.kind(), timeMajor, arrays, c.numLayers(), c.directions(), hidden, h0, c0, c.dropout(),
                c.training());
        INDArray out = seq.batched() && c.batchFirst() ? r.output().permute(1, 0, 2).dup('c') : r.output();
        return new Output(Tensor.of(out.reshape('c', outShape)), Tensor.of(r.hN().reshape('c', stateShape)),
                lstm ? Tensor.of(r.cN().reshape('c', stateShape)) : null);
    }

    /** One step of a cell on x and, optionally, h (and, for LSTM, c), zeros when missing: (h', null, c'). */
    public static Output cell(String who, RecurrentKind kind, long inputSize, long hiddenSize, Weights w, Tensor... inputs) {
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
        for (Tensor t : inputs) {
            if (t.isShapeOnly()) return new Output(Tensor.shapeOnly(stateShape), null, lstm ? Tensor.shapeOnly(stateShape) : null);
        }
        long batch = step.batch();
        MemoryGuard.checkAllocation(DType.FLOAT32, new long[]{batch, kind.gates() * hiddenSize});
        INDArray h = inputs.length > 1 ? inputs[1].nd().reshape('c', batch, hiddenSize) : zeros(batch, hiddenSize);
        INDArray c = !lstm ? null : inputs.length > 2 ? inputs[2].nd().reshape('c', batch, hiddenSize) : zeros(batch, hiddenSize);
        RecurrentStep.State next;
        if (batch == 0) {
            next = new RecurrentStep.State(zeros(0, hiddenSize), lstm ? zeros(0, hiddenSize) : null);
        } else {
            WeightArrays a = w.nd();
            INDArray xs = x.nd().reshape('c', batch, inputSize);
            next = RecurrentStep.step(kind, RecurrentStep.affine(xs, a.ih(), a.biasIh()),
                    RecurrentStep.affine(h, a.hh(), a.biasHh()), h, c);
        }
        return new Output(Tensor.of(next.h().reshape('c', stateShape)), null,
                lstm ? Tensor.of(next.c().reshape('c', stateShape)) : null);
    }

    private static INDArray zeros(long batch, long hidden) { return Nd4j.zeros(DType.FLOAT32.nd4j(), batch, hidden); }

    // ---------------------------------------------------------------- ND4J computation

    /** The arrays of one layer and direction. */
    private record WeightArrays(INDArray ih, INDArray hh, INDArray biasIh, INDArray biasHh) {}

    /** output [T, N, D·H]; hN and cN [L·D, N, H]; cN null except for LSTM. */
    private record Result(INDArray output, INDArray hN, INDArray cN) {}

    /**
     * Runs x [T, N, in] through the layers; weights and h0/c0 rows are ordered layer by layer, forward
     * direction before reverse. Dropout with probability {@code dropout} is applied to the output of
     * every layer but the last, in training only.
     */
    private static Result stack(String who, RecurrentKind kind, INDArray x, List<WeightArrays> weights, int numLayers,
                        int directions, long hidden, INDArray h0, INDArray c0, double dropout, boolean training) {
        long steps = x.size(0), batch = x.size(1);
        INDArray hN = Nd4j.create(x.dataType(), numLayers * directions, batch, hidden);
        INDArray cN = kind.hasCellState() ? Nd4j.create(x.dataType(), numLayers * directions, batch, hidden) : null;
        if (batch == 0) return new Result(Nd4j.create(x.dataType(), steps, 0, directions * hidden), hN, cN);
        INDArray layerInput = x;
        for (int layer = 0; layer < numLayers; layer++) {
            INDArray[] outputs = new INDArray[directions];
            for (int d = 0; d < directions; d++) {
                int row = layer * directions + d;
                RecurrentStep.State initial = new RecurrentStep.State(timeStep(h0, row).dup('c'),
                        c0 == null ? null : timeStep(c0, row).dup('c'));
                outputs[d] = Nd4j.create(x.dataType(), steps, batch, hidden);
                RecurrentStep.State last = direction(kind, layerInput, weights.get(row), initial, d == 1, outputs[d]);
                timeStep(hN, row).assign(last.h());
                if (cN != null) timeStep(cN, row).assign(last.c());
            }
            layerInput = directions == 1 ? outputs[0] : Nd4j.concat(2, outputs);
            if (training && dropout > 0 && layer < numLayers - 1) {
                layerInput = DropoutOps.dropout(who, Tensor.of(layerInput), dropout, true).nd();
            }
        }
        return new Result(layerInput, hN, cN);
    }

    /** One direction of one layer: fills out [T, N, H] step by step and returns the final state. */
    private static RecurrentStep.State direction(RecurrentKind kind, INDArray input, WeightArrays w, RecurrentStep.State state,
                                                 boolean reverse, INDArray out) {
        long steps = input.size(0), batch = input.size(1);
        INDArray inputGates = RecurrentStep.affine(input.reshape('c', steps * batch, input.size(2)), w.ih(), w.biasIh())
                .reshape('c', steps, batch, w.ih().size(0));
        for (long s = 0; s < steps; s++) {
            long t = reverse ? steps - 1 - s : s;
            INDArray hiddenGates = RecurrentStep.affine(state.h(), w.hh(), w.biasHh());
            state = RecurrentStep.step(kind, timeStep(inputGates, t), hiddenGates, state.h(), state.c());
            timeStep(out, t).assign(state.h());
        }
        return state;
    }

    /** The [N, F] slice at index t of a [T, N, F] array (a view); also row t of [L·D, N, H] states. */
    private static INDArray timeStep(INDArray sequence, long t) {
        return sequence.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
    }
}
