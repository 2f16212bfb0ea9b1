package dev.nnsh.tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nd4j.linalg.factory.Nd4j;

/** Reads NumPy .npy files (format versions 1–3) through ND4J's own reader, checking the header first. */
final class NpyReader {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    /** The element types libnd4j reads; anything else (big-endian, objects, strings) crashes it. */
    private static final Pattern SUPPORTED = Pattern.compile("[<|](f[248]|i[1248]|u1|b1)");

    private NpyReader() {}

    static Tensor read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no such file");
        byte[] head = new byte[Math.min(4096, (int) Files.size(file))];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n < 10 || head[0] != (byte) 0x93 || head[1] != 'N' || head[2] != 'U') {
                throw new IOException("not a NumPy .npy file (missing the \\x93NUMPY magic)");
            }
        }
        String header = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (header.contains("'fortran_order': True")) throw new IOException("Fortran-ordered arrays are not supported");
        Matcher d = DESCR.matcher(header);
        if (!d.find()) throw new IOException("no 'descr' (element type) in the .npy header");
        String descr = d.group(1);
        if (descr.startsWith(">") && descr.length() > 2) {
            throw new IOException("big-endian data ('" + descr + "') is not supported; save it little-endian"
                    + " (numpy: a.astype(a.dtype.newbyteorder('<')))");
        }
        if (!SUPPORTED.matcher(descr).matches()) {
            throw new IOException("element type '" + descr + "' is unsupported (supported: float16/32/64, int8/16/32/64,"
                    + " uint8, bool)");
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) throw new IOException("no shape in the .npy header");
        String[] parts = m.group(1).split(",");
        long[] shape = java.util.Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        MemoryGuard.checkAllocation(DType.FLOAT64, shape);
        var array = Nd4j.createFromNpyFile(file.toFile());
        return Tensor.of(shape.length == array.rank() ? array : array.reshape('c', shape));
    }
}
