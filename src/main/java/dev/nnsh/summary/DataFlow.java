package dev.nnsh.summary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nnsh.tensor.Tensor;

/**
 * Which leaf call fed which, from the tensors each call took and returned. A tensor returned by a
 * call is followed by identity. A tensor made by an operation in a forward (an add, a cat, a flatten)
 * is traced back within the enclosing module's call: when two or more of the tensors it could come
 * from (the module's inputs and the not yet consumed outputs of its layers) have its exact shape,
 * it is a residual add of them; when the module's inputs and the outputs of the calls it made have
 * together its channel count, it is their concatenation; otherwise it comes from the layer that ran last. A {@code null} source is the network's input.
 */
final class DataFlow {
    /** Data went from {@code from} (null: the network's input) to {@code to}, both leaf rows. */
    record Edge(LayerInfo from, LayerInfo to) {}

    private final Map<Tensor, List<LayerInfo>> producers = new IdentityHashMap<>();
    private final Set<Tensor> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Set<Edge> edges = new LinkedHashSet<>();
    private LayerInfo lastLeaf;

    private static final class Scope {
        final Tensor[] inputs;
        final List<Tensor> produced = new ArrayList<>();
        final List<Tensor> children = new ArrayList<>(); // outputs of the calls made directly in this scope
        Scope(Tensor[] inputs) { this.inputs = inputs; }
    }

    static List<Edge> of(List<FlowRecorder.Event> events) {
        DataFlow flow = new DataFlow();
        for (FlowRecorder.Event e : events) {
            if (e.open()) flow.opened(e.row(), e.inputs());
            else flow.closed(e.row(), e.output());
        }
        return new ArrayList<>(flow.edges);
    }

    private void opened(LayerInfo row, Tensor[] inputs) {
        if (row.isLeaf()) {
            for (Tensor t : inputs) {
                if (t == null) continue;
                for (LayerInfo source : sources(t)) edges.add(new Edge(source, row));
                consumed.add(t);
            }
        } else {
            for (Tensor t : inputs) {
                if (t != null && !producers.containsKey(t)) producers.put(t, sources(t));
            }
            scopes.push(new Scope(inputs));
        }
    }

    private void closed(LayerInfo row, Tensor output) {
        if (row.isLeaf()) {
            if (output != null) {
                producers.put(output, Collections.singletonList(row));
                for (Scope s : scopes) s.produced.add(output);
                if (!scopes.isEmpty()) scopes.peek().children.add(output);
            }
            lastLeaf = row;
        } else {
            Scope scope = scopes.pop();
            if (output != null && !producers.containsKey(output)) producers.put(output, traced(scope, output));
            if (output != null) for (Scope s : scopes) s.produced.add(output);
            if (output != null && !scopes.isEmpty()) scopes.peek().children.add(output);
        }
    }

    private List<LayerInfo> sources(Tensor t) {
        List<LayerInfo> known = producers.get(t);
        if (known != null) return known;
        if (scopes.isEmpty()) return Collections.singletonList(null);
        return traced(scopes.peek(), t);
    }

    /** The sources of a tensor made by an operation inside the scope's module. */
    private List<LayerInfo> traced(Scope scope, Tensor made) {
        List<Tensor> candidates = new ArrayList<>();
        for (Tensor in : scope.inputs) if (in != null && compatible(in, made)) candidates.add(in);
        for (Tensor out : scope.produced) {
            if (!consumed.contains(out) && compatible(out, made) && !containsIdentity(candidates, out)) candidates.add(out);
        }
        List<Tensor> same = candidates.stream().filter(c -> Arrays.equals(c.shape(), made.shape())).toList();
        List<Tensor> parts = new ArrayList<>();
        for (Tensor in : scope.inputs) if (in != null && compatible(in, made)) parts.add(in);
        for (Tensor out : scope.children) if (compatible(out, made) && !containsIdentity(parts, out)) parts.add(out);
        List<Tensor> merged = same.size() >= 2 ? same : concatenated(parts, made) ? parts : List.of();
        if (merged.isEmpty()) return Collections.singletonList(lastLeaf);
        List<LayerInfo> sources = new ArrayList<>();
        for (Tensor t : merged) {
            consumed.add(t);
            for (LayerInfo s : producers.getOrDefault(t, Collections.singletonList(null))) if (!sources.contains(s)) sources.add(s);
        }
        return sources;
    }

    private static boolean concatenated(List<Tensor> parts, Tensor made) {
        if (parts.size() < 2 || made.dim() < 2) return false;
        long channels = 0;
        for (Tensor p : parts) channels += p.shape()[1];
        return channels == made.shape()[1];
    }

    /** Same rank and the same sizes, except the channel dimension (dim 1) for tensors of rank 3 or more. */
    private static boolean compatible(Tensor a, Tensor b) {
        long[] x = a.shape(), y = b.shape();
        if (x.length != y.length) return false;
        for (int i = 0; i < x.length; i++) if (x[i] != y[i] && !(i == 1 && x.length >= 3)) return false;
        return true;
    }

    private static boolean containsIdentity(List<Tensor> list, Tensor t) {
        for (Tensor x : list) if (x == t) return true;
        return false;
    }
}
