package dev.nnsh.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.BatchNormBase;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.Dropout2d;
import dev.nnsh.nn.Embedding;
import dev.nnsh.nn.Flatten;
import dev.nnsh.nn.GELU;
import dev.nnsh.nn.AdaptiveAvgPool3d;
import dev.nnsh.nn.AdaptiveMaxPool2d;
import dev.nnsh.nn.ChannelShuffle;
import dev.nnsh.nn.ELU;
import dev.nnsh.nn.GroupNorm;
import dev.nnsh.nn.Hardsigmoid;
import dev.nnsh.nn.Hardtanh;
import dev.nnsh.nn.InstanceNorm2d;
import dev.nnsh.nn.Mish;
import dev.nnsh.nn.PReLU;
import dev.nnsh.nn.Unflatten;
import dev.nnsh.nn.ZeroPad2d;
import dev.nnsh.nn.Hardswish;
import dev.nnsh.nn.Identity;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.LeakyReLU;
import dev.nnsh.nn.LogSoftmax;
import dev.nnsh.nn.ModuleDict;
import dev.nnsh.nn.ModuleList;
import dev.nnsh.nn.MultiheadAttention;
import dev.nnsh.nn.RNNCellBase;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.ReLU6;
import dev.nnsh.nn.Sequential;
import dev.nnsh.nn.SiLU;
import dev.nnsh.nn.Sigmoid;
import dev.nnsh.nn.Softmax;
import dev.nnsh.nn.Tanh;
import dev.nnsh.nn.TransformerEncoder;
import dev.nnsh.nn.TransformerEncoderLayer;
import dev.nnsh.nn.Upsample;
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
        List<String> more = moreFormulas(row, m);
        if (more != null) return more;
        return generic(row);
    }

    // ---------------------------------------------------------------- convolution

    private static List<String> conv(LayerInfo row, ConvNd<?> c) {
        int[] k = c.kernelSize(), s = c.stride(), p = c.padding(), d = c.dilation();
        int g = c.groups();
        List<String> lines = new ArrayList<>();
        lines.add(row.typeName() + "(" + c.inChannels() + ", " + c.outChannels() + windowWords(k, s, p, d, c.paddingMode())
                + (g != 1 ? ", groups " + g : "") + (c.hasBias() ? "" : ", no bias") + ")");
        String kSymbols = k.length == 1 ? "k" : k.length == 2 ? "kH·kW" : "kD·kH·kW";
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
        String[] names = spatialNames(out.length - 2);
        for (int i = 2; i < out.length; i++) {
            symbols.append('·').append(names[i - 2]).append("_out");
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

    private static String dimSymbol(int spatialDims) { return spatialNames(spatialDims)[0]; }

    /** L for one spatial dim, H and W for two, D, H and W for three. */
    private static String[] spatialNames(int spatialDims) {
        return switch (spatialDims) {
            case 1 -> new String[]{"L"};
            case 2 -> SPATIAL;
            case 3 -> new String[]{"D", "H", "W"};
            default -> java.util.stream.IntStream.rangeClosed(1, spatialDims).mapToObj(i -> "S" + i).toArray(String[]::new);
        };
    }

    private static String outputLine(LayerInfo row, String channels, int spatialDims, String formula) {
        String shape = row.outputShape() == null ? "" : " = " + Shapes.format(row.outputShape());
        return "output     = [N, " + channels + ", " + formula + (spatialDims > 1 ? ", …]" : "]") + shape;
    }

    /** The output-size formula with this layer's numbers, one line per spatial dimension. */
    private static List<String> windowSteps(LayerInfo row, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        List<String> lines = new ArrayList<>();
        long[] in = row.inputShape(), out = row.outputShape();
        if (in == null || out == null || in.length < k.length || out.length < k.length) return lines;
        String[] names = spatialNames(k.length);
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

    // --- issue 13: explain for every layer type ---

    /** Layer types with a formula of their own (the generic text only lists parameter shapes). */
    private static final List<Class<?>> DEDICATED = List.of(ConvTranspose2d.class, ConvNd.class, Linear.class, Windowed.class,
            BatchNormBase.class, RNNBase.class, RNNCellBase.class, Embedding.class, LayerNorm.class, GroupNorm.class,
            MultiheadAttention.class, TransformerEncoderLayer.class, AdaptiveAvgPool2d.class, Upsample.class, Flatten.class,
            Identity.class, Dropout.class, Dropout2d.class, Softmax.class, LogSoftmax.class, ReLU.class, ReLU6.class,
            LeakyReLU.class, GELU.class, SiLU.class, Sigmoid.class, Tanh.class, Hardswish.class);

    /** Containers of other layers, explained through their parts: they have no formula of their own. */
    static final List<Class<?>> CONTAINERS = List.of(Sequential.class, ModuleList.class, ModuleDict.class, TransformerEncoder.class);

    static boolean hasDedicatedFormula(Class<?> type) {
        for (Class<?> c : DEDICATED) if (c.isAssignableFrom(type)) return true;
        for (Class<?> c : ZOO_LAYERS) if (c.isAssignableFrom(type)) return true;
        return false;
    }

    /** Layers with sub-modules that explain() shows as a whole as well as through their parts. */
    static boolean explainsComposite(LayerInfo row) {
        return row.module() instanceof MultiheadAttention || row.module() instanceof TransformerEncoderLayer;
    }

    private static List<String> moreFormulas(LayerInfo row, Module m) {
        if (m instanceof RNNCellBase<?> c) return cell(row, c);
        List<String> zoo = zooLayerFormulas(row, m);
        if (zoo != null) return zoo;
        if (m instanceof Embedding e) return embedding(row, e);
        if (m instanceof LayerNorm n) return layerNorm(row, n);
        if (m instanceof GroupNorm) return groupNorm(row);
        if (m instanceof MultiheadAttention a) return attention(row, a);
        if (m instanceof TransformerEncoderLayer t) return encoderLayer(row, t);
        if (m instanceof AdaptiveAvgPool2d p) return adaptivePool(row, p);
        if (m instanceof Flatten) return reshaping(row, "flattens the dims from start_dim to end_dim into one; no parameters");
        if (m instanceof Identity) return reshaping(row, "returns its input unchanged; no parameters");
        if (m instanceof Upsample) return reshaping(row, "resizes the spatial dims by interpolation; no parameters");
        if (m instanceof Dropout || m instanceof Dropout2d) {
            return elementwise(row, m instanceof Dropout2d ? "in training zeroes whole channels with probability p and scales the rest by 1/(1−p); in eval the identity"
                    : "in training zeroes each element with probability p and scales the rest by 1/(1−p); in eval the identity");
        }
        if (m instanceof Softmax || m instanceof LogSoftmax) {
            return elementwise(row, (m instanceof LogSoftmax ? "log of " : "") + "e^x_i / Σ_j e^x_j along one dim");
        }
        String function = m instanceof ReLU ? "y = max(0, x)" : m instanceof ReLU6 ? "y = min(max(0, x), 6)"
                : m instanceof LeakyReLU ? "y = x for x ≥ 0, slope·x below" : m instanceof GELU ? "y = x·Φ(x), Φ the normal CDF"
                : m instanceof SiLU ? "y = x·σ(x)" : m instanceof Sigmoid ? "y = 1/(1 + e^−x)" : m instanceof Tanh ? "y = tanh(x)"
                : m instanceof Hardswish ? "y = x·ReLU6(x + 3)/6" : null;
        return function == null ? null : elementwise(row, "elementwise, " + function);
    }

    private static String repr(Module m) { return m.toString().split("\n")[0]; }

    private static List<String> elementwise(LayerInfo row, String what) {
        List<String> lines = new ArrayList<>();
        lines.add(repr(row.module()));
        lines.add("params     = 0 (" + what + ")");
        if (row.outputShape() != null) lines.add("output     = input shape = " + Shapes.format(row.outputShape()));
        return lines;
    }

    private static List<String> reshaping(LayerInfo row, String what) {
        List<String> lines = new ArrayList<>();
        lines.add(repr(row.module()));
        lines.add("params     = 0 (" + what + ")");
        long[] in = row.inputShape(), out = row.outputShape();
        if (in != null && out != null) lines.add("output     = " + Shapes.format(in) + " → " + Shapes.format(out));
        return lines;
    }

    private static List<String> adaptivePool(LayerInfo row, AdaptiveAvgPool2d p) {
        List<String> lines = new ArrayList<>();
        lines.add(repr(p));
        lines.add("params     = 0 (each output cell averages its share of the input, about H/H_out × W/W_out)");
        int[] size = p.outputSize();
        if (row.outputShape() != null) {
            lines.add("output     = [N, C, H_out, W_out] = [N, C, " + size[0] + ", " + size[1] + "] = " + Shapes.format(row.outputShape()));
        }
        return lines;
    }

    private static List<String> cell(LayerInfo row, RNNCellBase<?> c) {
        long h = c.hiddenSize(), in = c.inputSize();
        long gates = row.parameters().stream().filter(p -> p.name().equals("weight_ih")).mapToLong(p -> p.shape()[0]).findFirst().orElse(h) / h;
        boolean bias = row.parameters().stream().anyMatch(p -> p.name().startsWith("bias"));
        List<String> lines = new ArrayList<>();
        lines.add(row.typeName() + "(" + in + ", " + h + (bias ? "" : ", no bias") + ")");
        lines.add(String.format("params     = gates·H·(in + H%s) = %d·%d·(%d + %d%s) = %,d", bias ? " + 2" : "", gates, h, in, h,
                bias ? " + 2" : "", row.numParams()));
        lines.add("             gates = " + gates + (gates == 4 ? " (i, f, g, o)" : gates == 3 ? " (r, z, n)" : " (one tanh/relu step)")
                + "; W_ih is gates·H × in, W_hh gates·H × H, b_ih and b_hh gates·H each");
        if (row.outputShape() != null) {
            lines.add("output     = [N, H] = " + Shapes.format(row.outputShape()));
            lines.add(String.format("mult-adds  = %,d", row.multAdds()));
        }
        return lines;
    }

    private static List<String> embedding(LayerInfo row, Embedding e) {
        List<String> lines = new ArrayList<>();
        lines.add(repr(e));
        lines.add(String.format("params     = num_embeddings·embedding_dim = %d·%d = %,d (one row of the table per index)",
                e.numEmbeddings(), e.embeddingDim(), row.numParams()));
        long[] out = row.outputShape();
        if (out != null) {
            lines.add("output     = input shape + [embedding_dim] = " + Shapes.format(row.inputShape()) + " + [" + e.embeddingDim()
                    + "] = " + Shapes.format(out));
            lines.add(String.format("mult-adds  = params·out[0] = %,d·%d = %,d (torchinfo's count; a lookup does no arithmetic)",
                    row.numParams(), out[0], row.multAdds()));
        }
        return lines;
    }

    private static List<String> layerNorm(LayerInfo row, LayerNorm n) {
        long[] shape = n.normalizedShape();
        long size = 1;
        for (long d : shape) size *= d;
        int tensors = row.parameters().size();
        List<String> lines = new ArrayList<>();
        lines.add(repr(n));
        String which = tensors == 2 ? "a scale and a shift" : tensors == 1 ? "a scale (no bias)" : "none (elementwise_affine=False)";
        lines.add(String.format("params     = %d·∏normalized_shape = %d·%s = %,d (%s per normalised element)", tensors, tensors,
                join(shape), row.numParams(), which));
        normOutput(row, lines);
        return lines;
    }

    private static List<String> groupNorm(LayerInfo row) {
        List<String> lines = new ArrayList<>();
        lines.add(repr(row.module()));
        long[] in = row.inputShape();
        String channels = in != null && in.length > 1 ? String.valueOf(in[1]) : "C";
        lines.add(row.numParams() > 0
                ? String.format("params     = 2·C = 2·%s = %,d (a scale and a shift per channel; the groups share statistics, not parameters)",
                        channels, row.numParams())
                : "params     = 0 (affine=False)");
        normOutput(row, lines);
        return lines;
    }

    private static void normOutput(LayerInfo row, List<String> lines) {
        long[] out = row.outputShape();
        if (out == null) return;
        lines.add("output     = input shape = " + Shapes.format(out));
        if (row.numParams() > 0) lines.add(String.format("mult-adds  = params·N = %,d·%d = %,d", row.numParams(), out[0], row.multAdds()));
    }

    private static List<String> attention(LayerInfo row, MultiheadAttention a) {
        long e = a.embedDim();
        long kdim = e, vdim = e, inBias = 0, outParams = 0;
        boolean packed = false;
        for (LayerInfo.ParameterInfo p : row.parameters()) {
            switch (p.name()) {
                case "in_proj_weight" -> packed = true;
                case "k_proj_weight" -> kdim = p.shape()[1];
                case "v_proj_weight" -> vdim = p.shape()[1];
                case "in_proj_bias" -> inBias = p.count();
                default -> { if (p.name().startsWith("out_proj.")) outParams += p.count(); }
            }
        }
        boolean bias = inBias > 0;
        List<String> lines = new ArrayList<>();
        lines.add("MultiheadAttention(embed_dim " + e + ", " + a.numHeads() + " heads of " + a.headDim()
                + (packed ? "" : ", kdim " + kdim + ", vdim " + vdim) + (bias ? "" : ", no bias") + ")");
        String inFormula = packed ? "3·E·E" : "E·E + E·kdim + E·vdim";
        String inNumbers = packed ? "3·" + e + "·" + e : e + "·" + e + " + " + e + "·" + kdim + " + " + e + "·" + vdim;
        long inParams = e * e + e * kdim + e * vdim + inBias;
        lines.add(String.format("params     = in-proj (%s%s) + out-proj (E·E%s) = (%s%s) + (%d·%d%s) = %,d + %,d = %,d", inFormula,
                bias ? " + 3·E" : "", bias ? " + E" : "", inNumbers, bias ? " + 3·" + e : "", e, e, bias ? " + " + e : "",
                inParams, outParams, row.numParams()));
        lines.add("             query, key and value are each projected to E = heads·head_dim; the heads' outputs are joined and projected back");
        long[] out = row.outputShape();
        if (out != null) {
            lines.add("output     = the query's shape with E last = " + Shapes.format(out));
            lines.add(String.format("mult-adds  = %,d (torchinfo's rule over the subtree's parameters; the attention products themselves are not counted)",
                    row.multAdds()));
        }
        return lines;
    }

    private static List<String> encoderLayer(LayerInfo row, TransformerEncoderLayer t) {
        long attention = 0, feedForward = 0, norms = 0;
        for (LayerInfo.ParameterInfo p : row.parameters()) {
            if (p.name().startsWith("self_attn.")) attention += p.count();
            else if (p.name().startsWith("linear")) feedForward += p.count();
            else if (p.name().startsWith("norm")) norms += p.count();
        }
        long d = t.dModel(), ff = feedForward > 0 ? (feedForward - d) / (2 * d + 1) : 0;
        List<String> lines = new ArrayList<>();
        lines.add("TransformerEncoderLayer(d_model " + d + ", nhead " + t.nhead() + ", dim_feedforward " + ff + ")");
        lines.add(String.format("params     = self_attn + feed-forward + 2 norms = %,d + %,d + %,d = %,d", attention, feedForward,
                norms, row.numParams()));
        lines.add(String.format("             self_attn  = 4·d·d + 4·d = 4·%d·%d + 4·%d = %,d (in-proj 3·d·d + 3·d, out-proj d·d + d)", d, d, d,
                4 * d * d + 4 * d));
        lines.add(String.format("             feed-fwd   = (d + 1)·ff + (ff + 1)·d = (%d + 1)·%d + (%d + 1)·%d = %,d", d, ff, ff, d,
                (d + 1) * ff + (ff + 1) * d));
        lines.add(String.format("             norms      = 2·(2·d) = 2·(2·%d) = %,d", d, 4 * d));
        if (row.outputShape() != null) lines.add("output     = input shape = " + Shapes.format(row.outputShape()));
        return lines;
    }

    // --- zoo layers ---

    private static final List<Class<?>> ZOO_LAYERS = List.of(AdaptiveAvgPool3d.class, AdaptiveMaxPool2d.class,
            ChannelShuffle.class, ELU.class, Hardsigmoid.class, Hardtanh.class, InstanceNorm2d.class, Mish.class, PReLU.class,
            Unflatten.class, ZeroPad2d.class);

    private static List<String> zooLayerFormulas(LayerInfo row, Module m) {
        if (m instanceof AdaptiveAvgPool3d) return adaptivePooling(row, "averages", 3);
        if (m instanceof AdaptiveMaxPool2d) return adaptivePooling(row, "takes the maximum of", 2);
        if (m instanceof ChannelShuffle) return reshaping(row, "regroups the channels: [N, g, C/g, …] → [N, C/g, g, …]; no parameters");
        if (m instanceof Unflatten) return reshaping(row, "splits one dim into unflattened_size; no parameters");
        if (m instanceof ZeroPad2d) return reshaping(row, "pads with zeros: W + left + right, H + top + bottom; no parameters");
        if (m instanceof PReLU) return prelu(row);
        if (m instanceof InstanceNorm2d) return instanceNorm(row);
        String function = m instanceof ELU ? "y = x for x > 0, α·(e^x − 1) below" : m instanceof Hardsigmoid ? "y = ReLU6(x + 3)/6"
                : m instanceof Hardtanh ? "y = min(max(x, min_val), max_val)"
                : m instanceof Mish ? "y = x·tanh(softplus(x)), softplus(x) = ln(1 + e^x)" : null;
        return function == null ? null : elementwise(row, "elementwise, " + function);
    }

    private static List<String> adaptivePooling(LayerInfo row, String reduction, int spatialDims) {
        String[] names = spatialNames(spatialDims);
        StringBuilder share = new StringBuilder(), dims = new StringBuilder();
        for (int i = 0; i < spatialDims; i++) {
            share.append(i > 0 ? " × " : "").append(names[i]).append('/').append(names[i]).append("_out");
            dims.append(", ").append(names[i]).append("_out");
        }
        List<String> lines = new ArrayList<>();
        lines.add(repr(row.module()));
        lines.add("params     = 0 (each output cell " + reduction + " its share of the input, about " + share + ")");
        if (row.outputShape() != null) lines.add("output     = [N, C" + dims + "] = " + Shapes.format(row.outputShape()));
        return lines;
    }

    private static List<String> prelu(LayerInfo row) {
        List<String> lines = new ArrayList<>();
        lines.add(repr(row.module()));
        lines.add(Numbers.format("params     = num_parameters = %,d (the learned slope a of y = max(0, x) + a·min(0, x); one, or one per channel)",
                row.numParams()));
        if (row.outputShape() != null) lines.add("output     = input shape = " + Shapes.format(row.outputShape()));
        return lines;
    }

    private static List<String> instanceNorm(LayerInfo row) {
        List<String> lines = new ArrayList<>();
        lines.add(repr(row.module()));
        long[] in = row.inputShape();
        String channels = in != null && in.length > 1 ? String.valueOf(in[1]) : "C";
        lines.add(row.numParams() > 0
                ? Numbers.format("params     = 2·C = 2·%s = %,d (a scale and a shift per channel; each sample's channel is normalised over H·W)",
                        channels, row.numParams())
                : "params     = 0 (affine=False; each sample's channel is normalised over H·W)");
        normOutput(row, lines);
        return lines;
    }
}
