package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class VersionTest {
    @Test void theShellsVersionIsThePoms() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        // the project's own <version>, the first one after its <artifactId>nnsh</artifactId>
        Matcher m = Pattern.compile("<artifactId>nnsh</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertEquals(true, m.find(), "no project version in pom.xml");
        assertEquals(m.group(1), Main.VERSION);
    }
}
