package dev.nnsh;

import dev.nnsh.nn.Module;
import dev.nnsh.summary.Explainer;
import dev.nnsh.summary.ModelStatistics;
import dev.nnsh.summary.Summarizer;
import dev.nnsh.summary.SummaryOptions;
import dev.nnsh.tensor.Tensor;

/** The static facade users import: {@code summary(net, 12, 1, 224, 224)}, {@code options()}. */
public final class Nnsh {
    private Nnsh() {}

    /** The parameter table without a forward pass (Param # column and the three param totals only). */
    public static ModelStatistics summary(Module network) {
        return Summarizer.summarize(network, options());
    }

    /** A shape-only pass on one input of this size (batch included): instant, allocates nothing. */
    public static ModelStatistics summary(Module network, long... inputSize) {
        SummaryOptions options = options();
        if (inputSize.length > 0) options.inputSize(inputSize);
        return Summarizer.summarize(network, options);
    }

    /** A real forward pass on these tensors (one per input). */
    public static ModelStatistics summary(Module network, Tensor... inputData) {
        SummaryOptions options = options();
        if (inputData.length > 0) options.inputData(inputData);
        return Summarizer.summarize(network, options);
    }

    public static ModelStatistics summary(Module network, SummaryOptions options) {
        return Summarizer.summarize(network, options);
    }

    /** For each layer, how its parameter count, output shape and mult-adds come about (shape-only pass). */
    public static ModelStatistics explain(Module network, long... inputSize) {
        return Explainer.explain(network, options().inputSize(inputSize));
    }

    /** Like {@link #explain(Module, long...)}, on real data. */
    public static ModelStatistics explain(Module network, Tensor... inputData) {
        return Explainer.explain(network, options().inputData(inputData));
    }

    public static ModelStatistics explain(Module network, SummaryOptions options) {
        return Explainer.explain(network, options);
    }

    /** Options with torchinfo's defaults, to be refined fluently and passed to {@code summary}. */
    public static SummaryOptions options() { return new SummaryOptions(); }

    // ---------------------------------------------------------------- tensor factories, as torch.* names them

    public static Tensor rand(long... shape) { return Tensor.rand(shape); }

    public static Tensor randn(long... shape) { return Tensor.randn(shape); }

    public static Tensor zeros(long... shape) { return Tensor.zeros(shape); }

    public static Tensor ones(long... shape) { return Tensor.ones(shape); }

    public static Tensor arange(long n) { return Tensor.arange(n); }

    /** A shape-only tensor: a shape and no data, for instant shape checks. */
    public static Tensor shapeOnly(long... shape) { return Tensor.shapeOnly(shape); }

    public static Tensor tensor(float[] data, long... shape) { return Tensor.of(data, shape); }

    public static void manualSeed(long seed) { Tensor.manualSeed(seed); }

    // --- issue 14: weights ---

    /** Prints the k most probable classes of one row of probabilities (ImageNet labels for 1000 classes). */
    public static void topk(Tensor probs, int k) { topk(probs, k, null); }

    /** Prints the k most probable classes with these labels. */
    public static void topk(Tensor probs, int k, java.util.List<String> labels) {
        System.out.print(Predictions.table(Predictions.top(probs, k, labels)));
    }

    // --- issue 13: views and teaching ---

    /** Prints one bar per visible row of the summary, as long as its share of the parameters. */
    public static void chart(ModelStatistics stats) { chart(stats, "params"); }

    /** {@code metric}: {@code "params"} or {@code "mult_adds"}. */
    public static void chart(ModelStatistics stats, String metric) {
        if (stats == null) throw new IllegalArgumentException("chart: the statistics are null");
        System.out.print(dev.nnsh.summary.ParamChart.render(stats, metric));
        System.out.flush();
    }

    /** The architecture diagram of a shape-only pass at depth 2 (one block per residual unit, say); {@code .save("net.svg")}. */
    public static dev.nnsh.summary.Diagram diagram(Module network, long... inputSize) {
        return diagram(network, options().inputSize(inputSize).depth(2));
    }

    /** The diagram at the options' depth (torchinfo's default 3 unless set), on their input sizes or data. */
    public static dev.nnsh.summary.Diagram diagram(Module network, SummaryOptions options) {
        return dev.nnsh.summary.Diagram.of(network, options);
    }

    /** Asks, for every layer with parameters, its parameter count and output shape; answers from System.in. */
    public static void quiz(Module network, long... inputSize) { quiz(network, 0, inputSize); }

    /**
     * As {@link #quiz(Module, long...)} about {@code n} layers drawn at random. The sizes are an array here
     * ({@code quiz(net, 5, new long[]{12, 1, 224, 224})}): with varargs {@code quiz(net, 12, 1, 224, 224)}
     * would silently read the batch size as {@code n}.
     */
    public static void quiz(Module network, int n, long[] inputSize) {
        quiz(network, n, options().inputSize(inputSize), dev.nnsh.summary.Quiz.Answers.of(System.in));
    }

    /** The quiz with its answers read from {@code answers} (a script, a test). */
    public static dev.nnsh.summary.Quiz.Score quiz(Module network, int n, SummaryOptions options, dev.nnsh.summary.Quiz.Answers answers) {
        ModelStatistics stats = Summarizer.summarize(network, options.verbose(0));
        return dev.nnsh.summary.Quiz.run(stats, n, new java.util.Random(), answers, System.out);
    }
}
