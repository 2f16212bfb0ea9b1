package dev.nnsh.summary;

import java.util.List;

/**
 * {@link ModelStatistics#toHtml()}: a self-contained table (its own style, no external assets), the tree
 * shown by indentation, numbers right-aligned, the totals in the footer. Written as well-formed XHTML
 * so it also parses as XML.
 */
final class HtmlRenderer {
    private HtmlRenderer() {}

    private static final String STYLE = """
            .nnsh-summary{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;font-size:13px;color:#1f2933;display:inline-block}
            .nnsh-summary table{border-collapse:collapse;font-variant-numeric:tabular-nums;min-width:32em}
            .nnsh-summary th{background:#243b53;color:#fff;font-weight:600;text-align:left;padding:6px 12px}
            .nnsh-summary th.num,.nnsh-summary td.num{text-align:right}
            .nnsh-summary td{padding:4px 12px;border-bottom:1px solid #e4e7eb;white-space:nowrap}
            .nnsh-summary tbody tr:nth-child(even){background:#f5f7fa}
            .nnsh-summary tbody tr.container td.layer{font-weight:600}
            .nnsh-summary tbody tr.recursive{color:#7b8794}
            .nnsh-summary .type{color:#102a43}
            .nnsh-summary .var{color:#627d98}
            .nnsh-summary .idx{color:#9aa5b1;font-size:11px}
            .nnsh-summary tfoot td{border-bottom:none;padding:2px 12px;background:#f0f4f8}
            .nnsh-summary tfoot tr.first td{border-top:2px solid #243b53;padding-top:6px}
            .nnsh-summary tfoot td.value{text-align:right;font-weight:600}
            """;

    static String render(ModelStatistics stats) {
        Markup m = new Markup();
        m.openRoot("div", "http://www.w3.org/1999/xhtml", "class", "nnsh-summary");
        table(m, stats);
        m.close();
        return m.finish();
    }

    /** A whole page around the table, for {@code save("model.html")}. */
    static String page(ModelStatistics stats, String title) {
        Markup m = new Markup();
        m.openRoot("html", "http://www.w3.org/1999/xhtml", "lang", "en");
        m.open("head").empty("meta", "charset", "utf-8").element("title", title).close();
        m.open("body", "style", "margin:24px;background:#fff");
        m.open("div", "class", "nnsh-summary");
        table(m, stats);
        m.close().close().close();
        return "<!DOCTYPE html>\n" + m.finish() + "\n";
    }

    private static void table(Markup m, ModelStatistics stats) {
        TableFormat format = stats.format();
        List<Column> columns = format.columns();
        m.element("style", STYLE);
        m.open("table");
        m.open("thead").open("tr").element("th", VisibleRows.nameHeader(format));
        for (Column c : columns) m.element("th", c.header(), "class", MarkdownRenderer.isNumeric(c) ? "num" : null);
        m.close().close();
        m.open("tbody");
        for (VisibleRows.Row row : VisibleRows.of(stats)) {
            LayerInfo info = row.info();
            String kind = info.isRecursive() ? "recursive" : info.isLeaf() ? "leaf" : "container";
            m.open("tr", "class", kind, "data-path", info.path(), "data-depth", info.depth());
            m.open("td", "class", "layer", "title", info.path().isEmpty() ? info.typeName() : info.path(),
                    "style", "padding-left:" + (12 + 18 * info.depth()) + "px");
            m.element("span", info.typeName(), "class", "type");
            if (format.has(RowSetting.VAR_NAMES) && !info.varName().isEmpty()) {
                m.element("span", " (" + info.varName() + ")", "class", "var");
            }
            if (format.has(RowSetting.DEPTH) && info.depth() > 0) {
                m.element("span", ": " + info.depth() + "-" + info.depthIndex(), "class", "idx");
            }
            m.close();
            for (Column c : columns) m.element("td", row.cell(c).strip(), "class", MarkdownRenderer.isNumeric(c) ? "num" : null);
            m.close();
        }
        m.close();
        m.open("tfoot");
        boolean first = true;
        for (String[] f : VisibleRows.footer(stats)) {
            m.open("tr", "class", first ? "first" : null);
            m.element("td", f[0], "colspan", columns.size());
            m.element("td", f[1], "class", "value");
            m.close();
            first = false;
        }
        m.close();
        m.close();
    }
}
