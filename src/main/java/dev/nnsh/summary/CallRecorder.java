package dev.nnsh.summary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.nnsh.nn.CallObserver;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Installed for one pass: each {@link Module#apply} of a module registered in the network opens a
 * row (in call order) and closes it with the output shape, output bytes and mult-adds. Calls of
 * modules outside the network's tree get no row, as torchinfo hooks only registered modules.
 */
final class CallRecorder implements CallObserver {
    private final ModuleTree tree;
    private final List<LayerInfo> rows = new ArrayList<>();
    private final Deque<LayerInfo> open = new ArrayDeque<>();
    private final Deque<Boolean> openIsRow = new ArrayDeque<>();
    private final Set<Module> called = Collections.newSetFromMap(new IdentityHashMap<>());

    private FlowRecorder flow;

    CallRecorder(ModuleTree tree) { this.tree = tree; }

    /** Also keeps the tensors of each call, for a diagram's edges. */
    CallRecorder withFlow(FlowRecorder flow) {
        this.flow = flow;
        return this;
    }

    @Override public void before(Module module, Tensor[] inputs) {
        ModuleTree.Node node = tree.nodeOf(module);
        if (node == null) {
            openIsRow.push(false);
            return;
        }
        LayerInfo row = new LayerInfo(node, !called.add(module));
        rows.add(row);
        if (flow != null) flow.opened(row, inputs);
        open.push(row);
        openIsRow.push(true);
    }

    @Override public void after(Module module, Tensor[] inputs, Tensor output) {
        if (!openIsRow.pop()) return;
        LayerInfo row = open.pop();
        long[] in = inputs.length == 0 ? null : inputs[0].shape();
        long[] out = output == null ? null : output.shape();
        long outBytes = output == null ? 0 : output.bytes();
        row.completed(in, out, outBytes, MultAdds.of(row.typeName(), row.parameters(), out));
        if (flow != null) flow.closed(row, output);
    }

    @Override public void failed(Module module, Tensor[] inputs, RuntimeException error) {
        if (openIsRow.pop()) open.pop();
    }

    /** The rows in call order, so far. */
    List<LayerInfo> rows() { return rows; }
}
