package dev.nnsh.kernel;

import dev.nnsh.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;

/** A compact HTML view of a tensor: shape and dtype, and its values (the first rows and columns). */
final class TensorHtml {
    private static final int MAX = 8;

    private TensorHtml() {}

    static String of(Tensor t) {
        long[] shape = t.shape();
        StringBuilder html = new StringBuilder("<div class=\"nnsh-tensor\"><b>Tensor</b> shape ")
                .append(escape(Arrays.toString(shape))).append(", dtype ").append(escape(String.valueOf(t.dtype())));
        if (t.isShapeOnly()) return html.append(" (shape only: no values)</div>").toString();
        html.append("<table style=\"font-family:monospace\">");
        long rows = shape.length < 2 ? 1 : shape[shape.length - 2];
        long cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        long[] index = new long[shape.length]; // the first matrix: leading indexes 0
        for (long r = 0; r < Math.min(rows, MAX); r++) {
            html.append("<tr>");
            for (long c = 0; c < Math.min(cols, MAX); c++) {
                if (shape.length >= 2) index[shape.length - 2] = r;
                if (shape.length >= 1) index[shape.length - 1] = c;
                html.append("<td>").append(number(t, index)).append("</td>");
            }
            if (cols > MAX) html.append("<td>…</td>");
            html.append("</tr>");
        }
        if (rows > MAX) html.append("<tr><td>⋮</td></tr>");
        html.append("</table>");
        if (shape.length > 2) {
            html.append("<small>the first of ").append(t.numel() / Math.max(1, rows * cols))
                .append(" matrices</small>");
        }
        return html.append("</div>").toString();
    }

    private static String number(Tensor t, long[] index) {
        double v = index.length == 0 ? t.nd().getDouble(0) : t.nd().getDouble(index);
        if (!t.dtype().isFloatingPoint()) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
