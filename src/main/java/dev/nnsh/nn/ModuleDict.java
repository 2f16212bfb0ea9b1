package dev.nnsh.nn;

import java.util.Iterator;
import java.util.Map;

/** Holds modules by name, in insertion order; it has no forward of its own. */
public class ModuleDict extends Module implements Iterable<Map.Entry<String, Module>> {
    public ModuleDict put(String name, Module module) {
        register(name, module);
        return this;
    }

    public Module get(String name) {
        Module m = namedChildren().get(name);
        if (m == null) throw new IllegalArgumentException("ModuleDict has no module named \"" + name + "\" (has " + namedChildren().keySet() + ")");
        return m;
    }

    public boolean containsKey(String name) { return namedChildren().containsKey(name); }

    public int size() { return namedChildren().size(); }

    @Override public Iterator<Map.Entry<String, Module>> iterator() { return namedChildren().entrySet().iterator(); }
}
