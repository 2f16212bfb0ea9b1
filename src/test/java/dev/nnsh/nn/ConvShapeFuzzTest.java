package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Random layer configurations and input sizes: a shape-only pass and a real pass must give the same
 * output shape, or both fail with the same message.
 */
class ConvShapeFuzzTest {
    private static final int CONFIGS = 400;
    private final Random rnd = new Random(2024);
    private int valid, invalid, rejectedAtConstruction;

    /** The output shape, or the error message. */
    private static String outcome(Supplier<Tensor> pass) {
        try {
            return "shape " + Shapes.format(pass.get().shape());
        } catch (RuntimeException e) {
            return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private int between(int lo, int hi) { return lo + rnd.nextInt(hi - lo + 1); }

    private long[] input(int spatialDims, long channels) {
        long[] shape = new long[2 + spatialDims];
        shape[0] = between(1, 2);
        shape[1] = rnd.nextInt(10) == 0 ? channels + 1 : channels;
        for (int i = 0; i < spatialDims; i++) shape[2 + i] = between(1, 9);
        if (rnd.nextInt(12) == 0) return Arrays.copyOfRange(shape, 1, shape.length); // unbatched (or too few dims)
        return shape;
    }

    private Module conv2d(int g) {
        Conv2d c = new Conv2d((long) g * between(1, 3), (long) g * between(1, 3), between(1, 4)).groups(g);
        if (rnd.nextBoolean()) c.kernelSize(between(1, 4), between(1, 4));
        if (rnd.nextInt(4) == 0) c.padding("same");
        else c.stride(between(1, 3), between(1, 3)).padding(between(0, 2), between(0, 2));
        if (rnd.nextBoolean()) c.dilation(between(1, 2), between(1, 2));
        return c.bias(rnd.nextBoolean());
    }

    private Module conv1d(int g) {
        Conv1d c = new Conv1d((long) g * between(1, 3), (long) g * between(1, 3), between(1, 4)).groups(g);
        if (rnd.nextInt(4) == 0) c.padding("same");
        else c.stride(between(1, 3)).padding(between(0, 2));
        return c.dilation(between(1, 2)).bias(rnd.nextBoolean());
    }

    private Module convTranspose2d(int g) {
        return new ConvTranspose2d((long) g * between(1, 3), (long) g * between(1, 3), between(1, 3), between(1, 3),
                between(0, 2), between(0, 2), g, rnd.nextBoolean(), between(1, 2));
    }

    private Module layer(int kind) {
        int g = between(1, 3);
        return switch (kind) {
            case 0 -> conv2d(g);
            case 1 -> conv1d(g);
            case 2 -> convTranspose2d(g);
            case 3 -> new MaxPool2d(between(1, 4), between(1, 3), between(0, 2), between(1, 2)).ceilMode(rnd.nextBoolean());
            case 4 -> new MaxPool1d(between(1, 4), between(1, 3), between(0, 2), between(1, 2)).ceilMode(rnd.nextBoolean());
            case 5 -> new AvgPool2d(between(1, 4), between(1, 3), between(0, 2), rnd.nextBoolean(), rnd.nextBoolean());
            case 6 -> rnd.nextBoolean() ? new AdaptiveAvgPool2d(between(1, 5)) : new AdaptiveAvgPool2d(between(1, 5), between(1, 5));
            default -> rnd.nextBoolean() ? new Upsample().size(between(1, 12), between(1, 12)).mode(rnd.nextBoolean() ? "nearest" : "bilinear")
                    : new Upsample().scaleFactor(0.3 + 2.5 * rnd.nextDouble()).mode(rnd.nextBoolean() ? "nearest" : "bilinear");
        };
    }

    private static long channelsOf(Module m) {
        return m instanceof ConvNd<?> c ? c.inChannels() : 3;
    }

    @Test void shapeOnlyAndRealPassesAgreeOnShapesAndErrors() {
        for (int i = 0; i < CONFIGS; i++) {
            int kind = i % 8;
            Module layer;
            try {
                layer = layer(kind);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().matches("^(Conv1d|Conv2d|ConvTranspose2d|MaxPool2d|MaxPool1d|AvgPool2d|AdaptiveAvgPool2d|Upsample): .*"),
                        "construction errors name the layer: " + e.getMessage());
                rejectedAtConstruction++;
                continue;
            }
            long[] shape = input(kind == 1 || kind == 4 ? 1 : 2, channelsOf(layer));
            String shapeOnly = outcome(() -> layer.apply(Tensor.shapeOnly(shape)));
            String real = outcome(() -> layer.apply(Tensor.rand(shape)));
            assertEquals(shapeOnly, real, layer + " on input " + Shapes.format(shape));
            if (shapeOnly.startsWith("shape")) valid++;
            else invalid++;
        }
        assertTrue(valid > 150, "valid configurations: " + valid);
        assertTrue(invalid > 30, "invalid configurations: " + invalid);
        assertTrue(rejectedAtConstruction > 10, "rejected at construction: " + rejectedAtConstruction);
    }
}
