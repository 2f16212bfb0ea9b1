package dev.nnsh.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a summary with the table torchinfo printed for the torchvision model (made by
 * tools/torchinfo_zoo_references.py): every line equal, except Input size and Estimated Total Size,
 * where torchinfo adds Python's 56-byte object overhead per input tensor and nnsh does not; those
 * must show the reference's bytes less the overhead, within the rounding of the printed values.
 */
final class TorchinfoTable {
    static final long PYTHON_TENSOR_OVERHEAD = 56;
    private static final Pattern SIZE_LINE = Pattern.compile("(Input size|Estimated Total Size)(?: \\((kB|MB|GB|TB)\\))?: ([\\d,.]+)");

    private TorchinfoTable() {}

    static void assertMatches(String referenceFile, String actual) {
        List<String> expected = ZooStructureTest.resource(referenceFile).lines().toList();
        List<String> got = actual.lines().toList();
        for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
            Matcher e = SIZE_LINE.matcher(expected.get(i));
            if (e.matches()) {
                Matcher g = SIZE_LINE.matcher(got.get(i));
                assertTrue(g.matches() && g.group(1).equals(e.group(1)), referenceFile + " line " + (i + 1)
                        + ": expected a line like \"" + expected.get(i) + "\", got \"" + got.get(i) + "\"");
                double expectedBytes = bytes(e) - PYTHON_TENSOR_OVERHEAD;
                double tolerance = 0.01 * scale(e.group(2)) + 1e-6;
                assertEquals(expectedBytes, bytes(g), tolerance, referenceFile + " line " + (i + 1) + ": \""
                        + got.get(i) + "\" is not \"" + expected.get(i) + "\" less 56 bytes");
            } else {
                assertEquals(expected.get(i), got.get(i), referenceFile + " line " + (i + 1) + " differs; whole table:\n" + actual);
            }
        }
        assertEquals(expected.size(), got.size(), referenceFile + ": line count differs:\n" + actual);
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
