package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnsh.tensor.Tensor;

/** Issue 11 (tf): a tensor's values in row-major order, and their check against double-precision expected values. */
final class NearValues {
    private NearValues() {}

    static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    /** Every element within {@code tolerance}, relative to max(1, |expected|). */
    static void assertNear(double[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < actual.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance * Math.max(1, Math.abs(expected[i])))) {
                fail("element " + i + ": expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }
}
