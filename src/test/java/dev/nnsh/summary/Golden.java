package dev.nnsh.summary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The torchinfo reference outputs in src/test/resources/dev/nnsh/summary/golden/, compared by {@link TorchinfoTables}. */
final class Golden {
    static final long PYTHON_TENSOR_OVERHEAD = TorchinfoTables.PYTHON_TENSOR_OVERHEAD;

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
        TorchinfoTables.assertSame(goldenName, read(goldenName), actual, inputTensors);
    }
}
