package dev.nnsh.tensor;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Prints tensors the way PyTorch does: {@code tensor([[0.1000, 2.0000], ...])}, values elided with
 * "..." (3 at each edge) once there are more than 1000, integers without decimals, scientific
 * notation when magnitudes are far apart, and a dtype suffix for non-default types.
 */
final class TensorFormat {
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;
    private static final int LINE_WIDTH = 80;

    private TensorFormat() {}

    static String format(Tensor t) {
        String suffix = dtypeSuffix(t.dtype());
        if (t.isShapeOnly()) {
            StringBuilder size = new StringBuilder("(");
            long[] s = t.shape();
            for (int i = 0; i < s.length; i++) size.append(i > 0 ? ", " : "").append(s[i]);
            if (s.length == 1) size.append(',');
            size.append(')');
            return "tensor(..., size=" + size + suffix + ", shape_only=True)";
        }
        INDArray a = t.nd();
        boolean summarize = t.numel() > THRESHOLD;
        List<Double> shown = new ArrayList<>();
        collect(a, t.shape(), new long[t.dim()], 0, summarize, shown);
        ValueStyle style = t.dtype() == DType.BOOL ? ValueStyle.BOOLEAN_STYLE
                : ValueStyle.choose(shown, t.dtype().isFloatingPoint());
        StringBuilder sb = new StringBuilder("tensor(");
        if (t.numel() == 0) {
            sb.append("[]");
            if (t.dim() > 1) suffix = ", size=" + Shapes.format(t.shape()).replace('[', '(').replace(']', ')') + suffix;
        } else {
            render(sb, a, t.shape(), new long[t.dim()], 0, summarize, style, "tensor(".length());
        }
        return sb.append(suffix).append(')').toString();
    }

    private static String dtypeSuffix(DType d) {
        return d == DType.FLOAT32 || d == DType.INT64 || d == DType.BOOL ? "" : ", dtype=torch." + d;
    }

    private static List<Long> indices(long size, boolean summarize) {
        List<Long> out = new ArrayList<>();
        if (summarize && size > 2 * EDGE) {
            for (long i = 0; i < EDGE; i++) out.add(i);
            out.add(-1L);
            for (long i = size - EDGE; i < size; i++) out.add(i);
        } else {
            for (long i = 0; i < size; i++) out.add(i);
        }
        return out;
    }

    private static void collect(INDArray a, long[] shape, long[] idx, int d, boolean summarize, List<Double> out) {
        if (d == shape.length) {
            out.add(a.getDouble(idx));
            return;
        }
        for (long i : indices(shape[d], summarize)) {
            if (i < 0) continue;
            idx[d] = i;
            collect(a, shape, idx, d + 1, summarize, out);
        }
    }

    private static void render(StringBuilder sb, INDArray a, long[] shape, long[] idx, int d, boolean summarize,
                               ValueStyle style, int indent) {
        if (shape.length == 0) {
            sb.append(style.format(a.getDouble(idx)).strip());
            return;
        }
        sb.append('[');
        List<Long> items = indices(shape[d], summarize);
        boolean last = d == shape.length - 1;
        int perLine = Math.max(1, (LINE_WIDTH - indent - 1) / (style.width() + 2));
        int onLine = 0;
        for (int k = 0; k < items.size(); k++) {
            long i = items.get(k);
            if (k > 0) {
                if (last) {
                    sb.append(',');
                    if (++onLine >= perLine) {
                        sb.append('\n').append(" ".repeat(indent + 1));
                        onLine = 0;
                    } else {
                        sb.append(' ');
                    }
                } else {
                    sb.append(',').append("\n".repeat(shape.length - d - 1)).append(" ".repeat(indent + 1));
                }
            }
            if (i < 0) {
                sb.append(last ? " ..." : "...");
                continue;
            }
            idx[d] = i;
            if (last) sb.append(style.format(a.getDouble(idx)));
            else render(sb, a, shape, idx, d + 1, summarize, style, indent + 1);
        }
        sb.append(']');
    }

    /** How one tensor's values are written: all with the same width and notation. */
    private record ValueStyle(int kind, int width) {
        static final int INTEGER = 0, WHOLE_FLOAT = 1, FIXED = 2, SCIENTIFIC = 3, BOOLEAN = 4;
        static final ValueStyle BOOLEAN_STYLE = new ValueStyle(BOOLEAN, 5);

        static ValueStyle choose(List<Double> values, boolean floating) {
            int kind;
            if (!floating) {
                kind = INTEGER;
            } else {
                double maxAbs = 0, minAbs = Double.MAX_VALUE;
                boolean whole = true;
                for (double v : values) {
                    if (!Double.isFinite(v)) continue;
                    whole &= v == Math.rint(v);
                    double m = Math.abs(v);
                    maxAbs = Math.max(maxAbs, m);
                    if (m != 0) minAbs = Math.min(minAbs, m);
                }
                boolean farApart = minAbs != Double.MAX_VALUE && maxAbs / minAbs > 1000;
                if (whole) kind = maxAbs > 1e8 || farApart ? SCIENTIFIC : WHOLE_FLOAT;
                else if (minAbs != Double.MAX_VALUE && (maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4)) {
                    kind = SCIENTIFIC;
                } else kind = FIXED;
            }
            int width = 1;
            ValueStyle probe = new ValueStyle(kind, 0);
            for (double v : values) width = Math.max(width, probe.raw(v).length());
            return new ValueStyle(kind, width);
        }

        String raw(double v) {
            if (Double.isNaN(v)) return "nan";
            if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
            return switch (kind) {
                case INTEGER -> Long.toString((long) v);
                case BOOLEAN -> v != 0 ? "True" : "False";
                case WHOLE_FLOAT -> (long) v + ".";
                case FIXED -> Numbers.format("%.4f", v);
                default -> Numbers.format("%.4e", v);
            };
        }

        String format(double v) {
            String s = raw(v);
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }
    }
}
