package dev.nnsh.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a table with torchinfo's own output for the same network: every line equal, except that
 * torchinfo counts 56 bytes of Python object overhead per input tensor in the Input size and
 * Estimated Total Size lines, which nnsh leaves out; those two lines must show the reference's bytes
 * less that overhead, within the rounding of the two printed values. Trailing spaces are ignored.
 */
public final class TorchinfoTables {
    public static final long PYTHON_TENSOR_OVERHEAD = 56;
    private static final Pattern SIZE_LINE = Pattern.compile("(Input size|Estimated Total Size)(?: \\((kB|MB|GB|TB)\\))?: ([\\d,.]+)");

    private TorchinfoTables() {}

    /** {@code label} names the reference in failure messages (a file name). */
    public static void assertSame(String label, String reference, String actual, int inputTensors) {
        List<String> expected = lines(reference);
        List<String> got = lines(actual);
        for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
            Matcher e = SIZE_LINE.matcher(expected.get(i));
            if (e.matches()) {
                Matcher g = SIZE_LINE.matcher(got.get(i));
                assertTrue(g.matches() && g.group(1).equals(e.group(1)), label + " line " + (i + 1)
                        + ": expected a line like \"" + expected.get(i) + "\", got \"" + got.get(i) + "\"");
                double expectedBytes = bytes(e) - PYTHON_TENSOR_OVERHEAD * inputTensors;
                double tolerance = 0.01 * scale(e.group(2)) + 1e-6;
                assertEquals(expectedBytes, bytes(g), tolerance, label + " line " + (i + 1) + ": \"" + got.get(i)
                        + "\" is not \"" + expected.get(i) + "\" less " + inputTensors + "×56 bytes");
            } else {
                assertEquals(expected.get(i), got.get(i), label + " line " + (i + 1) + " differs; whole table:\n" + actual);
            }
        }
        assertEquals(expected.size(), got.size(), label + ": line count differs:\n" + actual);
    }

    private static List<String> lines(String s) {
        return s.strip().lines().map(String::stripTrailing).toList();
    }

    private static double bytes(Matcher m) {
        return Double.parseDouble(m.group(3).replace(",", "")) * scale(m.group(2));
    }

    private static double scale(String unit) {
        if (unit == null) return 1;
        return switch (unit) {
            case "kB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            default -> 1e12;
        };
    }
}
