package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tensor.load on .npy files laid out byte for byte as numpy.save writes them (format 1.0). */
class NpyLoadTest {
    @TempDir Path dir;

    /** numpy.save's layout: magic, version 1.0, little-endian header length, the dict padded to 64 bytes. */
    private Path npy(String name, String descr, boolean fortran, String shape, byte[] data) throws Exception {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        var out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] floats(ByteOrder order, float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(order);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    private static byte[] longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) b.putLong(x);
        return b.array();
    }

    @Test void float32MatrixKeepsShapeAndValues() throws Exception {
        Tensor t = Tensor.load(npy("a.npy", "<f4", false, "(2, 3)", floats(ByteOrder.LITTLE_ENDIAN, 0, 0.25f, 0.5f, 0.75f, 1, 1.25f)));
        assertArrayEquals(new long[]{2, 3}, t.shape());
        assertEquals(DType.FLOAT32, t.dtype());
        assertEquals(0.75, t.nd().getDouble(1, 0));
        assertEquals(0.5, t.nd().getDouble(0, 2));
    }

    @Test void int64AndZeroDimensionalFiles() throws Exception {
        Tensor ints = Tensor.load(npy("i.npy", "<i8", false, "(3,)", longs(-3, 0, 7)));
        assertEquals(DType.INT64, ints.dtype());
        assertEquals(-3.0, ints.nd().getDouble(0));
        assertEquals(7.0, ints.nd().getDouble(2));
        Tensor scalar = Tensor.load(npy("s.npy", "<f4", false, "()", floats(ByteOrder.LITTLE_ENDIAN, 2.5f)));
        assertEquals(0, scalar.dim());
        assertEquals(2.5, scalar.item());
    }

    @Test void fortranOrderIsRefused() throws Exception {
        Path f = npy("f.npy", "<f4", true, "(2, 3)", floats(ByteOrder.LITTLE_ENDIAN, 0, 1, 2, 3, 4, 5));
        var e = assertThrows(UncheckedIOException.class, () -> Tensor.load(f));
        assertTrue(e.getMessage().contains("Fortran"), e.getMessage());
    }

    @Test void bigEndianDataIsRefusedNotACrash() throws Exception {
        // libnd4j's reader aborts the whole JVM on a big-endian header
        Path f = npy("be.npy", ">f4", false, "(3,)", floats(ByteOrder.BIG_ENDIAN, 0, 1, 2));
        var e = assertThrows(UncheckedIOException.class, () -> Tensor.load(f));
        assertTrue(e.getMessage().contains(">f4") && e.getMessage().contains("big-endian"), e.getMessage());
    }

    @Test void objectArraysAreRefusedNotACrash() throws Exception {
        // numpy.save of an object array writes a pickle after the header; libnd4j crashes on it
        Path f = npy("o.npy", "|O", false, "(2,)", new byte[]{(byte) 0x80, 2, 0x5d, 0x71, 0, 0x2e});
        var e = assertThrows(UncheckedIOException.class, () -> Tensor.load(f));
        assertTrue(e.getMessage().contains("|O") && e.getMessage().contains("unsupported"), e.getMessage());
    }
}
