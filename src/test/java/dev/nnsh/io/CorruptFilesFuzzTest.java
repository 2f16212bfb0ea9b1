package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged copies of the fixtures (bytes overwritten, or the file cut short, at seeded random places)
 * either load or fail with a WeightsException naming the file: no other exception, no crash.
 */
class CorruptFilesFuzzTest {
    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"dtypes.pth", "dtypes.safetensors", "tiny_resnet.npz", "tiny_resnet.pth"})
    void damagedFilesFailCleanly(String fixture) throws Exception {
        byte[] original = Files.readAllBytes(Fixtures.file(fixture));
        Random random = new Random(fixture.hashCode());
        List<String> leaks = new ArrayList<>();
        for (int trial = 0; trial < 150; trial++) {
            byte[] bytes = original.clone();
            if (trial % 5 == 4) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            } else {
                int n = 1 + random.nextInt(4);
                // mostly near the start, where headers and the pickle are
                for (int i = 0; i < n; i++) {
                    int at = random.nextBoolean() ? random.nextInt(Math.min(bytes.length, 2048)) : random.nextInt(bytes.length);
                    bytes[at] = (byte) random.nextInt(256);
                }
            }
            Path file = Files.write(tmp.resolve(trial + "-" + fixture), bytes);
            try {
                Weights.load(file);
            } catch (WeightsException e) {
                if (!e.getMessage().startsWith(file.toString())) leaks.add("unnamed file: " + e.getMessage());
            } catch (RuntimeException | Error e) {
                leaks.add("trial " + trial + ": " + e);
            }
        }
        assertEquals(List.of(), leaks);
    }
}
