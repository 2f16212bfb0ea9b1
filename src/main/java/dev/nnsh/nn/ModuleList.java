package dev.nnsh.nn;

import java.util.Iterator;

/** Holds modules in a list (registered as 0, 1, ...); it has no forward of its own. */
public class ModuleList extends Module implements Iterable<Module> {
    public ModuleList(Module... modules) {
        for (Module m : modules) add(m);
    }

    public ModuleList add(Module module) {
        register(String.valueOf(size()), module);
        return this;
    }

    public Module get(int index) {
        var children = children();
        int i = index < 0 ? index + children.size() : index;
        if (i < 0 || i >= children.size()) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for ModuleList of size " + children.size());
        }
        return children.get(i);
    }

    public int size() { return namedChildren().size(); }

    @Override public Iterator<Module> iterator() { return children().iterator(); }

    // --- issue 9: typed access ---

    /** The entry as its own type, so a loop needs no cast: {@code list.get(0, Block.class)}. */
    public <M extends Module> M get(int index, Class<M> type) {
        Module m = get(index);
        if (!type.isInstance(m)) {
            throw new ClassCastException("ModuleList entry " + index + " is a " + m.typeName() + ", not a " + type.getSimpleName());
        }
        return type.cast(m);
    }
}
