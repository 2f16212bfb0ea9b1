package dev.nnsh.summary;

import java.util.List;
import java.util.Locale;

/**
 * {@code chart(stats)}: one bar per visible row, as long as the row's share of the parameters (or of
 * the mult-adds), with the percentage. Bars use eighth blocks; with the ascii_only row setting, '#'.
 */
public final class ParamChart {
    private ParamChart() {}

    private static final int BAR = 40;
    private static final String EIGHTHS = " ▏▎▍▌▋▊▉█";

    public static String render(ModelStatistics stats, String metric) {
        boolean multAdds = switch (metric) {
            case "params", "num_params" -> false;
            case "mult_adds" -> true;
            default -> throw new IllegalArgumentException("chart: unknown metric \"" + metric + "\" (valid: params, mult_adds)");
        };
        if (multAdds && !stats.hasForwardPass()) {
            throw new IllegalArgumentException("chart(stats, \"mult_adds\"): the summary ran no forward pass; give input sizes");
        }
        boolean ascii = stats.format().has(RowSetting.ASCII_ONLY);
        long total = multAdds ? stats.totalMultAdds() : stats.totalParams();
        List<VisibleRows.Row> rows = VisibleRows.of(stats);
        int width = 0;
        for (VisibleRows.Row r : rows) width = Math.max(width, length(r.prefix() + r.label()));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Share of %s (%,d in all)%n",
                multAdds ? "mult-adds" : "parameters", total));
        for (VisibleRows.Row r : rows) {
            long value = multAdds ? VisibleRows.shownMultAdds(r.info(), r.atDepthLimit())
                    : VisibleRows.shownParams(r.info(), r.atDepthLimit());
            String name = r.prefix() + r.label();
            sb.append(name).append(" ".repeat(width - length(name) + 2));
            if (r.info().isRecursive()) {
                sb.append(" ".repeat(BAR)).append("  (recursive)");
            } else if (value == 0 || total == 0) {
                sb.append(" ".repeat(BAR)).append("       --");
            } else {
                double share = (double) value / total;
                sb.append(bar(share, ascii)).append(share < 0.00005 ? "   <0.01 %" : String.format(Locale.ROOT, "  %6.2f %%", 100 * share));
            }
            stripTrailing(sb);
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The bar, padded to its full width so the percentages line up. */
    static String bar(double share, boolean ascii) {
        int eighths = (int) Math.round(share * BAR * 8);
        if (eighths == 0 && share > 0) eighths = 1; // a non-zero share is never invisible
        StringBuilder sb = new StringBuilder();
        if (ascii) {
            int full = Math.max(1, (int) Math.round(share * BAR));
            sb.append("#".repeat(Math.min(full, BAR)));
        } else {
            sb.append("█".repeat(eighths / 8));
            if (eighths % 8 != 0) sb.append(EIGHTHS.charAt(eighths % 8));
        }
        return sb.append(" ".repeat(Math.max(0, BAR - sb.length()))).toString();
    }

    private static void stripTrailing(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
    }

    private static int length(String s) { return s.codePointCount(0, s.length()); }
}
