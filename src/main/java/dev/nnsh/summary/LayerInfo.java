package dev.nnsh.summary;

import java.util.List;
import java.util.Map;

import dev.nnsh.nn.Grouped;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Parameter;
import dev.nnsh.nn.Windowed;

/**
 * One row of a summary: one call of a module (or a never-called container shown above its called
 * children). Parameter figures cover the module's whole subtree, each tensor once.
 */
public final class LayerInfo {
    /** One parameter of the row's subtree, as verbose=2 lists it (name relative to the row's module). */
    public record ParameterInfo(String name, long[] shape, long count, boolean trainable) {}

    private final Module module;
    private final String typeName;
    private final String varName;
    private final String path;
    private final int depth;
    private final boolean leaf;
    private final boolean recursive;
    private final long numParams;
    private final long trainableParams;
    private final long paramBytes;
    private final List<ParameterInfo> parameters;
    private int depthIndex;
    private boolean executed;
    private long[] inputShape;
    private long[] outputShape;
    private long outputBytes;
    private long multAdds;
    private List<LayerInfo> descendants = List.of();
    private Long leftover;

    LayerInfo(ModuleTree.Node node, boolean recursive) {
        this.module = node.module;
        this.typeName = node.module.typeName();
        this.varName = node.varName;
        this.path = node.path;
        this.depth = node.depth;
        this.leaf = node.leaf;
        this.recursive = recursive;
        long n = 0, trainable = 0, bytes = 0;
        var list = new java.util.ArrayList<ParameterInfo>();
        for (Map.Entry<String, Parameter> e : node.parameters()) {
            Parameter p = e.getValue();
            long count = p.numel();
            n += count;
            bytes += p.bytes();
            if (p.requiresGrad()) trainable += count;
            list.add(new ParameterInfo(e.getKey(), p.shape(), count, p.requiresGrad()));
        }
        this.numParams = n;
        this.trainableParams = trainable;
        this.paramBytes = bytes;
        this.parameters = List.copyOf(list);
    }

    // ---------------------------------------------------------------- filled in by the recorder

    void completed(long[] input, long[] output, long outBytes, long macs) {
        inputShape = input;
        outputShape = output;
        outputBytes = outBytes;
        multAdds = macs;
        executed = true;
    }

    void depthIndex(int index) { depthIndex = index; }

    void descendants(List<LayerInfo> rows) {
        descendants = rows;
        leftover = null;
    }

    Module module() { return module; }

    List<LayerInfo> descendants() { return descendants; }

    // ---------------------------------------------------------------- the data

    public String typeName() { return typeName; }

    /** The module's name in its parent ({@code conv1}, {@code 0}); the root's is its type name. */
    public String varName() { return varName; }

    /** Dotted path from the network ({@code features.0}); empty for the network itself. */
    public String path() { return path; }

    public int depth() { return depth; }

    /** The running number of this row among the rows of its depth, from 1 (0 for the root). */
    public int depthIndex() { return depthIndex; }

    /** True when the module has no sub-modules. */
    public boolean isLeaf() { return leaf; }

    /** True for a second (third, ...) call of the same module. */
    public boolean isRecursive() { return recursive; }

    /** False for a container that was never called itself. */
    public boolean executed() { return executed; }

    /** Shape of the first input, or null when the row has none. */
    public long[] inputShape() { return inputShape == null ? null : inputShape.clone(); }

    /** Shape of the output, or null when the row has none. */
    public long[] outputShape() { return outputShape == null ? null : outputShape.clone(); }

    public long outputBytes() { return outputBytes; }

    /** Parameters of the module's subtree, each tensor once. */
    public long numParams() { return numParams; }

    public long trainableParams() { return trainableParams; }

    public long paramBytes() { return paramBytes; }

    /** Mult-adds of this call, by torchinfo's rule over the subtree's parameters (see MultAdds.java). */
    public long multAdds() { return multAdds; }

    public List<ParameterInfo> parameters() { return parameters; }

    /** {@code [3, 3]}, or {@code 2} for a pooling kernel given as one number; null when not windowed. */
    public String kernelSize() {
        if (!(module instanceof Windowed w)) return null;
        int[] k = w.kernelSize();
        if (w.kernelGivenAsInt()) return String.valueOf(k[0]);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < k.length; i++) sb.append(i > 0 ? ", " : "").append(k[i]);
        return sb.append(']').toString();
    }

    /** The convolution's groups, or null for other layers. */
    public Integer groups() { return module instanceof Grouped g ? g.groups() : null; }

    /** {@code --}, {@code False}, {@code True} or {@code Partial}, over the whole subtree. */
    public String trainable() {
        if (numParams == 0) return "--";
        if (trainableParams == 0) return "False";
        return trainableParams == numParams ? "True" : "Partial";
    }

    /**
     * Parameters of this row's subtree that no descendant row accounts for: its own, and those of
     * modules that were never called.
     */
    public long leftoverParams() {
        if (leftover == null) {
            long shown = 0;
            for (LayerInfo d : descendants) {
                if (d.recursive) continue;
                shown += d.leaf ? d.numParams : d.leftoverParams();
            }
            leftover = numParams - shown;
        }
        return leftover;
    }

    /** Like torchinfo's repr of a layer: type and depth. */
    @Override public String toString() { return typeName + ": " + depth; }
}
