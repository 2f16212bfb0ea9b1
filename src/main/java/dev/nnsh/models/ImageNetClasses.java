package dev.nnsh.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** ImageNet's 1000 class names, one a line in imagenet_classes.txt (written by tools/make_weight_fixtures.py). */
final class ImageNetClasses {
    private ImageNetClasses() {}

    private static List<String> names;

    static synchronized List<String> names() {
        if (names == null) names = read();
        return names;
    }

    private static List<String> read() {
        try (InputStream in = ImageNetClasses.class.getResourceAsStream("imagenet_classes.txt")) {
            if (in == null) throw new IllegalStateException("imagenet_classes.txt is missing from the classpath");
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            if (lines.size() != 1000) throw new IllegalStateException("imagenet_classes.txt has " + lines.size() + " names, not 1000");
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
