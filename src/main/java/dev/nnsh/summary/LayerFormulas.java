package dev.nnsh.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.nnsh.nn.BatchNormBase;
import dev.nnsh.nn.ConvNd;
import dev.nnsh.nn.ConvTranspose2d;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.RNNBase;
import dev.nnsh.nn.Windowed;
import dev.nnsh.tensor.Numbers;
import dev.nnsh.tensor.Shapes;

/**
 * The formulas behind one row of a summary, written out with the layer's numbers: the first line
 * describes the layer, the others are {@code params = …}, {@code output = …}, {@code mult-adds = …}.
 */
final class LayerFormulas {
    private static final String[] SPATIAL = {"H", "W"};

    private LayerFormulas() {}

    static List<String> explain(LayerInfo row) {
        Module m = row.module();
        if (m instanceof ConvTranspose2d t) return convTranspose(row, t);
        if (m instanceof ConvNd<?> c) return conv(row, c);
        if (m instanceof Linear l) return linear(row, l);
        if (m instanceof Windowed w) return pooling(row, w);
        if (m instanceof BatchNormBase<?>) return batchNorm(row);
        if (m instanceof RNNBase<?> r) return recurrent(row, r);
        return generic(row);
    }

    // ---------------------------------------------------------------- convolution

    private static List<String> conv(LayerInfo row, ConvNd<?> c) {
        int[] k = c.kernelSize(), s = c.stride(), p = c.padding(), d = c.dilation();
        int g = c.groups();
        List<String> lines = new ArrayList<>();
        lines.add(row.typeName() + "(" + c.inChannels() + ", " + c.outChannels() + windowWords(k, s, p, d, c.paddingMode())
                + (g != 1 ? ", groups " + g : "") + (c.hasBias() ? "" : ", no bias") + ")");
        String kSymbols = k.length == 1 ? "k" : "kH·kW";
        String kNumbers = join(k);
        String cIn = g == 1 ? "C_in" : "C_in/groups";
        String cInNumbers = g == 1 ? String.valueOf(c.inChannels()) : "(" + c.inChannels() + "/" + g + ")";
        String formula = c.hasBias() ? "(" + kSymbols + "·" + cIn + " + 1)·C_out" : kSymbols + "·" + cIn + "·C_out";
        String numbers = c.hasBias() ? "(" + kNumbers + "·" + cInNumbers + " + 1)·" + c.outChannels()
                : kNumbers + "·" + cInNumbers + "·" + c.outChannels();
        lines.add(Numbers.format("params     = %s = %s = %,d", formula, numbers, row.numParams()));
        lines.add(outputLine(row, "C_out", k.length, "⌊(" + dimSymbol(k.length) + " + 2p − d·(k−1) − 1)/s⌋ + 1"));
        lines.addAll(windowSteps(row, k, s, p, d, false));
        lines.add(convMultAdds(row));
        return lines;
    }

    private static List<String> convTranspose(LayerInfo row, ConvTranspose2d c) {
        int[] k = c.kernelSize(), s = c.stride(), p = c.padding(), d = c.dilation(), op = c.outputPadding();
        int g = c.groups();
        List<String> lines = new ArrayList<>();
        lines.add(row.typeName() + "(" + c.inChannels() + ", " + c.outChannels() + windowWords(k, s, p, d, null)
                + (g != 1 ? ", groups " + g : "") + (c.hasBias() ? "" : ", no bias") + ")");
        String cOut = g == 1 ? "C_out" : "C_out/groups";
        String cOutNumbers = g == 1 ? String.valueOf(c.outChannels()) : "(" + c.outChannels() + "/" + g + ")";
        String formula = "C_in·" + cOut + "·kH·kW" + (c.hasBias() ? " + C_out" : "");
        String numbers = c.inChannels() + "·" + cOutNumbers + "·" + join(k) + (c.hasBias() ? " + " + c.outChannels() : "");
        lines.add(Numbers.format("params     = %s = %s = %,d", formula, numbers, row.numParams()));
        lines.add(outputLine(row, "C_out", 2, "(H − 1)·s − 2p + d·(k−1) + output_padding + 1"));
        long[] in = row.inputShape(), out = row.outputShape();
        if (in != null && out != null && in.length == 4) {
            for (int i = 0; i < 2; i++) {
                lines.add(Numbers.format("             %s_out = (%d − 1)·%d − 2·%d + %d·(%d−1) + %d + 1 = %d", SPATIAL[i],
                        in[2 + i], s[i], p[i], d[i], k[i], op[i], out[2 + i]));
            }
        }
        lines.add(convMultAdds(row));
        return lines;
    }

    private static String convMultAdds(LayerInfo row) {
        long[] out = row.outputShape();
        if (out == null || out.length < 3) return Numbers.format("mult-adds  = %,d", row.multAdds());
        StringBuilder symbols = new StringBuilder("params·N"), numbers = new StringBuilder(Numbers.format("%,d·%d", row.numParams(), out[0]));
        String[] names = out.length == 3 ? new String[]{"L_out"} : new String[]{"H_out", "W_out"};
        for (int i = 2; i < out.length; i++) {
            symbols.append('·').append(i - 2 < names.length ? names[i - 2] : "D" + i);
            numbers.append('·').append(out[i]);
        }
        return Numbers.format("mult-adds  = %s = %s = %,d", symbols, numbers, row.multAdds());
    }

    // ---------------------------------------------------------------- linear

    private static List<String> linear(LayerInfo row, Linear l) {
        boolean bias = row.parameters().stream().anyMatch(p -> p.name().equals("bias"));
        List<String> lines = new ArrayList<>();
        lines.add(row.typeName() + "(" + l.inFeatures() + ", " + l.outFeatures() + (bias ? "" : ", no bias") + ")");
        if (bias) {
            lines.add(Numbers.format("params     = (in + 1)·out = (%d + 1)·%d = %,d", l.inFeatures(), l.outFeatures(), row.numParams()));
        } else {
            lines.add(Numbers.format("params     = in·out = %d·%d = %,d", l.inFeatures(), l.outFeatures(), row.numParams()));
        }
        long[] out = row.outputShape();
        if (out == null) return lines;
        lines.add("output     = [" + (out.length > 1 ? "…, " : "") + "out] = " + Shapes.format(out));
        long rows = row.multAdds() / Math.max(1, row.numParams());
        String leading = out.length == 2 ? "N" : "(all output dims but the last)";
        lines.add(Numbers.format("mult-adds  = params·%s = %,d·%,d = %,d", leading, row.numParams(), rows, row.multAdds()));
        return lines;
    }

    // ---------------------------------------------------------------- pooling

    private static List<String> pooling(LayerInfo row, Windowed w) {
        int[] k = w.kernelSize(), s = w.stride(), p = w.padding(), d = w.dilation();
        List<String> lines = new ArrayList<>();
        lines.add(row.typeName() + "(" + windowWords(k, s, p, d, null).substring(2) + (w.ceilMode() ? ", ceil mode" : "") + ")");
        lines.add("params     = 0 (pooling has no parameters)");
        String rounding = w.ceilMode() ? "⌈(%s + 2p − d·(k−1) − 1)/s⌉ + 1" : "⌊(%s + 2p − d·(k−1) − 1)/s⌋ + 1";
        lines.add(outputLine(row, "C", k.length, Numbers.format(rounding, dimSymbol(k.length))));
        lines.addAll(windowSteps(row, k, s, p, d, w.ceilMode()));
        return lines;
    }

    // ---------------------------------------------------------------- recurrent

    /** Per layer and direction: gates·H·(in + H + 2), the input and hidden weights plus two biases. */
    private static List<String> recurrent(LayerInfo row, RNNBase<?> r) {
        long h = r.hiddenSize();
        int directions = r.numDirections();
        List<String> lines = new ArrayList<>();
        lines.add(row.typeName() + "(" + r.inputSize() + ", " + h + (r.numLayers() > 1 ? ", num_layers " + r.numLayers() : "")
                + (directions == 2 ? ", bidirectional" : "") + (r.hasBias() ? "" : ", no bias") + ")");
        List<String> terms = new ArrayList<>();
        for (int layer = 0; layer < r.numLayers(); layer++) {
            long in = layer == 0 ? r.inputSize() : directions * h;
            String term = r.gates() + "·" + h + "·(" + in + " + " + h + (r.hasBias() ? " + 2" : "") + ")";
            terms.add(directions == 2 ? "2·" + term : term);
        }
        String perLayer = "gates·H·(in + H" + (r.hasBias() ? " + 2" : "") + ")";
        lines.add(Numbers.format("params     = Σ layers%s %s = %s = %,d", directions == 2 ? " and directions" : "", perLayer,
                String.join(" + ", terms), row.numParams()));
        lines.add("             gates = " + r.gates() + (r.gates() == 4 ? " (i, f, g, o)" : r.gates() == 3 ? " (r, z, n)" : "")
                + "; a later layer's input is the previous layer's output, " + (directions == 2 ? "2·H" : "H") + " wide");
        long[] out = row.outputShape();
        if (out == null) return lines;
        lines.add("output     = [L, N, " + (directions == 2 ? "2·H" : "H") + "] = " + Shapes.format(out));
        if (out.length >= 2) {
            lines.add(Numbers.format("mult-adds  = params·out[0]·out[1] = %,d·%d·%d = %,d", row.numParams(), out[0], out[1],
                    row.multAdds()));
        }
        return lines;
    }

    // ---------------------------------------------------------------- normalisation and the rest

    private static List<String> batchNorm(LayerInfo row) {
        List<String> lines = new ArrayList<>();
        long[] out = row.outputShape();
        lines.add(row.typeName() + "(" + (out != null && out.length > 1 ? out[1] : "?") + ")");
        if (row.numParams() > 0) {
            lines.add(Numbers.format("params     = 2·C (a scale and a shift per channel) = 2·%d = %,d", row.numParams() / 2, row.numParams()));
            lines.add("             running mean and variance are buffers, not parameters");
        } else {
            lines.add("params     = 0 (affine=False)");
        }
        if (out != null) {
            lines.add("output     = input shape = " + Shapes.format(out));
            if (row.numParams() > 0) {
                lines.add(Numbers.format("mult-adds  = params·N = %,d·%d = %,d", row.numParams(), out[0], row.multAdds()));
            }
        }
        return lines;
    }

    private static List<String> generic(LayerInfo row) {
        List<String> lines = new ArrayList<>();
        lines.add(row.module().toString().split("\n")[0]);
        if (row.parameters().isEmpty()) {
            lines.add("params     = 0");
        } else {
            List<String> shapes = new ArrayList<>(), counts = new ArrayList<>();
            for (LayerInfo.ParameterInfo p : row.parameters()) {
                shapes.add(p.name() + " " + Shapes.format(p.shape()));
                counts.add(p.shape().length == 0 ? "1" : join(p.shape()));
            }
            lines.add(Numbers.format("params     = %s = %s = %,d", String.join(" + ", shapes), String.join(" + ", counts),
                    row.numParams()));
        }
        if (row.outputShape() != null) lines.add("output     = " + Shapes.format(row.outputShape()));
        if (row.multAdds() > 0) lines.add(Numbers.format("mult-adds  = %,d", row.multAdds()));
        return lines;
    }

    // ---------------------------------------------------------------- shared pieces

    private static String dimSymbol(int spatialDims) { return spatialDims == 1 ? "L" : "H"; }

    private static String outputLine(LayerInfo row, String channels, int spatialDims, String formula) {
        String shape = row.outputShape() == null ? "" : " = " + Shapes.format(row.outputShape());
        return "output     = [N, " + channels + ", " + formula + (spatialDims > 1 ? ", …]" : "]") + shape;
    }

    /** The output-size formula with this layer's numbers, one line per spatial dimension. */
    private static List<String> windowSteps(LayerInfo row, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        List<String> lines = new ArrayList<>();
        long[] in = row.inputShape(), out = row.outputShape();
        if (in == null || out == null || in.length < k.length || out.length < k.length) return lines;
        String[] names = k.length == 1 ? new String[]{"L"} : SPATIAL;
        String open = ceil ? "⌈" : "⌊", close = ceil ? "⌉" : "⌋";
        for (int i = 0; i < k.length; i++) {
            int inDim = in.length - k.length + i, outDim = out.length - k.length + i;
            lines.add(Numbers.format("             %s_out = %s(%d + 2·%d − %d·(%d−1) − 1)/%d%s + 1 = %d", names[i], open,
                    in[inDim], p[i], d[i], k[i], s[i], close, out[outDim]));
        }
        return lines;
    }

    private static String windowWords(int[] k, int[] s, int[] p, int[] d, String paddingMode) {
        StringBuilder sb = new StringBuilder(", kernel ").append(sameOrJoin(k, "×"));
        sb.append(", stride ").append(sameOrJoin(s, "×"));
        if (paddingMode != null) sb.append(", padding ").append(paddingMode);
        else sb.append(", padding ").append(sameOrJoin(p, "×"));
        if (Arrays.stream(d).anyMatch(x -> x != 1)) sb.append(", dilation ").append(sameOrJoin(d, "×"));
        return sb.toString();
    }

    private static String sameOrJoin(int[] v, String sep) {
        boolean same = Arrays.stream(v).allMatch(x -> x == v[0]);
        if (same) return String.valueOf(v[0]);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? sep : "").append(v[i]);
        return sb.toString();
    }

    private static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? "·" : "").append(v[i]);
        return sb.toString();
    }

    private static String join(long[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? "·" : "").append(v[i]);
        return sb.toString();
    }
}
