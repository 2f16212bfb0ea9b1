package dev.nnsh.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a table with a torchinfo reference output (torchinfo's own output, in src/test/resources/dev/nnsh/summary/golden/): every line equal,
 * except that torchinfo counts 56 bytes of Python object overhead per input tensor in the Input size
 * and Estimated Total Size lines, which nnsh leaves out; those two lines must show the reference's
 * bytes less that overhead, within the rounding of the two printed values.
 */
final class Golden {
    static final long PYTHON_TENSOR_OVERHEAD = 56;
    private static final Pattern SIZE_LINE = Pattern.compile("(Input size|Estimated Total Size)(?: \\((kB|MB|GB|TB)\\))?: ([\\d,.]+)");

    private Golden() {}

    static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("golden/" + name)) {
            if (in == null) throw new IllegalStateException("missing golden file " + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertMatches(String goldenName, String actual, int inputTensors) {
        List<String> expected = read(goldenName).lines().toList();
        List<String> got = actual.lines().toList();
        assertEquals(expected.size(), got.size(), "line count differs:\n" + actual);
        for (int i = 0; i < expected.size(); i++) {
            Matcher e = SIZE_LINE.matcher(expected.get(i));
            if (e.matches()) {
                Matcher g = SIZE_LINE.matcher(got.get(i));
                assertTrue(g.matches() && g.group(1).equals(e.group(1)), "line " + i + ": expected a line like \""
                        + expected.get(i) + "\", got \"" + got.get(i) + "\"");
                double expectedBytes = bytes(e) - PYTHON_TENSOR_OVERHEAD * inputTensors;
                double tolerance = 0.01 * scale(e.group(2)) + 1e-6;
                assertEquals(expectedBytes, bytes(g), tolerance, "line " + i + ": \"" + got.get(i)
                        + "\" is not \"" + expected.get(i) + "\" less " + inputTensors + "×56 bytes");
            } else {
                assertEquals(expected.get(i), got.get(i), "line " + i + " differs; whole table:\n" + actual);
            }
        }
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
