package dev.nnsh.summary;

import dev.nnsh.tensor.Numbers;

/** The Param #, Param % and Mult-Adds cells of a row, by torchinfo's rules. */
final class CellValues {
    private CellValues() {}

    private static final String NONE = "--";
    private static final String RECURSIVE = "(recursive)";

    /** The count a row shows: its subtree when it is a leaf or at the depth limit, else its leftover. */
    private static long shownCount(LayerInfo row, boolean atDepthLimit) {
        return atDepthLimit || row.isLeaf() ? row.numParams() : row.leftoverParams();
    }

    static String numParams(LayerInfo row, boolean atDepthLimit) {
        if (row.numParams() == 0) return NONE;
        if (row.isRecursive()) return RECURSIVE;
        if (atDepthLimit || row.isLeaf()) {
            String count = Numbers.grouped(row.numParams());
            return row.trainableParams() > 0 ? count : "(" + count + ")";
        }
        long leftover = row.leftoverParams();
        return leftover > 0 ? Numbers.grouped(leftover) : NONE;
    }

    static String paramsPercent(LayerInfo row, boolean atDepthLimit, long totalParams) {
        String zero = "     " + NONE;
        if (totalParams == 0) return zero;
        if (row.isRecursive()) return RECURSIVE;
        long count = shownCount(row, atDepthLimit);
        return count == 0 ? zero : Numbers.percent((double) count / totalParams);
    }

    static String multAdds(LayerInfo row, boolean atDepthLimit) {
        if (row.multAdds() <= 0) return NONE;
        if (row.isLeaf()) return Numbers.grouped(row.multAdds());
        if (atDepthLimit) {
            long sum = 0;
            for (LayerInfo d : row.descendants()) if (d.isLeaf()) sum += d.multAdds();
            return Numbers.grouped(sum);
        }
        return NONE;
    }
}
