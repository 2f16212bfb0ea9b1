package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/** Runs its children in order, each on the previous one's output; children are named 0, 1, ... */
public class Sequential extends Module {
    public Sequential(Module... modules) {
        for (Module m : modules) add(m);
    }

    /** Appends a module under the next index as its name. */
    public Sequential add(Module module) {
        register(String.valueOf(namedChildren().size()), module);
        return this;
    }

    public Module get(int index) {
        var children = children();
        int i = index < 0 ? index + children.size() : index;
        if (i < 0 || i >= children.size()) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for " + typeName() + " of size " + children.size());
        }
        return children.get(i);
    }

    public int size() { return namedChildren().size(); }

    @Override public Tensor forward(Tensor x) {
        var release = IntermediateRelease.start(this, x); // issue 11 (mem): frees intermediates once provably dead
        if (ConvFusion.active(x)) return SequentialFusion.forward(children(), x, release); // issue 11 (conv)
        if (LinearFusion.active(x)) return LinearFusion.forward(children(), x, release); // issue 11 (linear)
        for (Module m : children()) x = release.after(m, x, m.apply(x)); // issue 11 (mem)
        return x;
    }
}
