package dev.nnsh.summary;

import dev.nnsh.tensor.Numbers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.nnsh.tensor.Shapes;

/**
 * The rows a summary table shows (depth limit and hide_recursive_layers applied) with each row's
 * label and cells exactly as the text table prints them; every other rendering starts from these.
 */
final class VisibleRows {
    private static final String NONE = "--";

    /** One shown row: its data, the tree prefix, the name cell without prefix, and the visible columns' texts. */
    record Row(LayerInfo info, String prefix, String label, Map<Column, String> cells, boolean atDepthLimit) {
        String cell(Column c) { return cells.getOrDefault(c, ""); }
    }

    private VisibleRows() {}

    static List<Row> of(ModelStatistics stats) {
        TableFormat format = stats.format();
        List<Row> rows = new ArrayList<>();
        for (LayerInfo row : stats.layers()) {
            if (!isVisible(row, format)) continue;
            boolean atLimit = row.depth() == format.maxDepth();
            rows.add(new Row(row, prefix(row.depth(), format.has(RowSetting.ASCII_ONLY)), label(row, format),
                    cells(row, atLimit, stats.totalParams()), atLimit));
        }
        return rows;
    }

    static boolean isVisible(LayerInfo row, TableFormat format) {
        return row.depth() <= format.maxDepth() && !(format.has(RowSetting.HIDE_RECURSIVE_LAYERS) && row.isRecursive());
    }

    /** {@code Layer (type (var_name):depth-idx)} as the table's first header. */
    static String nameHeader(TableFormat format) {
        StringBuilder title = new StringBuilder("Layer (type");
        if (format.has(RowSetting.VAR_NAMES)) title.append(" (var_name)");
        if (format.has(RowSetting.DEPTH)) title.append(":depth-idx");
        return title.append(')').toString();
    }

    static String label(LayerInfo row, TableFormat format) {
        StringBuilder name = new StringBuilder(row.typeName());
        if (format.has(RowSetting.VAR_NAMES) && !row.varName().isEmpty()) name.append(" (").append(row.varName()).append(')');
        if (format.has(RowSetting.DEPTH) && row.depth() > 0) name.append(": ").append(row.depth()).append('-').append(row.depthIndex());
        return name.toString();
    }

    static String prefix(int depth, boolean ascii) {
        if (depth == 0) return "";
        if (depth == 1) return ascii ? "+ " : "├─";
        return (ascii ? "|    " : "│    ").repeat(depth - 1) + (ascii ? "+ " : "└─");
    }

    static Map<Column, String> cells(LayerInfo row, boolean atDepthLimit, long totalParams) {
        Map<Column, String> values = new EnumMap<>(Column.class);
        values.put(Column.INPUT_SIZE, shape(row.inputShape()));
        values.put(Column.OUTPUT_SIZE, shape(row.outputShape()));
        values.put(Column.NUM_PARAMS, CellValues.numParams(row, atDepthLimit));
        values.put(Column.PARAMS_PERCENT, CellValues.paramsPercent(row, atDepthLimit, totalParams));
        values.put(Column.KERNEL_SIZE, row.kernelSize() == null || row.kernelSize().isEmpty() ? NONE : row.kernelSize());
        values.put(Column.GROUPS, row.groups() == null ? NONE : String.valueOf(row.groups()));
        values.put(Column.MULT_ADDS, CellValues.multAdds(row, atDepthLimit));
        values.put(Column.TRAINABLE, row.trainable());
        return values;
    }

    /** The parameter count a row's Param # shows, as a number (subtree, or leftover above the depth limit). */
    static long shownParams(LayerInfo row, boolean atDepthLimit) {
        if (row.isRecursive()) return 0;
        return atDepthLimit || row.isLeaf() ? row.numParams() : row.leftoverParams();
    }

    /** The mult-adds a row's Mult-Adds shows, as a number. */
    static long shownMultAdds(LayerInfo row, boolean atDepthLimit) {
        if (row.multAdds() <= 0) return 0;
        if (row.isLeaf()) return row.multAdds();
        if (!atDepthLimit) return 0;
        long sum = 0;
        for (LayerInfo d : row.descendants()) if (d.isLeaf()) sum += d.multAdds();
        return sum;
    }

    /** The footer as the table prints it, one {label, value} pair per line: {@code {"Total mult-adds (G)", "90.70"}}. */
    static List<String[]> footer(ModelStatistics stats) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[]{"Total params", Numbers.grouped(stats.totalParams())});
        lines.add(new String[]{"Trainable params", Numbers.grouped(stats.trainableParams())});
        lines.add(new String[]{"Non-trainable params", Numbers.grouped(stats.nonTrainableParams())});
        if (stats.hasForwardPass()) {
            lines.add(split("Total mult-adds", Numbers.withUnit(stats.totalMultAdds(), false)));
            lines.add(split("Input size", Numbers.withUnit(stats.inputBytes(), true)));
            lines.add(split("Forward/backward pass size", Numbers.withUnit(stats.forwardBackwardBytes(), true)));
            lines.add(split("Params size", Numbers.withUnit(stats.paramBytes(), true)));
            lines.add(split("Estimated Total Size", Numbers.withUnit(stats.totalBytes(), true)));
        }
        return lines;
    }

    private static String[] split(String label, String unitAndValue) {
        int colon = unitAndValue.indexOf(": ");
        return new String[]{label + unitAndValue.substring(0, colon), unitAndValue.substring(colon + 2)};
    }

    private static String shape(long[] shape) { return shape == null || shape.length == 0 ? NONE : Shapes.format(shape); }
}
