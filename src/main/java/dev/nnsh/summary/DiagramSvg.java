package dev.nnsh.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.nnsh.tensor.Shapes;

/**
 * Lays a {@link Diagram} out top to bottom and writes it as SVG: blocks in call order, groups as
 * framed boxes around their blocks, links between neighbours as short arrows and longer links as
 * curves in lanes on the right, shortcut marks beside residual blocks, a legend for the colours.
 */
final class DiagramSvg {
    private DiagramSvg() {}

    private static final int MARGIN = 24, BLOCK_RIGHT = 480, LANE_START = 500, LANE_STEP = 9, MAX_LANES = 14;
    private static final int BLOCK_H = 46, GAP = 18, GROUP_HEADER = 26, GROUP_FOOTER = 10, INDENT = 14, TITLE_H = 92;
    private static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
    private static final int[] LIGHT = {0xee, 0xf2, 0xf7}, DARK = {0x1f, 0x4e, 0x8c};
    private static final String SKIP = "#d9822b", FLOW = "#52606d";

    static String render(Diagram d) {
        List<Diagram.Block> blocks = d.blocks();
        int n = blocks.size();
        int[] top = new int[n];
        int[] level = new int[n];
        int[] groupTop = new int[d.groups().size()], groupBottom = new int[d.groups().size()];
        int y = MARGIN + TITLE_H;
        for (int i = 0; i < n; i++) {
            for (int g = 0; g < d.groups().size(); g++) {
                Diagram.Group group = d.groups().get(g);
                if (group.first() == i) {
                    groupTop[g] = y;
                    y += GROUP_HEADER;
                }
                if (group.first() <= i && i <= group.last()) level[i] = Math.max(level[i], group.level() + 1);
            }
            top[i] = y;
            y += BLOCK_H;
            for (int g = d.groups().size() - 1; g >= 0; g--) {
                if (d.groups().get(g).last() == i) {
                    y += GROUP_FOOTER;
                    groupBottom[g] = y;
                }
            }
            y += GAP;
        }
        int legendTop = y + 6;
        int height = legendTop + 46 + MARGIN;

        long max = 1;
        for (Diagram.Block b : blocks) max = Math.max(max, d.byMultAdds() ? b.multAdds() : b.params());
        long total = d.byMultAdds() ? d.stats().totalMultAdds() : d.stats().totalParams();

        int width = BLOCK_RIGHT + 40 + Math.max(0, lanesNeeded(d, top)) * LANE_STEP + MARGIN;
        Markup m = new Markup();
        m.openRoot("svg", "http://www.w3.org/2000/svg", "width", width, "height", height, "viewBox", "0 0 " + width + " " + height,
                "font-family", FONT, "font-size", 12);
        LayerInfo root = d.stats().layers().get(0);
        m.element("title", VisibleRows.label(root, d.stats().format()));
        m.open("defs");
        marker(m, "arrow", FLOW);
        marker(m, "skip", SKIP);
        m.close();
        m.empty("rect", "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff");
        title(m, d, root);
        for (int g = 0; g < d.groups().size(); g++) group(m, d.groups().get(g), groupTop[g], groupBottom[g]);
        links(m, d, top, level);
        for (int i = 0; i < n; i++) block(m, blocks.get(i), top[i], level[i], d.byMultAdds(), max, total);
        legend(m, d, legendTop, max, total);
        m.close();
        return m.finish() + "\n";
    }

    private static void marker(Markup m, String id, String colour) {
        m.open("marker", "id", id, "viewBox", "0 0 10 10", "refX", 9, "refY", 5, "markerWidth", 7, "markerHeight", 7,
                "orient", "auto-start-reverse");
        m.empty("path", "d", "M 0 0 L 10 5 L 0 10 z", "fill", colour);
        m.close();
    }

    private static void title(Markup m, Diagram d, LayerInfo root) {
        ModelStatistics s = d.stats();
        m.element("text", root.typeName(), "x", MARGIN, "y", MARGIN + 18, "font-size", 20, "font-weight", 700, "fill", "#102a43");
        String figures = String.format(Locale.ROOT, "%,d parameters · %s mult-adds · input %s", s.totalParams(),
                compact(s.totalMultAdds()), root.inputShape() == null ? "--" : Shapes.format(root.inputShape()));
        m.element("text", figures, "x", MARGIN, "y", MARGIN + 40, "font-size", 12, "fill", "#486581");
        int pillTop = MARGIN + 56;
        String input = "input " + (root.inputShape() == null ? "" : Shapes.format(root.inputShape()));
        int w = 14 + 7 * input.length();
        int cx = (MARGIN + BLOCK_RIGHT) / 2;
        m.empty("rect", "x", cx - w / 2, "y", pillTop, "width", w, "height", 22, "rx", 11, "fill", "#ffffff",
                "stroke", "#9fb3c8", "stroke-width", 1.2);
        m.element("text", input, "x", cx, "y", pillTop + 15, "text-anchor", "middle", "font-size", 11, "fill", "#334e68");
    }

    private static void group(Markup m, Diagram.Group g, int top, int bottom) {
        int x = MARGIN + g.level() * INDENT, w = BLOCK_RIGHT - 2 * g.level() * INDENT - MARGIN;
        m.open("g", "class", "group");
        m.element("title", g.label());
        m.empty("rect", "x", x, "y", top, "width", w, "height", bottom - top, "rx", 10, "fill", g.level() % 2 == 0 ? "#f7f9fc" : "#eef2f7",
                "stroke", "#9fb3c8", "stroke-width", 1, "stroke-dasharray", "4 3");
        String name = g.row().varName() + " · " + g.row().typeName();
        m.element("text", name, "x", x + 10, "y", top + 17, "font-size", 12, "font-weight", 600, "fill", "#334e68");
        m.element("text", String.format(Locale.ROOT, "%,d params", g.row().numParams()), "x", x + w - 10, "y", top + 17,
                "font-size", 11, "text-anchor", "end", "fill", "#627d98");
        m.close();
    }

    private static void block(Markup m, Diagram.Block b, int top, int level, boolean byMultAdds, long max, long total) {
        long value = byMultAdds ? b.multAdds() : b.params();
        double t = Math.sqrt((double) value / max);
        String fill = value == 0 ? "#f5f7fa" : mix(t);
        boolean darkText = value == 0 || t < 0.55;
        String ink = darkText ? "#102a43" : "#ffffff", soft = darkText ? "#486581" : "#d9e8f6";
        int x = MARGIN + level * INDENT, w = BLOCK_RIGHT - 2 * level * INDENT - MARGIN;
        LayerInfo row = b.row();
        m.open("g", "class", "block");
        m.element("title", b.label());
        m.empty("rect", "x", x, "y", top, "width", w, "height", BLOCK_H, "rx", 7, "fill", fill, "stroke",
                value == 0 ? "#c1ccd7" : "#1f4e8c", "stroke-width", 1);
        m.open("text", "x", x + 12, "y", top + 19, "font-size", 13, "fill", ink);
        m.element("tspan", row.depth() == 0 ? row.typeName() : row.varName(), "font-weight", 700);
        m.element("tspan", "  " + row.typeName(), "fill", soft);
        m.close();
        String shape = row.outputShape() == null ? "--" : Shapes.format(row.outputShape());
        String figures = row.isRecursive() ? "(recursive)" : value == 0 ? (byMultAdds ? "no mult-adds" : "no parameters")
                : String.format(Locale.ROOT, "%,d %s", value, byMultAdds ? "mult-adds" : "params");
        m.element("text", shape + "  ·  " + figures, "x", x + 12, "y", top + 36, "font-size", 11, "fill", soft);
        if (value > 0 && total > 0) {
            double percent = 100.0 * value / total;
            m.element("text", percent < 0.05 ? "<0.1 %" : String.format(Locale.ROOT, "%.1f %%", percent), "x", x + w - 12, "y", top + 28,
                    "font-size", 13, "font-weight", 700, "text-anchor", "end", "fill", ink);
        }
        m.close();
    }

    /** How many lanes the long links take (as {@link #links} assigns them). */
    private static int lanesNeeded(Diagram d, int[] top) {
        return assignLanes(d, top, null);
    }

    /** Gives each long link the first lane free at its start; {@code lanes} (if not null) gets each link's lane. */
    private static int assignLanes(Diagram d, int[] top, List<Integer> lanes) {
        List<int[]> laneEnds = new ArrayList<>(); // per lane: the last y it is busy to
        for (Diagram.Link l : d.links()) {
            if (l.to() - l.from() == 1) {
                if (lanes != null) lanes.add(-1);
                continue;
            }
            int y1 = l.from() < 0 ? MARGIN + 56 + 11 : top[l.from()] + BLOCK_H / 2, y2 = top[l.to()] + BLOCK_H / 2;
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane)[0] > y1 - 4) lane++;
            if (lane == laneEnds.size()) {
                if (lane < MAX_LANES) laneEnds.add(new int[]{y2});
                else lane = lane % MAX_LANES;
            }
            laneEnds.get(lane)[0] = Math.max(laneEnds.get(lane)[0], y2);
            if (lanes != null) lanes.add(lane);
        }
        return laneEnds.size();
    }

    private static void links(Markup m, Diagram d, int[] top, int[] level) {
        List<Integer> lanes = new ArrayList<>();
        assignLanes(d, top, lanes);
        int cx = (MARGIN + BLOCK_RIGHT) / 2;
        for (int k = 0; k < d.links().size(); k++) {
            Diagram.Link l = d.links().get(k);
            int from = l.from(), to = l.to();
            if (to - from == 1) {
                int y1 = from < 0 ? MARGIN + 56 + 22 : top[from] + BLOCK_H;
                m.empty("line", "x1", cx, "y1", y1, "x2", cx, "y2", top[to] - 2, "stroke", FLOW, "stroke-width", 1.5,
                        "marker-end", "url(#arrow)");
                continue;
            }
            int y1 = from < 0 ? MARGIN + 56 + 11 : top[from] + BLOCK_H / 2, y2 = top[to] + BLOCK_H / 2;
            int lane = lanes.get(k);
            int x1 = from < 0 ? cx + 60 : BLOCK_RIGHT - level[from] * INDENT;
            int x2 = BLOCK_RIGHT - level[to] * INDENT;
            int lx = LANE_START + lane * LANE_STEP, r = 6;
            String path = String.format(Locale.ROOT, "M %d %d L %d %d Q %d %d %d %d L %d %d Q %d %d %d %d L %d %d", x1, y1, lx - r, y1,
                    lx, y1, lx, y1 + r, lx, y2 - r, lx, y2, lx - r, y2, x2 + 2, y2);
            m.open("path", "d", path, "fill", "none", "stroke", SKIP, "stroke-width", 1.5, "stroke-opacity", 0.85,
                    "marker-end", "url(#skip)");
            m.element("title", "skip connection");
            m.close();
        }
        for (int i = 0; i < d.blocks().size(); i++) {
            if (!d.blocks().get(i).shortcut()) continue;
            int x = BLOCK_RIGHT - level[i] * INDENT, yTop = top[i] + 7, yBottom = top[i] + BLOCK_H - 7;
            m.open("g", "class", "shortcut");
            m.element("title", "shortcut: the block's input is added back (or projected and added) after its layers");
            m.empty("path", "d", String.format(Locale.ROOT, "M %d %d C %d %d %d %d %d %d", x, yTop, x + 30, yTop, x + 30, yBottom, x + 2,
                    yBottom), "fill", "none", "stroke", SKIP, "stroke-width", 1.6, "marker-end", "url(#skip)");
            m.empty("circle", "cx", x + 23, "cy", top[i] + BLOCK_H / 2, "r", 6, "fill", "#ffffff", "stroke", SKIP, "stroke-width", 1.4);
            m.element("text", "+", "x", x + 23, "y", top[i] + BLOCK_H / 2 + 4, "text-anchor", "middle", "font-size", 11,
                    "font-weight", 700, "fill", SKIP);
            m.close();
        }
    }

    private static void legend(Markup m, Diagram d, int top, long max, long total) {
        m.open("g", "class", "legend");
        m.open("defs").open("linearGradient", "id", "share", "x1", 0, "x2", 1, "y1", 0, "y2", 0);
        for (int i = 0; i <= 4; i++) m.empty("stop", "offset", i / 4.0, "stop-color", mix(Math.sqrt(i / 4.0))); // the blocks use sqrt(share / max) too
        m.close().close();
        String what = d.byMultAdds() ? "mult-adds" : "parameters";
        m.element("text", "colour: share of the " + what, "x", MARGIN, "y", top + 12, "font-size", 11, "fill", "#486581");
        m.empty("rect", "x", MARGIN, "y", top + 18, "width", 200, "height", 10, "rx", 3, "fill", "url(#share)", "stroke", "#c1ccd7");
        m.element("text", "0", "x", MARGIN, "y", top + 42, "font-size", 10, "fill", "#627d98");
        String top100 = total > 0 ? String.format(Locale.ROOT, "%.1f %%", 100.0 * max / total) : "--";
        m.element("text", top100, "x", MARGIN + 200, "y", top + 42, "font-size", 10, "text-anchor", "end", "fill", "#627d98");
        m.empty("line", "x1", MARGIN + 240, "y1", top + 23, "x2", MARGIN + 280, "y2", top + 23, "stroke", SKIP, "stroke-width", 1.5,
                "marker-end", "url(#skip)");
        m.element("text", "skip connection / shortcut", "x", MARGIN + 288, "y", top + 27, "font-size", 11, "fill", "#486581");
        m.close();
    }

    private static String mix(double t) {
        StringBuilder sb = new StringBuilder("#");
        for (int c = 0; c < 3; c++) sb.append(String.format("%02x", (int) Math.round(LIGHT[c] + (DARK[c] - LIGHT[c]) * t)));
        return sb.toString();
    }

    private static String compact(long n) {
        if (n >= 1e9) return String.format(Locale.ROOT, "%.2f G", n / 1e9);
        if (n >= 1e6) return String.format(Locale.ROOT, "%.2f M", n / 1e6);
        if (n >= 1e3) return String.format(Locale.ROOT, "%.2f k", n / 1e3);
        return String.valueOf(n);
    }
}
