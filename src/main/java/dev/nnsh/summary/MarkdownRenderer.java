package dev.nnsh.summary;

import java.util.ArrayList;
import java.util.List;

/** {@link ModelStatistics#toMarkdown()}: the visible rows as a Markdown table, then the totals as a second table. */
final class MarkdownRenderer {
    private MarkdownRenderer() {}

    static String render(ModelStatistics stats) {
        TableFormat format = stats.format();
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(VisibleRows.nameHeader(format)));
        List<String> align = new ArrayList<>(List.of(":---"));
        for (Column c : format.columns()) {
            header.add(c.header());
            align.add(isNumeric(c) ? "---:" : ":---");
        }
        line(sb, header);
        line(sb, align);
        for (VisibleRows.Row row : VisibleRows.of(stats)) {
            List<String> cells = new ArrayList<>();
            // non-breaking spaces keep the tree's indentation when the Markdown is rendered
            cells.add(row.prefix().replace(' ', '\u00a0') + row.label());
            for (Column c : format.columns()) cells.add(row.cell(c));
            line(sb, cells);
        }
        sb.append('\n');
        line(sb, List.of("Total", "Value"));
        line(sb, List.of(":---", "---:"));
        for (String[] f : VisibleRows.footer(stats)) line(sb, List.of(f[0], f[1]));
        return sb.toString();
    }

    static boolean isNumeric(Column c) {
        return c == Column.NUM_PARAMS || c == Column.PARAMS_PERCENT || c == Column.MULT_ADDS || c == Column.GROUPS;
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String cell : cells) sb.append(' ').append(escape(cell.strip())).append(" |");
        sb.append('\n');
    }

    private static String escape(String cell) { return cell.replace("\\", "\\\\").replace("|", "\\|"); }
}
