package dev.nnsh.models;

import dev.nnsh.nn.ChannelConcat;
import dev.nnsh.nn.ConvFusion;
import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (free): the branches of GoogLeNet's and Inception v3's blocks with their intermediates freed: a chain of
 * modules run one after another, and the branches' results concatenated into one pooled channels-last buffer.
 */
final class Branches {
    private Branches() {}

    /** steps applied in order to x; each step's result is freed once the next one has consumed it. */
    static Tensor chain(Module owner, Tensor x, Module... steps) {
        var release = IntermediateRelease.start(owner, x);
        Tensor y = x;
        for (Module m : steps) y = release.after(m, y, m.apply(y));
        return y;
    }

    /**
     * cat(1, a(s), b(s)) for two branches that both read s (which {@code producer} made from the block's input x), as
     * {@link #cat} builds it; s is freed once both have read it. Null where this does not apply (nothing has run then).
     */
    static Tensor pair(Module owner, Tensor x, Module producer, Tensor s, Module a, Module b) {
        if (!ConvFusion.active(s)) return null;
        Tensor ya = a.apply(s), yb = b.apply(s);
        Tensor cat = cat(owner, s, new Module[]{a, b}, ya, yb);
        if (cat == null) return Tensor.cat(1, ya, yb);
        if (IntermediateRelease.isTrusted(a) && IntermediateRelease.isTrusted(b)) {
            var release = IntermediateRelease.start(owner, x);
            release.after(producer, x, s);
            release.afterTensorOp("cat", s, cat);
        }
        return cat;
    }

    /**
     * cat(1, parts) in one channels-last buffer (the next convolution reads it without a reorder), each part freed
     * once copied in, or null where this does not apply (the caller concatenates). {@code branches[i]} made
     * {@code parts[i]} from the block's input x; null where the block's own tensor operation made it (a pooling of x, an inner concatenation).
     */
    static Tensor cat(Module owner, Tensor x, Module[] branches, Tensor... parts) {
        if (!ConvFusion.active(x)) return null;
        long channels = 0;
        for (Tensor p : parts) {
            if (!ConvFusion.active(p) || p.size(0) != x.size(0) || p.size(2) != parts[0].size(2) || p.size(3) != parts[0].size(3)) {
                return null;
            }
            channels += p.size(1);
        }
        ChannelConcat out = new ChannelConcat(parts[0], channels);
        long at = 0;
        for (Tensor p : parts) {
            out.copy(p, at);
            at += p.size(1);
        }
        Tensor result = out.result();
        for (int i = 0; i < parts.length; i++) {
            var release = IntermediateRelease.start(owner, x);
            if (branches[i] != null) release.after(branches[i], x, parts[i]);
            else release.afterTensorOp("its own operation", x, parts[i]);
            release.afterTensorOp("cat", parts[i], result);
        }
        return result;
    }
}
