package dev.nnsh.summary;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.nnsh.tensor.Numbers;
import dev.nnsh.tensor.Shapes;

/** Renders {@link ModelStatistics} as torchinfo's text table (torchinfo's layout; the tables in src/test/resources/dev/nnsh/summary/golden/ are torchinfo's own output). */
final class TableRenderer {
    private static final int DEFAULT_NAME_WIDTH = 40;
    private static final int ALIGN = 5;
    private static final String NONE = "--";

    private final TableFormat format;
    private int nameWidth = DEFAULT_NAME_WIDTH;

    TableRenderer(TableFormat format) { this.format = format; }

    String render(ModelStatistics stats) {
        List<LayerInfo> rows = stats.layers();
        nameWidth = nameWidth(rows);
        String divider = "=".repeat(nameWidth + format.columns().size() * format.colWidth());
        StringBuilder sb = new StringBuilder();
        sb.append(divider).append('\n');
        sb.append(header());
        sb.append(divider).append('\n');
        for (LayerInfo row : rows) {
            if (!VisibleRows.isVisible(row, format)) continue;
            appendRow(sb, row, row.depth() == format.maxDepth(), stats.totalParams());
        }
        sb.append(divider).append('\n');
        sb.append("Total params").append(": " + Numbers.grouped(stats.totalParams())).append('\n');
        sb.append("Trainable params").append(": " + Numbers.grouped(stats.trainableParams())).append('\n');
        sb.append("Non-trainable params").append(": " + Numbers.grouped(stats.nonTrainableParams())).append('\n');
        if (format.hasInput()) {
            sb.append("Total mult-adds").append(Numbers.withUnit(stats.totalMultAdds(), false)).append('\n');
            sb.append(divider).append('\n');
            sb.append("Input size").append(Numbers.withUnit(stats.inputBytes(), true)).append('\n');
            sb.append("Forward/backward pass size").append(Numbers.withUnit(stats.forwardBackwardBytes(), true)).append('\n');
            sb.append("Params size").append(Numbers.withUnit(stats.paramBytes(), true)).append('\n');
            sb.append("Estimated Total Size").append(Numbers.withUnit(stats.totalBytes(), true)).append('\n');
        }
        return sb.append(divider).toString();
    }

    /** 40, or the longest name cell (+ 5 per depth level + 1) rounded up to a multiple of 5 when that is 40 or more. */
    private int nameWidth(List<LayerInfo> rows) {
        int longest = 0;
        for (LayerInfo row : rows) longest = Math.max(longest, length(layerName(row)) + row.depth() * ALIGN + 1);
        return longest >= DEFAULT_NAME_WIDTH ? (longest + ALIGN - 1) / ALIGN * ALIGN : DEFAULT_NAME_WIDTH;
    }

    private String header() {
        StringBuilder title = new StringBuilder("Layer (type");
        if (format.has(RowSetting.VAR_NAMES)) title.append(" (var_name)");
        if (format.has(RowSetting.DEPTH)) title.append(":depth-idx");
        title.append(')');
        Map<Column, String> headers = new EnumMap<>(Column.class);
        for (Column c : Column.values()) headers.put(c, c.header());
        return line(title.toString(), headers);
    }

    private void appendRow(StringBuilder sb, LayerInfo row, boolean atDepthLimit, long totalParams) {
        Map<Column, String> values = VisibleRows.cells(row, atDepthLimit, totalParams);
        sb.append(line(prefix(row.depth()) + layerName(row), values));
        if (format.verbose() == 2) appendParameterRows(sb, row);
    }

    /** verbose=2: one sub-row per parameter (the root: only its own, undotted ones). */
    private void appendParameterRows(StringBuilder sb, LayerInfo row) {
        List<LayerInfo.ParameterInfo> listed = row.depth() == 0
                ? row.parameters().stream().filter(p -> !p.name().contains(".")).toList()
                : row.parameters();
        for (int i = 0; i < listed.size(); i++) {
            LayerInfo.ParameterInfo p = listed.get(i);
            long[] shape = p.shape();
            if (p.name().equals("weight") && shape.length > 1) {
                long first = shape[0];
                shape[0] = shape[1];
                shape[1] = first;
            }
            Map<Column, String> values = new EnumMap<>(Column.class);
            values.put(Column.KERNEL_SIZE, Shapes.format(shape));
            values.put(Column.NUM_PARAMS, (i == listed.size() - 1 ? "└─" : "├─") + Numbers.grouped(p.count()));
            sb.append(line(prefix(row.depth() + 1) + p.name(), values));
        }
    }

    private String layerName(LayerInfo row) { return VisibleRows.label(row, format); }

    private String prefix(int depth) { return VisibleRows.prefix(depth, format.has(RowSetting.ASCII_ONLY)); }

    /** The name cell padded to the name width, then each column's value padded to the column width; no trailing spaces. */
    private String line(String name, Map<Column, String> values) {
        StringBuilder sb = new StringBuilder();
        pad(sb, name, nameWidth);
        for (Column c : format.columns()) pad(sb, values.getOrDefault(c, ""), format.colWidth());
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
        return sb.append('\n').toString();
    }

    private static void pad(StringBuilder sb, String text, int width) {
        sb.append(text);
        for (int n = length(text); n < width; n++) sb.append(' ');
        sb.append(' ');
    }

    private static int length(String s) { return s.codePointCount(0, s.length()); }
}
