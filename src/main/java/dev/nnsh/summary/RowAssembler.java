package dev.nnsh.summary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nnsh.nn.Module;

/**
 * Turns the recorded calls into the table's rows as torchinfo does: inserts never-called containers
 * above their called children, numbers rows per depth, and links each row to the rows below it.
 */
final class RowAssembler {
    private RowAssembler() {}

    static List<LayerInfo> assemble(List<LayerInfo> called, ModuleTree tree) {
        List<LayerInfo> rows = withMissingContainers(called, tree);
        numberAndLink(rows);
        return rows;
    }

    /** Without a pass: one row per module of the tree, parents before children. */
    static List<LayerInfo> fromTree(ModuleTree tree) {
        List<LayerInfo> rows = new ArrayList<>();
        for (ModuleTree.Node node : tree.preorder()) rows.add(new LayerInfo(node, false));
        numberAndLink(rows);
        return rows;
    }

    /**
     * Before a row, each ancestor (depth 1 up to the row's parent) that is not the module last shown
     * at its depth is inserted; an ancestor inserted a second time is marked recursive.
     */
    private static List<LayerInfo> withMissingContainers(List<LayerInfo> called, ModuleTree tree) {
        Set<Module> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LayerInfo row : called) shown.add(row.module());
        Map<Integer, Module> lastAtDepth = new HashMap<>();
        List<LayerInfo> rows = new ArrayList<>(called.size());
        for (LayerInfo row : called) {
            if (row.depth() > 1) {
                ModuleTree.Node[] ancestors = new ModuleTree.Node[row.depth()];
                for (ModuleTree.Node n = tree.nodeOf(row.module()).parent; n != null && n.depth > 0; n = n.parent) {
                    ancestors[n.depth] = n;
                }
                for (int d = 1; d < row.depth(); d++) {
                    ModuleTree.Node ancestor = ancestors[d];
                    if (lastAtDepth.get(d) != ancestor.module) {
                        rows.add(new LayerInfo(ancestor, !shown.add(ancestor.module)));
                        lastAtDepth.put(d, ancestor.module);
                    }
                }
            }
            rows.add(row);
            lastAtDepth.put(row.depth(), row.module());
        }
        return rows;
    }

    private static void numberAndLink(List<LayerInfo> rows) {
        Map<Integer, Integer> counters = new HashMap<>();
        for (LayerInfo row : rows) row.depthIndex(counters.merge(row.depth(), 1, Integer::sum));
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i <= rows.size(); i++) {
            int depth = i < rows.size() ? rows.get(i).depth() : -1;
            while (!open.isEmpty() && rows.get(open.peek()).depth() >= depth) {
                int start = open.pop();
                rows.get(start).descendants(rows.subList(start + 1, i));
            }
            open.push(i);
        }
    }
}
