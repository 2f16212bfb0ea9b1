package dev.nnsh.summary;

import java.util.List;

/** {@link ModelStatistics#toLatex()}: a booktabs {@code tabular}, the tree by indentation, numbers right-aligned. */
final class LatexRenderer {
    private LatexRenderer() {}

    static String render(ModelStatistics stats) {
        TableFormat format = stats.format();
        List<Column> columns = format.columns();
        StringBuilder sb = new StringBuilder("% needs \\usepackage{booktabs}\n\\begin{tabular}{l");
        for (Column c : columns) sb.append(MarkdownRenderer.isNumeric(c) ? 'r' : 'l');
        sb.append("}\n\\toprule\n").append(escape(VisibleRows.nameHeader(format)));
        for (Column c : columns) sb.append(" & ").append(escape(c.header()));
        sb.append(" \\\\\n\\midrule\n");
        for (VisibleRows.Row row : VisibleRows.of(stats)) {
            int depth = row.info().depth();
            sb.append(depth > 0 ? "\\hspace{" + depth + "em}" : "").append(escape(row.label()));
            for (Column c : columns) sb.append(" & ").append(escape(row.cell(c).strip()));
            sb.append(" \\\\\n");
        }
        sb.append("\\midrule\n");
        for (String[] f : VisibleRows.footer(stats)) {
            sb.append("\\multicolumn{").append(columns.size()).append("}{l}{").append(escape(f[0])).append("} & ")
                    .append(escape(f[1])).append(" \\\\\n");
        }
        return sb.append("\\bottomrule\n\\end{tabular}\n").toString();
    }

    /** LaTeX's ten special characters, each as the command that prints it. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(ch);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
