package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.nnsh.Nnsh;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The progress line of a real pass. The test JVM has no terminal, so {@code nnsh.progress=on} stands in
 * for one and {@code nnsh.progress.afterMillis=0} for a pass longer than a second.
 */
class ProgressLineTest {
    private final PrintStream originalErr = System.err;

    @AfterEach void restore() {
        System.setErr(originalErr);
        System.clearProperty("nnsh.progress");
        System.clearProperty("nnsh.progress.afterMillis");
    }

    private String stderrOf(Runnable pass) {
        var buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            pass.run();
        } finally {
            System.setErr(originalErr);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static Sequential net() { return new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2)); }

    @Test void aRealPassOnATerminalShowsLayerKOfNAndErasesTheLineAtTheEnd() {
        System.setProperty("nnsh.progress", "on");
        System.setProperty("nnsh.progress.afterMillis", "0");
        String err = stderrOf(() -> net().apply(Tensor.rand(2, 4)));
        assertTrue(err.startsWith("\r\033[Klayer 1 of 3 · 0 (Linear) · "), err);
        assertTrue(err.contains("layer 3 of 3 · 2 (Linear) · "), err);
        assertTrue(err.endsWith(" s\033[2K\r"), err); // the last paint ends in its elapsed seconds, then the line is erased
    }

    @Test void aRealSummaryShowsItToo() {
        System.setProperty("nnsh.progress", "on");
        System.setProperty("nnsh.progress.afterMillis", "0");
        String err = stderrOf(() -> Nnsh.summary(net(), Nnsh.options().inputData(Tensor.rand(2, 4)).verbose(0)));
        assertTrue(err.contains("layer 1 of 3 · 0 (Linear)"), err);
    }

    @Test void nothingWithoutATerminalForShapeOnlyPassesOrBeforeTheDelay() {
        assertEquals("", stderrOf(() -> net().apply(Tensor.rand(2, 4)))); // the test JVM's stderr is not a terminal
        System.setProperty("nnsh.progress", "on");
        System.setProperty("nnsh.progress.afterMillis", "0");
        assertEquals("", stderrOf(() -> net().apply(Tensor.shapeOnly(2, 4))));
        System.setProperty("nnsh.progress.afterMillis", "3600000");
        assertEquals("", stderrOf(() -> net().apply(Tensor.rand(2, 4))));
        System.setProperty("nnsh.progress", "off");
        System.setProperty("nnsh.progress.afterMillis", "0");
        assertEquals("", stderrOf(() -> net().apply(Tensor.rand(2, 4))));
    }
}
