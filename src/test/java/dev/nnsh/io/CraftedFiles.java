package dev.nnsh.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made bad files (a torch.save-shaped zip around any pickle bytes). */
final class CraftedFiles {
    private CraftedFiles() {}

    static Path torchZip(Path file, byte[] pickle) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
        }
        return file;
    }

    /** Protocol 4: SHORT_BINUNICODE module, SHORT_BINUNICODE name, STACK_GLOBAL, one string argument, REDUCE. */
    static byte[] stackGlobalCall(String module, String name, String argument) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(4);
        shortUnicode(out, module);
        shortUnicode(out, name);
        out.write(0x93);
        shortUnicode(out, argument);
        out.write(0x85); // TUPLE1
        out.write('R');
        out.write('.');
        return out.toByteArray();
    }

    private static void shortUnicode(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(0x8c);
        out.write(b.length);
        out.writeBytes(b);
    }
}
