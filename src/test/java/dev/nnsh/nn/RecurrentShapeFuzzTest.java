package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Random recurrent layers and cells on random inputs and states (some deliberately wrong): the
 * shape-only and the real pass must return the same shapes (output, hN, cN) or fail with the same message.
 */
class RecurrentShapeFuzzTest {
    private static final int CASES = 300;
    private final Random rng = new Random(7);

    private int between(int lo, int hi) { return lo + rng.nextInt(hi - lo + 1); }

    /** Sometimes off by one from the right size, so that wrong cases occur. */
    private long mostly(long right) { return rng.nextInt(6) == 0 ? Math.max(1, right + (rng.nextBoolean() ? 1 : -1)) : right; }

    private record Case(String what, Supplier<Module> layer, List<long[]> inputs, boolean training) {}

    private Case randomCase() {
        int in = between(1, 4), hidden = between(1, 4), layers = between(1, 3);
        boolean bidirectional = rng.nextBoolean(), batchFirst = rng.nextBoolean(), bias = rng.nextBoolean();
        boolean training = rng.nextBoolean();
        double dropout = rng.nextBoolean() ? 0 : rng.nextDouble();
        int kind = rng.nextInt(6);
        long steps = between(1, 3), batch = between(1, 3);
        int rank = rng.nextInt(8) == 0 ? between(1, 4) : rng.nextBoolean() ? 3 : 2;
        List<long[]> inputs = new ArrayList<>();
        if (kind < 3) {
            long[] x = rank == 3 ? (batchFirst ? new long[]{batch, steps, mostly(in)} : new long[]{steps, batch, mostly(in)})
                    : rank == 2 ? new long[]{steps, mostly(in)} : randomShape(rank);
            inputs.add(x);
            int states = rng.nextBoolean() ? 0 : kind == 1 ? 2 : 1;
            if (rng.nextInt(10) == 0) states = 1 + rng.nextInt(2);
            long rows = (long) layers * (bidirectional ? 2 : 1);
            for (int i = 0; i < states; i++) {
                inputs.add(rank == 3 ? new long[]{mostly(rows), mostly(batch), mostly(hidden)} : new long[]{mostly(rows), mostly(hidden)});
            }
            String what = (kind == 0 ? "RNN" : kind == 1 ? "LSTM" : "GRU") + "(" + in + ", " + hidden + ", " + layers
                    + ", bi=" + bidirectional + ", batchFirst=" + batchFirst + ", bias=" + bias + ", dropout=" + dropout + ")";
            return new Case(what, () -> {
                RNNBase<?> m = kind == 0 ? new RNN(in, hidden, layers, rng.nextBoolean() ? "tanh" : "relu")
                        : kind == 1 ? new LSTM(in, hidden, layers) : new GRU(in, hidden, layers);
                m.bidirectional(bidirectional).batchFirst(batchFirst).bias(bias).dropout(dropout);
                return m;
            }, inputs, training);
        }
        boolean batched = rank != 2 ? rng.nextBoolean() : false;
        inputs.add(rank >= 4 ? randomShape(rank) : batched ? new long[]{batch, mostly(in)} : new long[]{mostly(in)});
        int states = rng.nextBoolean() ? 0 : kind == 4 ? 2 : 1;
        for (int i = 0; i < states; i++) inputs.add(batched ? new long[]{mostly(batch), mostly(hidden)} : new long[]{mostly(hidden)});
        String what = (kind == 3 ? "RNNCell" : kind == 4 ? "LSTMCell" : "GRUCell") + "(" + in + ", " + hidden + ", bias=" + bias + ")";
        return new Case(what, () -> kind == 3 ? new RNNCell(in, hidden, bias) : kind == 4 ? new LSTMCell(in, hidden, bias)
                : new GRUCell(in, hidden, bias), inputs, training);
    }

    private long[] randomShape(int rank) {
        long[] s = new long[rank];
        for (int i = 0; i < rank; i++) s[i] = between(1, 4);
        return s;
    }

    /** Shapes of everything the layer returns, or the error. */
    private static String run(Module layer, Tensor[] inputs, boolean training) {
        layer.train(training);
        try {
            List<Tensor> results = new ArrayList<>();
            if (layer instanceof RNNBase<?> rnn && inputs.length == 1) {
                RecurrentOutput r = rnn.run(inputs[0]);
                results.addAll(Arrays.asList(r.output(), r.hN(), r.cN()));
            } else if (layer instanceof LSTMCell cell && inputs.length != 2) {
                LSTMState s = inputs.length == 1 ? cell.run(inputs[0]) : cell.run(inputs[0], inputs[1], inputs[2]);
                results.addAll(Arrays.asList(s.h(), s.c()));
            } else {
                results.add(layer.apply(inputs));
            }
            StringBuilder sb = new StringBuilder("shapes");
            for (Tensor t : results) {
                if (t == null) { sb.append(" none"); continue; }
                assertEquals(inputs[0].isShapeOnly(), t.isShapeOnly());
                sb.append(' ').append(Arrays.toString(t.shape()));
            }
            return sb.toString();
        } catch (ModuleException e) {
            return "error " + e.getMessage();
        }
    }

    @Test void shapeOnlyAndRealPassesAgree() {
        int failures = 0, successes = 0;
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase();
            Tensor[] shapeOnly = c.inputs().stream().map(Tensor::shapeOnly).toArray(Tensor[]::new);
            Tensor[] real = c.inputs().stream().map(Tensor::rand).toArray(Tensor[]::new);
            String expected = run(c.layer().get(), shapeOnly, c.training());
            String actual = run(c.layer().get(), real, c.training());
            String inputs = c.inputs().stream().map(Arrays::toString).reduce((a, b) -> a + " " + b).orElse("");
            assertEquals(actual, expected, "case " + i + ": " + c.what() + " on " + inputs);
            if (actual.startsWith("error")) failures++; else successes++;
        }
        assertTrue(failures >= CASES / 10, "too few invalid cases to mean anything: " + failures);
        assertTrue(successes >= CASES / 3, "too few valid cases to mean anything: " + successes);
    }
}
