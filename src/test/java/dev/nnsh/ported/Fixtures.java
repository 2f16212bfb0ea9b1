package dev.nnsh.ported;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.nnsh.nn.Module;
import dev.nnsh.summary.ModelStatistics;
import dev.nnsh.tensor.Tensor;

/** The committed PyTorch fixtures of tools/make_ported_network_fixtures.py: weights, input, output, torchinfo's table. */
final class Fixtures {
    private Fixtures() {}

    static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/ported/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Tensor tensor(String net, String file) { return Tensor.load(dir(net).resolve(file + ".npy")); }

    static Map<String, Tensor> weights(String net) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir(net).resolve("weights"))) {
            for (Path p : files.sorted().toList()) {
                String file = p.getFileName().toString();
                out.put(file.substring(0, file.length() - ".npy".length()), Tensor.load(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String torchinfo(String net) {
        try {
            return Files.readString(dir(net).resolve("summary.out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** torchinfo's table for the PyTorch original (one input tensor), compared by {@link dev.nnsh.summary.TorchinfoTables}. */
    static void assertSameTable(String expected, ModelStatistics stats) {
        dev.nnsh.summary.TorchinfoTables.assertSame("torchinfo's table", expected, stats.toString(), 1);
    }

    static void assertClose(Tensor want, Tensor got, double rel) {
        assertArrayEquals(want.shape(), got.shape(), "shape");
        float[] w = want.toFloatArray(), g = got.toFloatArray();
        double scale = 0;
        for (float f : w) scale = Math.max(scale, Math.abs(f));
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i], g[i], rel * Math.max(scale, 1e-30) + 1e-7, "element " + i + " (max |value| " + scale + ")");
        }
    }

    static void assertNothingMaterialised(Module net) {
        for (var p : net.namedParameters().entrySet()) assertFalse(p.getValue().isMaterialized(), p.getKey());
        for (var b : net.namedBuffers().entrySet()) assertFalse(b.getValue().isMaterialized(), b.getKey());
    }
}
