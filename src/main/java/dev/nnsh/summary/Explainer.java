package dev.nnsh.summary;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Numbers;

/**
 * {@code explain(...)}: runs the same pass as {@code summary}, then shows for each layer that ran how
 * its parameter count, output shape and mult-adds follow from its arguments, with its own numbers.
 * Each layer is explained once (repeated calls of the same module are skipped).
 */
public final class Explainer {
    private Explainer() {}

    public static ModelStatistics explain(Module network, SummaryOptions options) {
        int verbose = options.verbose();
        ModelStatistics stats = Summarizer.summarize(network, options.verbose(0));
        options.verbose(verbose);
        String text = render(stats);
        if (verbose > 0) System.out.print(text);
        return stats;
    }

    static String render(ModelStatistics stats) {
        StringBuilder sb = new StringBuilder();
        for (LayerInfo row : stats.layers()) {
            if (!(row.isLeaf() || LayerFormulas.explainsComposite(row)) || row.isRecursive() || !row.executed()) continue;
            List<String> lines = LayerFormulas.explain(row);
            sb.append(row.path().isEmpty() ? row.typeName() : row.path()).append("  ").append(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) sb.append("  ").append(line).append('\n');
        }
        List<String> totals = new ArrayList<>();
        totals.add(Numbers.format("total params     = %,d (%,d trainable)", stats.totalParams(), stats.trainableParams()));
        if (stats.hasForwardPass()) totals.add(Numbers.format("total mult-adds  = %,d", stats.totalMultAdds()));
        for (String t : totals) sb.append(t).append('\n');
        return sb.toString();
    }
}
