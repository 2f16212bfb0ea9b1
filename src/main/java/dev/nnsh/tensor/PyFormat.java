package dev.nnsh.tensor;

import java.math.BigDecimal;

/**
 * Values written as Python's repr writes them, the one home of Python-style text: the layers'
 * extra_repr (which must match PyTorch's print) and error messages that quote PyTorch's arguments.
 */
public final class PyFormat {
    private PyFormat() {}

    /** Python's repr of a float: shortest digits, {@code 0.1}, {@code 1.0}, {@code 1e-05}, {@code 1e+16}. */
    public static String floatRepr(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = d.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    public static String bool(boolean b) { return b ? "True" : "False"; }

    /** A Python tuple of ints: {@code (512,)}, {@code (3, 4)}. */
    public static String tuple(long[] values) {
        if (values.length == 1) return "(" + values[0] + ",)";
        String list = Shapes.format(values);
        return "(" + list.substring(1, list.length() - 1) + ")";
    }

    public static String tuple(int[] values) {
        long[] wide = new long[values.length];
        for (int i = 0; i < values.length; i++) wide[i] = values[i];
        return tuple(wide);
    }

    /** What PyTorch prints for a size kept as given: an int, or a tuple. */
    public static String intOrTuple(int[] v, boolean givenAsInt) { return givenAsInt ? String.valueOf(v[0]) : tuple(v); }
}
