package dev.nnsh.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nnsh.nn.Module;

/**
 * An architecture diagram: one block per layer at the summary's depth, containers above it as groups,
 * the data flow between blocks as edges (skip connections where a tensor is used again further on) and
 * a shortcut mark on a block whose own input also reaches past its first layer (a residual unit).
 * Blocks are coloured by their share of the parameters, or of the mult-adds ({@link #by}).
 * {@link #toSvg()} is the picture; {@link #toString()} is a one-line description, since a shell shows
 * the value of every expression and pages of SVG text would bury the prompt.
 */
public final class Diagram {
    /** One drawn layer: a leaf, or a container at the depth limit, with the figures it is coloured by. */
    record Block(LayerInfo row, String label, long params, long multAdds, boolean shortcut) {}

    /** A container above the depth limit around blocks {@code first..last}, {@code level} groups deep (from 0). */
    record Group(LayerInfo row, String label, int first, int last, int level) {}

    /** Data from block {@code from} ({@code -1}: the network's input) to block {@code to}. */
    record Link(int from, int to) {}

    private final ModelStatistics stats;
    private final List<Block> blocks;
    private final List<Group> groups;
    private final List<Link> links;
    private final boolean byMultAdds;

    private Diagram(ModelStatistics stats, List<Block> blocks, List<Group> groups, List<Link> links, boolean byMultAdds) {
        this.stats = stats;
        this.blocks = List.copyOf(blocks);
        this.groups = List.copyOf(groups);
        this.links = List.copyOf(links);
        this.byMultAdds = byMultAdds;
    }

    /** Runs a summary pass that also follows the tensors, and draws it. */
    public static Diagram of(Module network, SummaryOptions options) {
        int verbose = options.verbose();
        FlowRecorder flow = new FlowRecorder();
        ModelStatistics stats;
        try {
            stats = Summarizer.summarize(network, options.verbose(0), flow);
        } finally {
            options.verbose(verbose);
        }
        if (!stats.hasForwardPass()) throw new IllegalArgumentException("diagram: give the input sizes (or data) of a forward pass");
        return build(stats, DataFlow.of(flow.events()));
    }

    /** The blocks and groups of a summary, linked in call order (a summary keeps no tensors to follow). */
    static Diagram of(ModelStatistics stats) { return build(stats, null); }

    /** The same diagram coloured by {@code "params"} or {@code "mult_adds"}. */
    public Diagram by(String metric) {
        return switch (metric) {
            case "params", "num_params" -> new Diagram(stats, blocks, groups, links, false);
            case "mult_adds" -> new Diagram(stats, blocks, groups, links, true);
            default -> throw new IllegalArgumentException("diagram.by(\"" + metric + "\"): unknown metric (valid: params, mult_adds)");
        };
    }

    public String toSvg() { return DiagramSvg.render(this); }

    /** Writes the SVG; returns the path. */
    public Path save(Path file) { return StatisticsFiles.write(file, toSvg()); }

    public Path save(String file) { return save(Path.of(file)); }

    /** The statistics the diagram was drawn from. */
    public ModelStatistics statistics() { return stats; }

    @Override public String toString() {
        long skips = links.stream().filter(l -> l.from() >= 0 && l.to() - l.from() > 1).count();
        long shortcuts = blocks.stream().filter(Block::shortcut).count();
        return "Diagram of " + stats.layers().get(0).typeName() + ": " + blocks.size() + " blocks in " + groups.size()
                + " groups, " + skips + " skip connections, " + shortcuts + " shortcut blocks"
                + " (.toSvg() is the SVG, .save(\"net.svg\") writes it)";
    }

    List<Block> blocks() { return blocks; }

    List<Group> groups() { return groups; }

    List<Link> links() { return links; }

    boolean byMultAdds() { return byMultAdds; }

    ModelStatistics stats() { return stats; }

    // ---------------------------------------------------------------- building

    private static Diagram build(ModelStatistics stats, List<DataFlow.Edge> edges) {
        TableFormat format = stats.format();
        int depthLimit = format.maxDepth();
        List<LayerInfo> rows = stats.layers();
        Map<LayerInfo, Integer> blockOf = new IdentityHashMap<>();
        Map<Integer, LayerInfo> firstLeaf = new HashMap<>();
        List<LayerInfo> blockRows = new ArrayList<>();
        for (LayerInfo row : rows) {
            boolean visible = VisibleRows.isVisible(row, format);
            boolean isBlock = visible && (row.isLeaf() || row.depth() == depthLimit);
            if (isBlock) {
                blockRows.add(row);
                blockOf.put(row, blockRows.size() - 1);
            } else if (row.depth() > depthLimit && !blockRows.isEmpty()) {
                blockOf.put(row, blockRows.size() - 1);
            }
            Integer b = blockOf.get(row);
            if (b != null && row.isLeaf()) firstLeaf.putIfAbsent(b, row);
        }
        List<Link> links = new ArrayList<>();
        Set<Integer> shortcut = new HashSet<>();
        if (edges == null) {
            for (int i = 0; i < blockRows.size(); i++) links.add(new Link(i - 1, i));
        } else {
            Set<Link> unique = new LinkedHashSet<>();
            for (DataFlow.Edge e : edges) {
                Integer to = blockOf.get(e.to());
                if (to == null) continue;
                Integer from = e.from() == null ? Integer.valueOf(-1) : blockOf.get(e.from());
                if (from == null || from.equals(to) || from > to) continue;
                if (e.to() != firstLeaf.get(to)) shortcut.add(to);
                unique.add(new Link(from, to));
            }
            links.addAll(unique);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < blockRows.size(); i++) {
            LayerInfo row = blockRows.get(i);
            long params = row.isRecursive() ? 0 : row.numParams();
            blocks.add(new Block(row, VisibleRows.label(row, format), params, VisibleRows.shownMultAdds(row, true), shortcut.contains(i)));
        }
        return new Diagram(stats, blocks, groups(rows, format, blockOf), links, false);
    }

    /** Visible containers above the depth limit (not the network itself), each around the blocks of its subtree. */
    private static List<Group> groups(List<LayerInfo> rows, TableFormat format, Map<LayerInfo, Integer> blockOf) {
        List<Group> groups = new ArrayList<>();
        List<Integer> openDepths = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LayerInfo row = rows.get(i);
            if (row.depth() == 0 || row.isLeaf() || row.depth() >= format.maxDepth() || !VisibleRows.isVisible(row, format)) continue;
            int first = -1, last = -1;
            for (int j = i + 1; j < rows.size() && rows.get(j).depth() > row.depth(); j++) {
                Integer b = blockOf.get(rows.get(j));
                if (b == null) continue;
                if (first < 0) first = b;
                last = b;
            }
            if (first < 0) continue;
            while (!openDepths.isEmpty() && groupEnds(groups, openDepths, first)) openDepths.remove(openDepths.size() - 1);
            groups.add(new Group(row, VisibleRows.label(row, format), first, last, openDepths.size()));
            openDepths.add(groups.size() - 1);
        }
        return groups;
    }

    /** Whether the innermost open group ends before block {@code next}. */
    private static boolean groupEnds(List<Group> groups, List<Integer> open, int next) {
        return groups.get(open.get(open.size() - 1)).last() < next;
    }
}
