package dev.nnsh.nn;

import java.util.List;

import dev.nnsh.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The real computation of a multi-layer, optionally bidirectional recurrence, on shapes already
 * checked: a loop over time steps per layer and direction. The input projection of a whole layer is
 * one matrix product; each step adds the hidden projection and applies the cell's equations.
 */
final class RecurrentOps {
    private RecurrentOps() {}

    /** The parameters of one layer and direction; the biases are null without bias. */
    record Weights(INDArray ih, INDArray hh, INDArray biasIh, INDArray biasHh) {}

    /** output [T, N, D·H]; hN and cN [L·D, N, H]; cN null except for LSTM. */
    record Result(INDArray output, INDArray hN, INDArray cN) {}

    /**
     * Runs x [T, N, in] through the layers; weights and h0/c0 rows are ordered layer by layer, forward
     * direction before reverse. Dropout with probability {@code dropout} is applied to the output of
     * every layer but the last, in training only.
     */
    static Result stack(String who, RecurrentKind kind, INDArray x, List<Weights> weights, int numLayers,
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
    private static RecurrentStep.State direction(RecurrentKind kind, INDArray input, Weights w, RecurrentStep.State state,
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
    static INDArray timeStep(INDArray sequence, long t) {
        return sequence.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
    }
}
