package dev.nnsh.summary;

import java.util.List;
import java.util.Set;

/** How the table is laid out: the options of a summary that only the rendering needs. */
record TableFormat(List<Column> columns, int colWidth, int maxDepth, Set<RowSetting> rowSettings, int verbose,
                   boolean hasInput) {
    static TableFormat of(SummaryOptions options) {
        return new TableFormat(options.columns(), options.colWidth(), options.depth(), Set.copyOf(options.rowSettings()),
                options.verbose(), options.hasInput());
    }

    boolean has(RowSetting setting) { return rowSettings.contains(setting); }
}
