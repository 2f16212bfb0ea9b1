package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/** The fixtures of tools/make_weight_fixtures.py, and bit-for-bit comparison of tensors. */
final class Fixtures {
    private Fixtures() {}

    static final Path DIR = Path.of("src", "test", "resources", "weights");

    static Path file(String name) { return DIR.resolve(name); }

    /** The .npy copy of a tensor, read by the tensor package's own (ND4J) reader, not by dev.nnsh.io. */
    static Tensor npy(String folder, String key) { return Tensor.load(DIR.resolve(folder).resolve(key + ".npy")); }

    /** Same dtype, shape and every element's bits (bfloat16 against its float32 widening, which is exact). */
    static void assertBitIdentical(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        boolean widenedBf16 = actual.dtype() == DType.BFLOAT16 && expected.dtype() == DType.FLOAT32;
        if (!widenedBf16) assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        if (actual.dtype().isFloatingPoint()) {
            double[] e = expected.nd().castTo(DataType.DOUBLE).dup('c').data().asDouble();
            double[] a = actual.nd().castTo(DataType.DOUBLE).dup('c').data().asDouble();
            assertEquals(e.length, a.length, what + ": length");
            for (int i = 0; i < e.length; i++) {
                if (Double.doubleToRawLongBits(e[i]) != Double.doubleToRawLongBits(a[i])) {
                    fail(what + ": element " + i + " is " + a[i] + ", expected " + e[i]);
                }
            }
        } else {
            long[] e = expected.nd().castTo(DataType.LONG).dup('c').data().asLong();
            long[] a = actual.nd().castTo(DataType.LONG).dup('c').data().asLong();
            assertArrayEquals(e, a, what + ": values");
        }
    }

    static void assertAllMatchNpy(Map<String, Tensor> loaded, String folder, Iterable<String> expectedKeys) {
        assertEquals(String.join(",", expectedKeys), String.join(",", loaded.keySet()), "keys, in order");
        for (var e : loaded.entrySet()) assertBitIdentical(npy(folder, e.getKey()), e.getValue(), e.getKey());
    }

    /** max |a - e| / max |e| (an output's relative error). */
    static double relativeError(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape(), "output shape");
        double[] e = expected.nd().castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] a = actual.nd().castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double scale = Arrays.stream(e).map(Math::abs).max().orElse(0);
        double worst = 0;
        for (int i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(a[i] - e[i]));
        return worst / scale;
    }
}
