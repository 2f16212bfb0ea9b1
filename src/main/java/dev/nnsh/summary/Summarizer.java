package dev.nnsh.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.nnsh.nn.Module;
import dev.nnsh.nn.ModuleException;
import dev.nnsh.nn.Parameter;
import dev.nnsh.nn.ProgressLine;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * Runs one summary: checks the options, makes the inputs (shape-only unless data is given or a real
 * pass asked for), runs the pass with a {@link CallRecorder} installed and the requested mode, restores
 * every module's mode, and returns the statistics (printing the table unless verbose is 0).
 */
public final class Summarizer {
    private Summarizer() {}

    public static ModelStatistics summarize(Module network, SummaryOptions options) {
        return summarize(network, options, null);
    }

    /** As {@link #summarize(Module, SummaryOptions)}, also keeping each call's tensors in {@code flow} (for a diagram). */
    static ModelStatistics summarize(Module network, SummaryOptions options, FlowRecorder flow) {
        if (network == null) throw new IllegalArgumentException("summary: the network is null");
        if (options == null) throw new IllegalArgumentException("summary: the options are null");
        options.validate();
        ModuleTree tree = new ModuleTree(network);
        ModelStatistics stats;
        if (options.hasInput()) {
            Tensor[] inputs = inputs(options);
            List<LayerInfo> called = run(network, tree, inputs, options.mode(), flow);
            stats = statistics(tree, RowAssembler.assemble(called, tree), options, inputBytes(inputs));
        } else {
            stats = statistics(tree, RowAssembler.fromTree(tree), options, 0);
        }
        if (options.verbose() > 0) System.out.println(stats);
        return stats;
    }

    private static List<LayerInfo> run(Module network, ModuleTree tree, Tensor[] inputs, SummaryOptions.Mode mode,
                                       FlowRecorder flow) {
        CallRecorder recorder = new CallRecorder(tree).withFlow(flow);
        List<ModuleTree.Node> modules = tree.preorder();
        boolean[] training = new boolean[modules.size()];
        for (int i = 0; i < training.length; i++) training[i] = modules.get(i).module.isTraining();
        try (Module.ObserverScope scope = Module.observe(ProgressLine.alongside(recorder, network, inputs))) {
            if (mode == SummaryOptions.Mode.TRAIN) network.train();
            if (mode == SummaryOptions.Mode.EVAL) network.eval();
            network.apply(inputs);
        } catch (ModuleException e) {
            List<LayerInfo> executed = new ArrayList<>();
            for (LayerInfo row : recorder.rows()) if (row.executed()) executed.add(row);
            throw new SummaryException(network.typeName(), e, executed);
        } finally {
            if (mode != SummaryOptions.Mode.SAME) restore(modules, training);
        }
        return recorder.rows();
    }

    /** Parents first: each train(...) sets a subtree, and the descendants then set their own. */
    private static void restore(List<ModuleTree.Node> modules, boolean[] training) {
        for (int i = 0; i < training.length; i++) {
            Module m = modules.get(i).module;
            if (m.isTraining() != training[i]) m.train(training[i]);
        }
    }

    private static Tensor[] inputs(SummaryOptions options) {
        if (options.inputData() != null) return options.inputData();
        List<long[]> sizes = options.inputSizes();
        Tensor[] inputs = new Tensor[sizes.size()];
        for (int i = 0; i < inputs.length; i++) {
            DType dtype = options.dtypes() == null ? DType.FLOAT32 : options.dtypes()[i];
            long[] shape = withBatchDim(sizes.get(i), options.batchDim());
            if (!options.realForward()) inputs[i] = Tensor.shapeOnly(dtype, shape);
            else inputs[i] = dtype.isFloatingPoint() ? Tensor.rand(dtype, shape) : Tensor.zeros(dtype, shape);
        }
        return inputs;
    }

    /** torchinfo's batch_dim: the sizes leave the batch out, and a batch of 1 goes in at that position. */
    private static long[] withBatchDim(long[] size, Integer batchDim) {
        if (batchDim == null) return size;
        long[] shape = new long[size.length + 1];
        for (int i = 0, j = 0; i < shape.length; i++) shape[i] = i == batchDim ? 1 : size[j++];
        return shape;
    }

    private static long inputBytes(Tensor[] inputs) {
        long bytes = 0;
        for (Tensor t : inputs) bytes += t.bytes();
        return bytes;
    }

    private static ModelStatistics statistics(ModuleTree tree, List<LayerInfo> rows, SummaryOptions options, long inputBytes) {
        long total = 0, trainable = 0, bytes = 0;
        for (Map.Entry<String, Parameter> e : tree.root().parameters()) {
            Parameter p = e.getValue();
            total += p.numel();
            bytes += p.bytes();
            if (p.requiresGrad()) trainable += p.numel();
        }
        return new ModelStatistics(rows, TableFormat.of(options), total, trainable, bytes, inputBytes);
    }
}
