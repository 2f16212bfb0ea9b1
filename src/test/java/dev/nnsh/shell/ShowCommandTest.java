package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
    private static String show(String file, Map<String, String> env) {
        var buffer = new ByteArrayOutputStream();
        ShowCommand.run(file, new PrintStream(buffer, true, StandardCharsets.UTF_8), env);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test void withoutADesktopItSaysWhereTheFileIs(@TempDir Path dir) throws Exception {
        Path svg = Files.writeString(dir.resolve("net.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        assertEquals("Written to " + svg + " (no desktop viewer here; open it in a browser)\n",
                show(svg.toString(), Map.of("PATH", "/usr/bin:/bin")));
        assertTrue(show(dir.resolve("missing.svg").toString(), Map.of()).startsWith("No such file: " + dir.resolve("missing.svg")));
        assertTrue(show("", Map.of()).startsWith("usage: /show FILE"));
    }

    @Test void onADesktopItRunsTheViewerOnTheFile(@TempDir Path dir) throws Exception {
        Path svg = Files.writeString(dir.resolve("net.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path opened = dir.resolve("opened.txt");
        Path viewer = Files.writeString(bin.resolve("xdg-open"), "#!/bin/sh\necho \"$1\" > " + opened + "\n");
        Files.setPosixFilePermissions(viewer, PosixFilePermissions.fromString("rwxr-xr-x"));
        String said = show(svg.toString(), Map.of("PATH", bin + ":/usr/bin:/bin", "DISPLAY", ":0"));
        assertEquals("Opened " + svg + " with xdg-open\n", said);
        // the viewer runs on its own: wait for its whole line (the file exists before echo has written it)
        for (int i = 0; i < 600 && !(Files.exists(opened) && Files.readString(opened).endsWith("\n")); i++) Thread.sleep(50);
        assertEquals(svg + "\n", Files.readString(opened));
    }
}
