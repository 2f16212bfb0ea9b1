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
}
