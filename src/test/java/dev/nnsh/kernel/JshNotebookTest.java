package dev.nnsh.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JshNotebookTest {
    static final Path TUTORIALS = Path.of("tutorials").toAbsolutePath();

    static List<Path> tutorials() throws IOException {
        try (Stream<Path> files = Files.list(TUTORIALS)) {
            return files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
        }
    }

    static Path notebookOf(Path lesson) {
        return TUTORIALS.resolve("notebooks").resolve(lesson.getFileName().toString().replace(".jsh", ".ipynb"));
    }

    @Test void commentParagraphsBecomeMarkdownAndEachStepOneCodeCell() {
        String script = """
                // Lesson 9: a title
                //
                // What it is about.

                int a = 1;

                // Step 1. Add.
                int b = a + 1;
                // a comment inside code stays code

                System.out.println(b);
                """;
        JsonObject nb = JsonParser.parseString(JshNotebook.of(script)).getAsJsonObject();
        JsonArray cells = nb.getAsJsonArray("cells");
        assertEquals(4, cells.size());
        assertCell(cells, 0, "markdown", "# Lesson 9: a title\n\nWhat it is about.");
        assertCell(cells, 1, "code", "int a = 1;");
        assertCell(cells, 2, "markdown", "Step 1. Add.");
        assertCell(cells, 3, "code", "int b = a + 1;\n// a comment inside code stays code\n\nSystem.out.println(b);");
        assertEquals("nnsh", nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString());
        assertEquals(4, nb.get("nbformat").getAsInt());
    }

    private static void assertCell(JsonArray cells, int i, String type, String source) {
        JsonObject c = cells.get(i).getAsJsonObject();
        assertEquals(type, c.get("cell_type").getAsString(), "cell " + i);
        StringBuilder s = new StringBuilder();
        c.getAsJsonArray("source").forEach(line -> s.append(line.getAsString()));
        assertEquals(source, s.toString(), "cell " + i);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tutorials")
    void theCommittedNotebookIsTheScriptConverted(Path lesson) throws IOException {
        Path notebook = notebookOf(lesson);
        assertTrue(Files.exists(notebook), "no notebook " + notebook + " (scripts/nnsh notebook " + lesson + " -o " + notebook + ")");
        assertEquals(JshNotebook.of(Files.readString(lesson)), Files.readString(notebook),
                notebook + " is stale: regenerate it with scripts/nnsh notebook");
    }
}
