package dev.nnsh.tensor;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one number formatter: numbers as torchinfo prints them (Python's format rules, whatever the
 * JVM's locale): thousands separators, two decimals rounded half-even on the exact binary value,
 * and automatic decimal units.
 */
public final class Numbers {
    private Numbers() {}

    private static final double[] SCALES = {1e12, 1e9, 1e6, 1e3};
    private static final String[] PREFIXES = {"T", "G", "M", "k"};

    /** {@code 2,359,808}. */
    public static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder();
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) sb.append(',').append(digits, i, i + 3);
        return (n < 0 ? "-" : "") + sb;
    }

    /** Python's {@code f"{x:,.2f}"}. */
    public static String twoDecimals(double x) {
        BigDecimal rounded = new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String sign = rounded.signum() < 0 ? "-" : "";
        return sign + grouped(Long.parseLong(plain.substring(0, dot))) + plain.substring(dot);
    }

    /**
     * A footer figure: {@code " (G): 90.70"}, {@code " (kB): 120"}, {@code ": 856"}; {@code bytes} adds
     * the B to the unit. Whole values print without decimals.
     */
    public static String withUnit(long n, boolean bytes) {
        for (int i = 0; i < SCALES.length; i++) {
            if (n >= SCALES[i]) {
                double value = n / SCALES[i];
                String unit = " (" + PREFIXES[i] + (bytes ? "B" : "") + ")";
                boolean whole = value == Math.rint(value) && !Double.isInfinite(value);
                return unit + ": " + (whole ? grouped((long) value) : twoDecimals(value));
            }
        }
        return ": " + grouped(n);
    }

    /** Python's {@code f"{ratio:>7.2%}"}. */
    public static String percent(double ratio) {
        BigDecimal rounded = new BigDecimal(ratio * 100).setScale(2, RoundingMode.HALF_EVEN);
        String text = rounded.toPlainString() + "%";
        return " ".repeat(Math.max(0, 7 - text.length())) + text;
    }

    /** A byte count for people, decimal units: {@code 20.07 GB}, {@code 512 bytes}. */
    public static String bytes(long n) {
        for (int i = 0; i < SCALES.length; i++) {
            if (n >= SCALES[i]) return twoDecimals(n / SCALES[i]) + " " + PREFIXES[i] + "B";
        }
        return n + " bytes";
    }

    /** {@link String#format} with the root locale: {@code %,d} groups with commas on every machine. */
    public static String format(String pattern, Object... args) { return String.format(java.util.Locale.ROOT, pattern, args); }
}
