package dev.nnsh.nn;

import static dev.nnsh.nn.Reference.values;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

import dev.nnsh.nn.RecurrentReference.Kind;
import dev.nnsh.nn.WindowReference.Arr;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * One entry per public layer, like PyTorch's {@code module_db}: how to make it, a valid input, a
 * plain-Java reference for its output (in eval mode), and what PyTorch prints for it and counts as
 * its parameters (copied from tools/layer_catalogue_references.py, which builds the same layers in
 * PyTorch). {@link LayerCatalogueTest} runs the generic checks over every entry and fails when a
 * public layer in dev.nnsh.nn has none.
 *
 * <p>Adding a layer: one {@code entry(...)} line below (and the same layer in the tools script, to
 * get PyTorch's print and count), with a reference in {@link Reference} if it computes something new.
 */
final class LayerCatalogue {
    private LayerCatalogue() {}

    /** The expected output values of {@code layer} on {@code input} (the layer is in eval mode). */
    interface Expected { double[] of(Module layer, Tensor input); }

    /**
     * {@code input} null: a container with no forward of its own. {@code reference} null: the values
     * are checked by the test class {@code valuesCheckedBy} (a composition too large for a line here).
     */
    record Entry(String name, Supplier<Module> factory, Supplier<Tensor> input, Expected reference,
                 Class<?> valuesCheckedBy, long params, String printed) {
        @Override public String toString() { return name; }
    }

    static final List<Entry> ENTRIES = List.of(
            entry("AdaptiveAvgPool2d", () -> new AdaptiveAvgPool2d(3), randn(1, 2, 7, 5), (m, x) -> window(WindowReference.adaptiveAvgPool2d(Arr.of(x), 3, 3)), 0, "AdaptiveAvgPool2d(output_size=3)"),
            entry("AdaptiveAvgPool3d", () -> new AdaptiveAvgPool3d(2), randn(1, 2, 5, 4, 7), (m, x) -> window(WindowReference.adaptivePool(Arr.of(x), new int[]{2, 2, 2}, false)), 0, "AdaptiveAvgPool3d(output_size=2)"),
            entry("AdaptiveMaxPool2d", () -> new AdaptiveMaxPool2d(3), randn(1, 2, 7, 5), (m, x) -> window(WindowReference.adaptivePool(Arr.of(x), new int[]{3, 3}, true)), 0, "AdaptiveMaxPool2d(output_size=3)"),
            entry("AvgPool2d", () -> new AvgPool2d(3, 2, 1), randn(1, 2, 7, 6), (m, x) -> window(WindowReference.avgPool2d(Arr.of(x), pair(3), pair(2), pair(1), false, true, 0)), 0, "AvgPool2d(kernel_size=3, stride=2, padding=1)"),
            entry("BatchNorm1d", () -> new BatchNorm1d(3), randn(4, 3), (m, x) -> runningStatistics(m, x), 6, "BatchNorm1d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)"),
            entry("BatchNorm2d", () -> new BatchNorm2d(3), randn(2, 3, 4, 4), (m, x) -> runningStatistics(m, x), 6, "BatchNorm2d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)"),
            entry("BatchNorm3d", () -> new BatchNorm3d(3), randn(2, 3, 2, 3, 4), (m, x) -> runningStatistics(m, x), 6, "BatchNorm3d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)"),
            entry("ChannelShuffle", () -> new ChannelShuffle(2), randn(2, 6, 2, 3), (m, x) -> window(WindowReference.channelShuffle(Arr.of(x), 2)), 0, "ChannelShuffle(groups=2)"),
            entry("Conv1d", () -> new Conv1d(2, 4, 3, 1, 1), randn(2, 2, 9), (m, x) -> window(WindowReference.conv1d(Arr.of(x), weight(m), bias(m), 1, pair(1), 1, 1)), 28, "Conv1d(2, 4, kernel_size=(3,), stride=(1,), padding=(1,))"),
            entry("Conv2d", () -> new Conv2d(2, 4, 3, 2, 1), randn(1, 2, 7, 8), (m, x) -> window(WindowReference.conv2d(Arr.of(x), weight(m), bias(m), pair(2), new int[]{1, 1, 1, 1}, pair(1), 1)), 76, "Conv2d(2, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))"),
            entry("Conv3d", () -> new Conv3d(2, 4, 3, 2, 1), randn(1, 2, 5, 6, 7), (m, x) -> window(WindowReference.conv3d(Arr.of(x), weight(m), bias(m), new int[]{2, 2, 2}, new int[]{1, 1, 1}, 1)), 220, "Conv3d(2, 4, kernel_size=(3, 3, 3), stride=(2, 2, 2), padding=(1, 1, 1))"),
            entry("ConvTranspose2d", () -> new ConvTranspose2d(4, 2, 3, 2, 1, 1), randn(1, 4, 3, 4), (m, x) -> window(WindowReference.convTranspose2d(Arr.of(x), weight(m), bias(m), pair(2), pair(1), pair(1), 1, pair(1))), 74, "ConvTranspose2d(4, 2, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1))"),
            entry("Dropout", () -> new Dropout(0.3), randn(3, 5), (m, x) -> same(x), 0, "Dropout(p=0.3, inplace=False)"),
            entry("Dropout2d", () -> new Dropout2d(0.3), randn(2, 3, 4, 4), (m, x) -> same(x), 0, "Dropout2d(p=0.3, inplace=False)"),
            entry("ELU", () -> new ELU(0.5), randn(3, 4), (m, x) -> map(x, v -> Reference.elu(v, 0.5)), 0, "ELU(alpha=0.5)"),
            entry("Embedding", () -> new Embedding(10, 4), LayerCatalogue::indices, (m, x) -> rowsOf(m, x), 40, "Embedding(10, 4)"),
            entry("Flatten", Flatten::new, randn(2, 3, 4), (m, x) -> same(x), 0, "Flatten(start_dim=1, end_dim=-1)"),
            entry("GELU", GELU::new, randn(3, 4), (m, x) -> map(x, Reference::geluExact), 0, "GELU(approximate='none')"),
            entry("GRU", () -> new GRU(3, 4), randn(5, 2, 3), (m, x) -> sequence(Kind.GRU, m, 1, x), 108, "GRU(3, 4)"),
            entry("GRUCell", () -> new GRUCell(3, 4), randn(2, 3), (m, x) -> cell(Kind.GRU, m, x), 108, "GRUCell(3, 4)"),
            entry("GroupNorm", () -> new GroupNorm(2, 4), randn(2, 4, 3), (m, x) -> Reference.groupNorm(values(x), x.shape(), 2, param(m, "weight"), param(m, "bias"), 1e-5), 8, "GroupNorm(2, 4, eps=1e-05, affine=True)"),
            entry("Hardsigmoid", Hardsigmoid::new, randn(3, 4).scaled(4), (m, x) -> map(x, Reference::hardsigmoid), 0, "Hardsigmoid()"),
            entry("Hardswish", Hardswish::new, randn(3, 4), (m, x) -> map(x, Reference::hardswish), 0, "Hardswish()"),
            entry("Hardtanh", () -> new Hardtanh(-2.0, 3.5), randn(3, 4).scaled(4), (m, x) -> map(x, v -> Reference.hardtanh(v, -2.0, 3.5)), 0, "Hardtanh(min_val=-2.0, max_val=3.5)"),
            entry("Identity", Identity::new, randn(3, 4), (m, x) -> same(x), 0, "Identity()"),
            entry("InstanceNorm2d", () -> new InstanceNorm2d(3, 1e-5, true), randn(2, 3, 4, 5), (m, x) -> Reference.groupNorm(values(x), x.shape(), 3, param(m, "weight"), param(m, "bias"), 1e-5), 6, "InstanceNorm2d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=False)"),
            entry("LSTM", () -> new LSTM(3, 4, 2), randn(5, 2, 3), (m, x) -> sequence(Kind.LSTM, m, 2, x), 304, "LSTM(3, 4, num_layers=2)"),
            entry("LSTMCell", () -> new LSTMCell(3, 4), randn(2, 3), (m, x) -> cell(Kind.LSTM, m, x), 144, "LSTMCell(3, 4)"),
            entry("LayerNorm", () -> new LayerNorm(5), randn(2, 3, 5), (m, x) -> Reference.layerNorm(values(x), 5, param(m, "weight"), param(m, "bias"), 1e-5), 10, "LayerNorm((5,), eps=1e-05, elementwise_affine=True)"),
            entry("LeakyReLU", () -> new LeakyReLU(0.2), randn(3, 4), (m, x) -> map(x, v -> Reference.leakyRelu(v, 0.2)), 0, "LeakyReLU(negative_slope=0.2)"),
            entry("Linear", () -> new Linear(4, 3), randn(2, 5, 4), (m, x) -> linear(m, x), 15, "Linear(in_features=4, out_features=3, bias=True)"),
            entry("LogSoftmax", () -> new LogSoftmax(1), randn(3, 4), (m, x) -> Reference.softmax(values(x), x.shape(), 1, true), 0, "LogSoftmax(dim=1)"),
            entry("MaxPool1d", () -> new MaxPool1d(2), randn(2, 3, 9), (m, x) -> window(WindowReference.maxPool2d(Arr.of(x.unsqueeze(2)), new int[]{1, 2}, new int[]{1, 2}, pair(0), pair(1), false)), 0, "MaxPool1d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)"),
            entry("MaxPool2d", () -> new MaxPool2d(3, 2, 1), randn(1, 2, 7, 6), (m, x) -> window(WindowReference.maxPool2d(Arr.of(x), pair(3), pair(2), pair(1), pair(1), false)), 0, "MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False)"),
            entry("MaxPool3d", () -> new MaxPool3d(3, 2, 1), randn(1, 2, 5, 6, 7), (m, x) -> window(WindowReference.maxPool3d(Arr.of(x), new int[]{3, 3, 3}, new int[]{2, 2, 2}, new int[]{1, 1, 1})), 0, "MaxPool3d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False)"),
            entry("Mish", Mish::new, randn(3, 4).scaled(4), (m, x) -> map(x, Reference::mish), 0, "Mish()"),
            container("ModuleDict", () -> new ModuleDict().put("fc", new Linear(2, 2)), 6, "ModuleDict(\n  (fc): Linear(in_features=2, out_features=2, bias=True)\n)"),
            container("ModuleList", () -> new ModuleList(new Linear(2, 2), new ReLU()), 6, "ModuleList(\n  (0): Linear(in_features=2, out_features=2, bias=True)\n  (1): ReLU()\n)"),
            entry("MultiheadAttention", () -> new MultiheadAttention(4, 2), randn(3, 2, 4), (m, x) -> selfAttention(m, x), 80, "MultiheadAttention(\n  (out_proj): NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)\n)"),
            entry("NonDynamicallyQuantizableLinear", () -> new NonDynamicallyQuantizableLinear(4, 4, true), randn(3, 4), (m, x) -> linear(m, x), 20, "NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)"),
            entry("PReLU", () -> new PReLU(3), randn(2, 3, 4), (m, x) -> Reference.prelu(values(x), x.shape(), param(m, "weight")), 3, "PReLU(num_parameters=3)"),
            entry("RNN", () -> new RNN(3, 4), randn(5, 2, 3), (m, x) -> sequence(Kind.TANH, m, 1, x), 36, "RNN(3, 4)"),
            entry("RNNCell", () -> new RNNCell(3, 4), randn(2, 3), (m, x) -> cell(Kind.TANH, m, x), 36, "RNNCell(3, 4)"),
            entry("ReLU", ReLU::new, randn(3, 4), (m, x) -> map(x, v -> Math.max(v, 0)), 0, "ReLU()"),
            entry("ReLU6", ReLU6::new, randn(3, 4).scaled(4), (m, x) -> map(x, Reference::relu6), 0, "ReLU6()"),
            entry("Sequential", () -> new Sequential(new Linear(4, 3), new ReLU()), randn(2, 4), (m, x) -> relu(linear(((Sequential) m).get(0), x)), 15, "Sequential(\n  (0): Linear(in_features=4, out_features=3, bias=True)\n  (1): ReLU()\n)"),
            entry("SiLU", SiLU::new, randn(3, 4), (m, x) -> map(x, Reference::silu), 0, "SiLU()"),
            entry("Sigmoid", Sigmoid::new, randn(3, 4), (m, x) -> map(x, Reference::sigmoid), 0, "Sigmoid()"),
            entry("Softmax", () -> new Softmax(1), randn(3, 4), (m, x) -> Reference.softmax(values(x), x.shape(), 1, false), 0, "Softmax(dim=1)"),
            entry("Tanh", Tanh::new, randn(3, 4), (m, x) -> map(x, Math::tanh), 0, "Tanh()"),
            checkedIn("TransformerEncoder", () -> new TransformerEncoder(new TransformerEncoderLayer(4, 2).dimFeedforward(8), 2), randn(3, 2, 4), TransformerLayerTest.class, 344, Prints.TRANSFORMER_ENCODER),
            checkedIn("TransformerEncoderLayer", () -> new TransformerEncoderLayer(4, 2).dimFeedforward(8), randn(3, 2, 4), TransformerLayerTest.class, 172, Prints.TRANSFORMER_ENCODER_LAYER),
            entry("Unflatten", () -> new Unflatten(1, 2, 5), randn(3, 10, 2), (m, x) -> same(x), 0, "Unflatten(dim=1, unflattened_size=(2, 5))"),
            // PyTorch 2 quotes the mode (Debian's torch 1.13 printed mode=nearest); nnsh follows PyTorch 2
            entry("Upsample", () -> new Upsample().scaleFactor(2), randn(1, 2, 3, 4), (m, x) -> window(WindowReference.nearest2d(Arr.of(x), 6, 8, 2, 2)), 0, "Upsample(scale_factor=2.0, mode='nearest')"),
            entry("ZeroPad2d", () -> new ZeroPad2d(1, 2, 0, 3), randn(2, 3, 4), (m, x) -> window(WindowReference.zeroPad2d(Arr.of(x), 1, 2, 0, 3)), 0, "ZeroPad2d((1, 2, 0, 3))"));

    // ---------------------------------------------------------------- entry makers

    private static Entry entry(String name, Supplier<Module> factory, Supplier<Tensor> input, Expected reference,
                               long params, String printed) {
        return new Entry(name, factory, input, reference, null, params, printed);
    }

    private static Entry container(String name, Supplier<Module> factory, long params, String printed) {
        return new Entry(name, factory, null, null, null, params, printed);
    }

    private static Entry checkedIn(String name, Supplier<Module> factory, Supplier<Tensor> input, Class<?> test,
                                   long params, String printed) {
        return new Entry(name, factory, input, null, test, params, printed);
    }

    /** Seeded N(0, 1) input of a shape; {@code scaled(k)} multiplies it (to reach ReLU6's cap). */
    private record Randn(long[] shape, double scale) implements Supplier<Tensor> {
        Randn scaled(double k) { return new Randn(shape, scale * k); }

        @Override public Tensor get() {
            int n = Reference.numel(shape);
            return Reference.tensor(Reference.random(Arrays.hashCode(shape), n, scale, 0), shape);
        }
    }

    private static Randn randn(long... shape) { return new Randn(shape, 1); }

    private static Tensor indices() {
        Random r = new Random(7);
        long[] v = new long[6];
        for (int i = 0; i < v.length; i++) v[i] = r.nextInt(10);
        return Tensor.of(org.nd4j.linalg.factory.Nd4j.createFromArray(v).reshape(2, 3)).to(DType.INT64);
    }

    // ---------------------------------------------------------------- references

    private static int[] pair(int v) { return new int[]{v, v}; }

    private static double[] window(Arr a) {
        double[] out = new double[a.data().length];
        for (int i = 0; i < out.length; i++) out[i] = a.data()[i];
        return out;
    }

    private static double[] same(Tensor x) { return map(x, v -> v); }

    private static double[] map(Tensor x, DoubleUnaryOperator f) { return Reference.map(values(x), f::applyAsDouble); }

    private static double[] relu(double[] v) { return Arrays.stream(v).map(e -> Math.max(e, 0)).toArray(); }

    private static float[] param(Module m, String name) {
        Parameter p = m.namedParameters().get(name);
        return p == null ? null : values(p.data());
    }

    private static Arr weight(Module m) { return Arr.of(m.namedParameters().get("weight").data()); }

    private static Arr bias(Module m) { return Arr.of(m.namedParameters().get("bias").data()); }

    /** x·Wᵀ + b over the last dim. */
    private static double[] linear(Module m, Tensor x) {
        long[] ws = m.namedParameters().get("weight").shape();
        int in = (int) ws[1], out = (int) ws[0];
        return AttentionReference.linear(AttentionReference.toDouble(values(x)), (int) (x.numel() / in), in,
                param(m, "weight"), param(m, "bias"), out);
    }

    /** Eval mode with fresh running statistics (mean 0, variance 1). */
    private static double[] runningStatistics(Module m, Tensor x) {
        int c = (int) x.size(1);
        double[] zeros = new double[c], ones = new double[c];
        Arrays.fill(ones, 1);
        return Reference.normalizeChannels(values(x), x.shape(), zeros, ones, param(m, "weight"), param(m, "bias"), 1e-5);
    }

    private static double[] rowsOf(Module m, Tensor indices) {
        float[] w = param(m, "weight");
        long[] idx = indices.nd().dup('c').data().asLong();
        int dim = w.length / 10;
        double[] out = new double[idx.length * dim];
        for (int i = 0; i < idx.length; i++) for (int d = 0; d < dim; d++) out[i * dim + d] = w[(int) idx[i] * dim + d];
        return out;
    }

    /** x [T, N, in] from zero states, no dropout: the output sequence. */
    private static double[] sequence(Kind kind, Module m, int layers, Tensor x) {
        long[] s = x.shape();
        double[][][] nested = RecurrentReference.nested(values(x), (int) s[0], (int) s[1], (int) s[2], false);
        int hidden = (int) ((RNNBase<?>) m).hiddenSize();
        return RecurrentReference.flat(RecurrentReference.sequence(kind, m, layers, false, hidden, nested, null, null, null).output(), false);
    }

    /** x [N, in] from zero states: h'. */
    private static double[] cell(Kind kind, Module m, Tensor x) {
        int hidden = (int) ((RNNCellBase<?>) m).hiddenSize(), batch = (int) x.size(0), in = (int) x.size(1);
        float[] xs = values(x);
        double[] out = new double[batch * hidden];
        var p = RecurrentReference.params(m, "");
        for (int n = 0; n < batch; n++) {
            double[] row = new double[in];
            for (int i = 0; i < in; i++) row[i] = xs[n * in + i];
            double[] h = RecurrentReference.cell(kind, p, row, new double[hidden], kind == Kind.LSTM ? new double[hidden] : null)[0];
            System.arraycopy(h, 0, out, n * hidden, hidden);
        }
        return out;
    }

    /** apply(x) of attention: self-attention of x [L, N, E]. */
    private static double[] selfAttention(Module m, Tensor x) {
        var mha = (MultiheadAttention) m;
        int e = (int) mha.embedDim(), L = (int) x.size(0), N = (int) x.size(1);
        float[] in = param(m, "in_proj_weight"), inBias = param(m, "in_proj_bias");
        var w = new AttentionReference.Weights(e, e, e, mha.numHeads(), Arrays.copyOfRange(in, 0, e * e),
                Arrays.copyOfRange(in, e * e, 2 * e * e), Arrays.copyOfRange(in, 2 * e * e, 3 * e * e),
                Arrays.copyOfRange(inBias, 0, e), Arrays.copyOfRange(inBias, e, 2 * e), Arrays.copyOfRange(inBias, 2 * e, 3 * e),
                param(m, "out_proj.weight"), param(m, "out_proj.bias"));
        double[] v = AttentionReference.toDouble(values(x));
        return AttentionReference.attention(v, v, v, L, L, N, w, null, null, false).output();
    }

    /** PyTorch's longer prints (tools/layer_catalogue_references.py). */
    private static final class Prints {

        private static final String TRANSFORMER_ENCODER_LAYER = String.join("\n",
                "TransformerEncoderLayer(",
                "  (self_attn): MultiheadAttention(",
                "    (out_proj): NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)",
                "  )",
                "  (linear1): Linear(in_features=4, out_features=8, bias=True)",
                "  (dropout): Dropout(p=0.1, inplace=False)",
                "  (linear2): Linear(in_features=8, out_features=4, bias=True)",
                "  (norm1): LayerNorm((4,), eps=1e-05, elementwise_affine=True)",
                "  (norm2): LayerNorm((4,), eps=1e-05, elementwise_affine=True)",
                "  (dropout1): Dropout(p=0.1, inplace=False)",
                "  (dropout2): Dropout(p=0.1, inplace=False)",
                ")");

        // Debian's torch 1.13 prints both layers; PyTorch 2 folds identical ones into "(0-1): 2 x ..."
        private static final String TRANSFORMER_ENCODER = String.join("\n",
                "TransformerEncoder(",
                "  (layers): ModuleList(",
                "    (0): TransformerEncoderLayer(",
                "      (self_attn): MultiheadAttention(",
                "        (out_proj): NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)",
                "      )",
                "      (linear1): Linear(in_features=4, out_features=8, bias=True)",
                "      (dropout): Dropout(p=0.1, inplace=False)",
                "      (linear2): Linear(in_features=8, out_features=4, bias=True)",
                "      (norm1): LayerNorm((4,), eps=1e-05, elementwise_affine=True)",
                "      (norm2): LayerNorm((4,), eps=1e-05, elementwise_affine=True)",
                "      (dropout1): Dropout(p=0.1, inplace=False)",
                "      (dropout2): Dropout(p=0.1, inplace=False)",
                "    )",
                "    (1): TransformerEncoderLayer(",
                "      (self_attn): MultiheadAttention(",
                "        (out_proj): NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)",
                "      )",
                "      (linear1): Linear(in_features=4, out_features=8, bias=True)",
                "      (dropout): Dropout(p=0.1, inplace=False)",
                "      (linear2): Linear(in_features=8, out_features=4, bias=True)",
                "      (norm1): LayerNorm((4,), eps=1e-05, elementwise_affine=True)",
                "      (norm2): LayerNorm((4,), eps=1e-05, elementwise_affine=True)",
                "      (dropout1): Dropout(p=0.1, inplace=False)",
                "      (dropout2): Dropout(p=0.1, inplace=False)",
                "    )",
                "  )",
                ")");
    }
}
