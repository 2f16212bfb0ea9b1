package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Random layer configurations and input sizes (some deliberately wrong): the shape-only pass and
 * the real pass must give the same output shape, or fail with the same message.
 */
class ShapeConsistencyTest {
    private static final int CASES = 250;
    private final Random rng = new Random(2024);

    private int between(int lo, int hi) { return lo + rng.nextInt(hi - lo + 1); }

    private long[] shape(int rank) {
        long[] s = new long[rank];
        for (int i = 0; i < rank; i++) s[i] = between(1, 4);
        return s;
    }

    /** A layer factory, an input shape, the input dtype and the mode, chosen at random. */
    private record Case(String what, Supplier<Module> layer, long[] input, DType dtype, boolean training) {}

    private Case randomCase() {
        boolean training = rng.nextBoolean();
        int kind = rng.nextInt(10);
        int c = between(1, 4);
        long[] in = shape(between(1, 5));
        if (in.length >= 2 && rng.nextInt(3) > 0) in[1] = c; // mostly the right channel count
        switch (kind) {
            case 0: return new Case("BatchNorm1d(" + c + ")", () -> new BatchNorm1d(c), in, DType.FLOAT32, training);
            case 1: {
                boolean affine = rng.nextBoolean(), track = rng.nextBoolean();
                return new Case("BatchNorm2d(" + c + ", affine=" + affine + ", track=" + track + ")",
                        () -> new BatchNorm2d(c).affine(affine).trackRunningStats(track), in, DType.FLOAT32, training);
            }
            case 2: {
                long[] normalized = shape(between(1, 2));
                if (rng.nextInt(3) > 0 && in.length >= normalized.length) {
                    System.arraycopy(normalized, 0, in, in.length - normalized.length, normalized.length);
                }
                return new Case("LayerNorm" + Arrays.toString(normalized), () -> new LayerNorm(normalized), in,
                        DType.FLOAT32, training);
            }
            case 3: {
                int groups = between(1, 3);
                long channels = (long) groups * between(1, 2);
                if (in.length >= 2 && rng.nextBoolean()) in[1] = channels;
                return new Case("GroupNorm(" + groups + ", " + channels + ")", () -> new GroupNorm(groups, channels), in,
                        DType.FLOAT32, training);
            }
            case 4: {
                int dim = between(-5, 4);
                boolean log = rng.nextBoolean();
                return new Case((log ? "LogSoftmax" : "Softmax") + "(" + dim + ")",
                        () -> log ? new LogSoftmax(dim) : new Softmax(dim), in, DType.FLOAT32, training);
            }
            case 5: {
                Supplier<Module>[] activations = new Supplier[]{ReLU6::new, LeakyReLU::new, GELU::new, () -> new GELU("tanh"),
                        SiLU::new, Sigmoid::new, Tanh::new, Hardswish::new, Identity::new, ReLU::new};
                int i = rng.nextInt(activations.length);
                return new Case("activation " + i, activations[i], in, DType.FLOAT32, training);
            }
            case 6: {
                double p = rng.nextDouble();
                return new Case("Dropout(" + p + ")", () -> new Dropout(p), in, DType.FLOAT32, training);
            }
            case 7: {
                double p = rng.nextDouble();
                return new Case("Dropout2d(" + p + ")", () -> new Dropout2d(p), in, DType.FLOAT32, training);
            }
            default: {
                int num = between(1, 6), dim = between(1, 5);
                DType type = rng.nextInt(4) == 0 ? DType.FLOAT32 : rng.nextBoolean() ? DType.INT64 : DType.INT32;
                return new Case("Embedding(" + num + ", " + dim + ")", () -> new Embedding(num, dim), in, type, training);
            }
        }
    }

    private static String run(Module layer, Tensor input, boolean training) {
        layer.train(training);
        try {
            Tensor out = layer.apply(input);
            assertEquals(input.isShapeOnly(), out.isShapeOnly());
            return "shape " + Arrays.toString(out.shape()) + " " + out.dtype();
        } catch (ModuleException e) {
            return "error " + e.getMessage();
        }
    }

    @Test void shapeOnlyAndRealPassesAgree() {
        int failures = 0, successes = 0;
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase();
            String shapeOnly = run(c.layer().get(), Tensor.shapeOnly(c.dtype(), c.input()), c.training());
            Tensor real = c.dtype().isFloatingPoint() ? Tensor.rand(c.input()) : Tensor.zeros(c.dtype(), c.input());
            String realPass = run(c.layer().get(), real, c.training());
            assertEquals(realPass, shapeOnly, "case " + i + ": " + c.what() + " on " + Arrays.toString(c.input())
                    + " " + c.dtype() + (c.training() ? " (train)" : " (eval)"));
            if (realPass.startsWith("error")) failures++; else successes++;
        }
        assertTrue(failures >= CASES / 10, "too few invalid cases to mean anything: " + failures);
        assertTrue(successes >= CASES / 2, "too few valid cases to mean anything: " + successes);
    }
}
