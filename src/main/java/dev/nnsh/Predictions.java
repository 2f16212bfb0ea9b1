package dev.nnsh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;

import dev.nnsh.models.Models;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** The k most probable classes of one row of probabilities, with their labels. */
public final class Predictions {
    private Predictions() {}

    /** One class: its index in the output, its label and its probability. */
    public record Prediction(int index, String label, double probability) {}

    /** Labels: the given ones, else ImageNet's for 1000 classes, else "class i". */
    public static List<Prediction> top(Tensor probs, int k, List<String> labels) {
        if (probs.dim() == 2 && probs.size(0) == 1) probs = probs.squeeze(0);
        if (probs.dim() != 1) {
            throw new IllegalArgumentException("topk: expected one row of probabilities, [C] or [1, C], got shape "
                    + Shapes.format(probs.shape()));
        }
        int classes = (int) probs.size(0);
        if (k < 1 || k > classes) throw new IllegalArgumentException("topk: k must be in 1.." + classes + ", got " + k);
        List<String> names = labels != null ? labels : classes == 1000 ? Models.imagenetClasses() : null;
        if (names != null && names.size() != classes) {
            throw new IllegalArgumentException("topk: " + names.size() + " labels for " + classes + " classes");
        }
        double[] p = probs.nd().castTo(DataType.DOUBLE).dup('c').data().asDouble();
        Integer[] order = new Integer[classes];
        for (int i = 0; i < classes; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
        List<Prediction> out = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            int i = order[r];
            out.add(new Prediction(i, names != null ? names.get(i) : "class " + i, p[i]));
        }
        return out;
    }

    /** The rows topk prints: rank, probability, label and class index. */
    static String table(List<Prediction> predictions) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < predictions.size(); r++) {
            Prediction p = predictions.get(r);
            sb.append(String.format("%2d. %7.4f  %s (%d)%n", r + 1, p.probability(), p.label(), p.index()));
        }
        return sb.toString();
    }
}
