package dev.nnsh.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a printed summary table back by position, independently of the renderers: each row's name cell
 * (tree prefix removed) and its column values, and the footer lines.
 */
final class PrintedTable {
    final List<String> labels = new ArrayList<>();
    final List<List<String>> cells = new ArrayList<>();
    final List<String> footer = new ArrayList<>();

    PrintedTable(String table, List<String> headers, int colWidth) {
        String[] lines = table.split("\n");
        String header = lines[1];
        int nameWidth = header.indexOf(headers.get(0)) - 1;
        int divider = 0, i = 0;
        for (; i < lines.length; i++) {
            if (lines[i].startsWith("=====")) {
                divider++;
                continue;
            }
            if (divider == 2) {
                String line = lines[i];
                labels.add(line.substring(0, Math.min(nameWidth, line.length())).strip().replaceAll("^[│|├└+─ ]+", ""));
                List<String> values = new ArrayList<>();
                for (int c = 0; c < headers.size(); c++) {
                    int start = nameWidth + 1 + c * (colWidth + 1);
                    values.add(start >= line.length() ? "" : line.substring(start, Math.min(start + colWidth, line.length())).strip());
                }
                cells.add(values);
            } else if (divider >= 3) {
                footer.add(lines[i]);
            }
        }
    }
}
