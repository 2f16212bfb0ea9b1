package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** dev.nnsh.io sits between tensor and nn: its compiled classes refer to no nnsh package but tensor and io. */
class IoDependencyTest {
    private static final Pattern NNSH_REF = Pattern.compile("dev/nnsh/([a-z]+)/");

    @Test void ioImportsNothingAboveTensor() throws IOException {
        Path classes = Path.of("target", "classes", "dev", "nnsh", "io");
        List<Path> files;
        try (Stream<Path> s = Files.list(classes)) {
            files = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(files.size() >= 10, "compiled io classes found: " + files);
        TreeSet<String> foreign = new TreeSet<>();
        for (Path f : files) {
            // class names in the constant pool are plain UTF-8 (modified UTF-8 is identical for ASCII)
            Matcher m = NNSH_REF.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                if (!m.group(1).equals("tensor") && !m.group(1).equals("io")) foreign.add(f.getFileName() + " -> " + m.group(1));
            }
        }
        assertEquals(new TreeSet<>(), foreign, "dev.nnsh.io may use only dev.nnsh.tensor");
    }
}
