package dev.nnsh.ops;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * The shape rules of the recurrent layers and cells, checked in Java for real and shape-only tensors
 * alike: what input and states a layer accepts, and the shapes of what it returns.
 */
final class RecurrentShapes {
    private RecurrentShapes() {}

    /** A checked sequence input: unbatched [L, H_in], or [L, N, H_in] ([N, L, H_in] batch-first). */
    record Sequence(boolean batched, long length, long batch) {}

    static Sequence checkSequence(String who, Tensor x, long inputSize, boolean batchFirst) {
        checkType(who, "input", x);
        long[] s = x.shape();
        if (s.length != 2 && s.length != 3) {
            throw new ShapeException(who + ": expected input to be 2-D [L, H_in] (unbatched) or 3-D "
                    + (batchFirst ? "[N, L, H_in] (batch_first)" : "[L, N, H_in]") + ", got " + s.length
                    + "-D input of shape " + Shapes.format(s));
        }
        if (s[s.length - 1] != inputSize) {
            throw new ShapeException(who + ": input.size(-1) must be equal to input_size. Expected " + inputSize
                    + ", got " + s[s.length - 1] + " (input of shape " + Shapes.format(s) + ")");
        }
        boolean batched = s.length == 3;
        long length = batched && batchFirst ? s[1] : s[0];
        long batch = !batched ? 1 : batchFirst ? s[0] : s[1];
        if (length == 0) {
            throw new ShapeException(who + ": expected a sequence length larger than 0, got input of shape " + Shapes.format(s));
        }
        return new Sequence(batched, length, batch);
    }

    /** h_0 or c_0: [layers·directions, N, H] for batched input, [layers·directions, H] for unbatched. */
    static void checkSequenceState(String who, String name, Tensor state, Sequence seq, long layersTimesDirections,
                                   long hiddenSize) {
        checkType(who, name, state);
        long[] expected = stateShape(seq, layersTimesDirections, hiddenSize);
        long[] actual = state.shape();
        if (actual.length != expected.length) {
            throw new ShapeException(who + ": for " + (seq.batched() ? "batched 3-D" : "unbatched 2-D") + " input, "
                    + name + " should be " + expected.length + "-D " + Shapes.format(expected) + ", got " + actual.length
                    + "-D tensor of shape " + Shapes.format(actual));
        }
        if (!Shapes.same(actual, expected)) {
            throw new ShapeException(who + ": expected " + name + " of shape " + Shapes.format(expected)
                    + " (num_layers·num_directions, " + (seq.batched() ? "batch, " : "") + "hidden_size), got "
                    + Shapes.format(actual));
        }
    }

    static long[] sequenceOutputShape(Sequence seq, boolean batchFirst, long features) {
        if (!seq.batched()) return new long[]{seq.length(), features};
        return batchFirst ? new long[]{seq.batch(), seq.length(), features}
                : new long[]{seq.length(), seq.batch(), features};
    }

    static long[] stateShape(Sequence seq, long layersTimesDirections, long hiddenSize) {
        return seq.batched() ? new long[]{layersTimesDirections, seq.batch(), hiddenSize}
                : new long[]{layersTimesDirections, hiddenSize};
    }

    /** A checked cell input: [N, H_in] or unbatched [H_in]. */
    record Step(boolean batched, long batch) {}

    static Step checkCellInput(String who, Tensor x, long inputSize) {
        checkType(who, "input", x);
        long[] s = x.shape();
        if (s.length != 1 && s.length != 2) {
            throw new ShapeException(who + ": expected input to be 1-D [H_in] (unbatched) or 2-D [N, H_in], got "
                    + s.length + "-D input of shape " + Shapes.format(s));
        }
        if (s[s.length - 1] != inputSize) {
            throw new ShapeException(who + ": input has inconsistent input_size: expected " + inputSize + ", got "
                    + s[s.length - 1] + " (input of shape " + Shapes.format(s) + ")");
        }
        return new Step(s.length == 2, s.length == 2 ? s[0] : 1);
    }

    /** h or c of a cell: [N, H] for batched input, [H] for unbatched. */
    static void checkCellState(String who, String name, Tensor state, Step step, long hiddenSize) {
        checkType(who, name, state);
        long[] expected = cellStateShape(step, hiddenSize);
        long[] actual = state.shape();
        if (!Shapes.same(actual, expected)) {
            throw new ShapeException(who + ": expected " + name + " of shape " + Shapes.format(expected)
                    + (step.batched() ? " (batch, hidden_size)" : " (hidden_size) for unbatched input") + ", got "
                    + Shapes.format(actual));
        }
    }

    static long[] cellStateShape(Step step, long hiddenSize) {
        return step.batched() ? new long[]{step.batch(), hiddenSize} : new long[]{hiddenSize};
    }

    /** The parameters are float32, as PyTorch's default; like PyTorch, other input types are refused. */
    private static void checkType(String who, String name, Tensor t) {
        if (t.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(who + ": " + name + " must have the type float32 (the parameters' type), got "
                    + t.dtype());
        }
    }
}
