package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Random attention configurations and inputs (some deliberately wrong): the shape-only pass and the
 * real pass must give outputs (and attention weights) of the same shapes, or fail with the same message.
 */
class AttentionShapeFuzzTest {
    private static final int CASES = 200;
    private final Random rng = new Random(77);

    private int between(int lo, int hi) { return lo + rng.nextInt(hi - lo + 1); }

    /** Usually {@code right}; now and then one off, to provoke the shape errors. */
    private long mostly(long right) { return rng.nextInt(8) == 0 ? right + (rng.nextBoolean() ? 1 : -1 + (right == 1 ? 2 : 0)) : right; }

    /** An input description: shape and dtype, made real or shape-only on demand. */
    private record Input(long[] shape, DType dtype) {
        Tensor make(boolean real) {
            if (!real) return Tensor.shapeOnly(dtype, shape);
            return dtype == DType.BOOL ? Tensor.zeros(DType.BOOL, shape) : Tensor.rand(shape).to(dtype);
        }
    }

    private static Tensor make(Input in, boolean real) { return in == null ? null : in.make(real); }

    private Input mask(long... shape) {
        DType[] types = {DType.BOOL, DType.FLOAT32, DType.BOOL, DType.INT64};
        return new Input(shape, types[rng.nextInt(rng.nextInt(6) == 0 ? 4 : 3)]);
    }

    /** Runs a call; the outcome is the shapes it returned or the message it failed with. */
    private static String outcome(Function<Boolean, Tensor[]> call, boolean real) {
        try {
            StringBuilder sb = new StringBuilder();
            for (Tensor t : call.apply(real)) sb.append(t == null ? "null" : Arrays.toString(t.shape())).append(' ');
            return sb.toString();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test void multiheadAttentionShapeOnlyAndRealAgree() {
        int failures = 0;
        for (int c = 0; c < CASES; c++) {
            int heads = between(1, 3);
            long embed = heads * between(1, 3), kdim = rng.nextInt(4) == 0 ? between(1, 5) : embed, vdim = rng.nextInt(4) == 0 ? between(1, 5) : embed;
            boolean batchFirst = rng.nextBoolean(), batched = rng.nextInt(4) > 0, training = rng.nextBoolean(), bias = rng.nextBoolean();
            long l = between(1, 4), s = between(1, 4), n = between(1, 3);
            int rank = rng.nextInt(12) == 0 ? between(1, 4) : batched ? 3 : 2;
            Input q = new Input(sequence(rank, batchFirst, l, n, mostly(embed)), DType.FLOAT32);
            Input k = new Input(sequence(rank, batchFirst, mostly(s), mostly(n), mostly(kdim)), DType.FLOAT32);
            Input v = new Input(sequence(rank, batchFirst, s, n, mostly(vdim)), DType.FLOAT32);
            Input padding = rng.nextBoolean() ? null : batched ? mask(mostly(n), mostly(s)) : mask(mostly(s));
            Input attnMask = rng.nextBoolean() ? null : rng.nextBoolean() ? mask(mostly(l), s) : mask(mostly(n * heads), l, mostly(s));
            double p = rng.nextBoolean() ? 0 : 0.5;
            boolean average = rng.nextBoolean();
            String what = "MultiheadAttention(" + embed + ", " + heads + ", kdim=" + kdim + ", vdim=" + vdim + ", batch_first="
                    + batchFirst + ", bias=" + bias + ") q " + Arrays.toString(q.shape()) + " k " + Arrays.toString(k.shape())
                    + " v " + Arrays.toString(v.shape()) + " kpm " + (padding == null ? "-" : Arrays.toString(padding.shape()) + padding.dtype())
                    + " mask " + (attnMask == null ? "-" : Arrays.toString(attnMask.shape()) + attnMask.dtype());
            Function<Boolean, Tensor[]> call = real -> {
                var mha = new MultiheadAttention(embed, heads).kdim(kdim).vdim(vdim).bias(bias).batchFirst(batchFirst).dropout(p);
                mha.train(training);
                AttentionOutput out = mha.attend(q.make(real), k.make(real), v.make(real), make(padding, real),
                        make(attnMask, real), average);
                return new Tensor[]{out.output(), out.weights()};
            };
            String shapeOnly = outcome(call, false);
            assertEquals(shapeOnly, outcome(call, true), what);
            if (shapeOnly.contains("Exception")) failures++;
        }
        assertTrue(failures > CASES / 5 && failures < CASES * 4 / 5, "errors in " + failures + " of " + CASES + " cases");
    }

    @Test void encoderLayerShapeOnlyAndRealAgree() {
        int failures = 0;
        for (int c = 0; c < CASES / 2; c++) {
            int heads = between(1, 3);
            long model = heads * between(1, 3), l = between(1, 4), n = between(1, 3);
            boolean batchFirst = rng.nextBoolean(), batched = rng.nextInt(4) > 0, normFirst = rng.nextBoolean();
            Input src = new Input(sequence(batched ? 3 : 2, batchFirst, mostly(l), n, mostly(model)), DType.FLOAT32);
            Input attnMask = rng.nextBoolean() ? null : mask(mostly(l), l);
            Input padding = rng.nextBoolean() ? null : batched ? mask(n, mostly(l)) : mask(mostly(l));
            String what = "TransformerEncoderLayer(" + model + ", " + heads + ", batch_first=" + batchFirst + ") src "
                    + Arrays.toString(src.shape());
            Function<Boolean, Tensor[]> call = real -> {
                var layer = new TransformerEncoderLayer(model, heads).dimFeedforward(between(1, 6)).batchFirst(batchFirst)
                        .normFirst(normFirst).activation(rng.nextBoolean() ? "relu" : "gelu");
                return new Tensor[]{layer.applyWithMasks(src.make(real), make(attnMask, real), make(padding, real))};
            };
            long seed = rng.nextLong();
            rng.setSeed(seed);
            String shapeOnly = outcome(call, false);
            rng.setSeed(seed);
            assertEquals(shapeOnly, outcome(call, true), what);
            if (shapeOnly.contains("Exception")) failures++;
        }
        assertTrue(failures > 5 && failures < CASES / 2 - 5, "errors in " + failures + " of " + CASES / 2 + " cases");
    }

    /** [len, N, E] or [N, len, E] (batch first); rank 2 drops the batch; other ranks for the rank errors. */
    private static long[] sequence(int rank, boolean batchFirst, long len, long batch, long features) {
        if (rank == 2) return new long[]{len, features};
        if (rank == 3) return batchFirst ? new long[]{batch, len, features} : new long[]{len, batch, features};
        long[] s = new long[rank];
        Arrays.fill(s, 2);
        s[rank - 1] = features;
        return s;
    }
}
