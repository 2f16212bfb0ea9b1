package dev.nnsh.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nnsh.nn.Module;
import dev.nnsh.nn.Parameter;

/**
 * Where each module sits in the network's module tree, computed once per summary: a row's depth and
 * var name come from here (as torchinfo takes them from the module hierarchy), not from who called it.
 * A module registered twice keeps its first place, as {@link Module#namedModules()} does.
 */
final class ModuleTree {
    /** One module's place: its parent's node (null for the root), dotted path, var name, depth. */
    static final class Node {
        final Module module;
        final Node parent;
        final String path;
        final String varName;
        final int depth;
        final boolean leaf;
        private List<Map.Entry<String, Parameter>> subtreeParameters;

        Node(Module module, Node parent, String path, String varName, int depth, boolean leaf) {
            this.module = module;
            this.parent = parent;
            this.path = path;
            this.varName = varName;
            this.depth = depth;
            this.leaf = leaf;
        }

        /** The parameters of this module and its descendants, each tensor once, names relative to it. */
        List<Map.Entry<String, Parameter>> parameters() {
            if (subtreeParameters == null) subtreeParameters = List.copyOf(collectParameters(module));
            return subtreeParameters;
        }
    }

    private final Map<Module, Node> nodes = new IdentityHashMap<>();
    private final Node root;

    ModuleTree(Module network) {
        root = add(network, null, "", network.typeName(), 0);
    }

    private Node add(Module module, Node parent, String path, String varName, int depth) {
        Map<String, Module> children = module.namedChildren();
        Node node = new Node(module, parent, path, varName, depth, children.isEmpty());
        nodes.put(module, node);
        for (var e : children.entrySet()) {
            if (nodes.containsKey(e.getValue())) continue;
            add(e.getValue(), node, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getKey(), depth + 1);
        }
        return node;
    }

    Node root() { return root; }

    /** The node of a module of this network, or null for a module that is not registered in it. */
    Node nodeOf(Module module) { return nodes.get(module); }

    /** Every module in tree order (depth first, parents before children). */
    List<Node> preorder() {
        List<Node> out = new ArrayList<>();
        collect(root, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collect(Node node, List<Node> out, Set<Module> seen) {
        if (!seen.add(node.module)) return;
        out.add(node);
        for (Module child : node.module.namedChildren().values()) {
            Node c = nodes.get(child);
            if (c != null && c.parent == node) collect(c, out, seen);
        }
    }

    private static List<Map.Entry<String, Parameter>> collectParameters(Module module) {
        return new ArrayList<>(module.namedParameters().entrySet());
    }
}
