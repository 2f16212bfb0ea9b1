package dev.nnsh.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** Parses one NumPy {@code .npy} array (format versions 1 to 3) from bytes: header, then C-order data. */
final class NpyFormat {
    private NpyFormat() {}

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Map<String, DType> DTYPES = Map.ofEntries(
            Map.entry("<f4", DType.FLOAT32), Map.entry("<f2", DType.FLOAT16), Map.entry("<f8", DType.FLOAT64),
            Map.entry("<i8", DType.INT64), Map.entry("<i4", DType.INT32), Map.entry("<i2", DType.INT16),
            Map.entry("|i1", DType.INT8), Map.entry("|u1", DType.UINT8), Map.entry("|b1", DType.BOOL));

    /** @param where names the array in error messages (an npz entry or a file) */
    static Tensor parse(ByteBuffer bytes, String where) {
        ByteBuffer in = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 10 || in.get() != (byte) 0x93 || in.get() != 'N' || in.get() != 'U'
                || in.get() != 'M' || in.get() != 'P' || in.get() != 'Y') {
            throw new IllegalArgumentException(where + " is not a NumPy .npy array (no \\x93NUMPY magic)");
        }
        int major = in.get();
        in.get();
        long headerLength = major == 1 ? Short.toUnsignedInt(in.getShort()) : Integer.toUnsignedLong(in.getInt());
        if (major < 1 || major > 3 || headerLength > in.remaining()) {
            throw new IllegalArgumentException(where + ": corrupt .npy header (version " + major + ", header length "
                    + headerLength + ")");
        }
        byte[] text = new byte[(int) headerLength];
        in.get(text);
        String header = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr", where);
        DType dtype = DTYPES.get(descr);
        if (dtype == null) {
            throw new IllegalArgumentException(where + ": element type '" + descr + "' is unsupported"
                    + (descr.startsWith(">") ? " (big-endian; save it little-endian)" : "")
                    + "; supported: " + DTYPES.keySet().stream().sorted().toList());
        }
        if (group(FORTRAN, header, "fortran_order", where).equals("True")) {
            throw new IllegalArgumentException(where + ": Fortran-ordered arrays are not supported (np.ascontiguousarray)");
        }
        long[] shape = Arrays.stream(group(SHAPE, header, "shape", where).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        long needed = Shapes.numel(shape) * dtype.bytes();
        if (in.remaining() < needed) {
            throw new IllegalArgumentException(where + ": truncated .npy: shape " + Shapes.format(shape) + " of " + dtype
                    + " needs " + needed + " bytes of data, found " + in.remaining());
        }
        return RawTensors.fromBytes(dtype, shape, in);
    }

    private static String group(Pattern p, String header, String what, String where) {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IllegalArgumentException(where + ": corrupt .npy header: no '" + what + "'");
        return m.group(1);
    }
}
