package dev.nnsh.summary;

import java.util.List;
import java.util.Set;

/** How the table is laid out: the options of a summary that only the rendering needs. */
record TableFormat(List<Column> columns, int colWidth, int maxDepth, Set<RowSetting> rowSettings, int verbose,
                   boolean hasInput) {
    static TableFormat of(SummaryOptions options) {
        return new TableFormat(options.columnList(), options.colWidth(), options.depth(), Set.copyOf(options.rowSettingSet()),
                options.verbose(), options.hasInput());
    }

    boolean has(RowSetting setting) { return rowSettings.contains(setting); }
}
