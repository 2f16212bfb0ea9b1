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

    // --- issue 9: typed access ---

    /** The entry as its own type, so a loop needs no cast: {@code list.get(0, Block.class)}. */
    public <M extends Module> M get(String name, Class<M> type) {
        Module m = get(name);
        if (!type.isInstance(m)) {
            throw new ClassCastException("ModuleDict entry " + name + " is a " + m.typeName() + ", not a " + type.getSimpleName());
        }
        return type.cast(m);
    }
}
