package dev.nnsh.models;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.UnaryOperator;

import dev.nnsh.models.vision.Conv2dNormActivation;
import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.ConvFusion;
import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (free): act(block(x) + residual) for a residual block (MobileNetV3, EfficientNet's MBConv and FusedMBConv,
 * MNASNet, RegNet) whose block ends in a convolution and its batch norm (the Sequential's last two children, or a
 * last Conv2dNormActivation of just those two): that convolution runs with the batch norm folded and the residual sum
 * and the activation as post-ops, and the block's intermediates are freed once consumed.
 */
final class FusedResidual {
    private FusedResidual() {}

    private static final Map<Sequential, Sequential> HEADS = new WeakHashMap<>();

    /**
     * act(block(x) + residual) as described (act may be null), or null where fusion does not apply (nothing has run
     * then). {@code separate} gives the result from block(x), computed module by module, should the fused convolution
     * decline after all.
     */
    static Tensor run(Module owner, Sequential block, Tensor x, Tensor residual, Module act, UnaryOperator<Tensor> separate) {
        if (!ConvFusion.active(x)) return null;
        List<Module> layers = block.children();
        int n = layers.size(), head; // layers[0, head) run as they are, then the last convolution and its batch norm
        Module conv, norm;
        if (n >= 1 && layers.get(n - 1).getClass() == Conv2dNormActivation.class && layers.get(n - 1).children().size() == 2) {
            head = n - 1;
            conv = layers.get(n - 1).children().get(0);
            norm = layers.get(n - 1).children().get(1);
        } else if (n >= 2 && layers.get(n - 2).getClass() == Conv2d.class && layers.get(n - 1).getClass() == BatchNorm2d.class) {
            head = n - 2;
            conv = layers.get(n - 2);
            norm = layers.get(n - 1);
        } else if (n >= 2 && layers.get(n - 1).getClass() == Conv2d.class) { // issue 11 (tf): a last convolution without a norm (MaxViT's MBConv)
            head = n - 1;
            conv = layers.get(n - 1);
            norm = null;
        } else {
            return null;
        }
        if (!ConvFusion.fusable(conv, norm, act)) return null;
        var release = IntermediateRelease.start(owner, x);
        Tensor h = x;
        if (head > 0) {
            Sequential first = headOf(block, layers.subList(0, head));
            h = release.after(first, x, first.apply(x));
        }
        Tensor y = ConvFusion.run(conv, norm, act, h, residual);
        if (y == null) {
            Tensor t = h;
            for (int i = head; i < n; i++) t = layers.get(i).apply(t);
            return separate.apply(t);
        }
        return release.after(conv, h, y);
    }

    /**
     * The block's first layers as a Sequential of their own (cached per block, rebuilt when its children change), so
     * that they run, fused and freed, as the block's Sequential would run them.
     */
    private static Sequential headOf(Sequential block, List<Module> layers) {
        synchronized (HEADS) {
            Sequential cached = HEADS.get(block);
            if (cached != null) {
                List<Module> have = cached.children();
                boolean same = have.size() == layers.size();
                for (int i = 0; same && i < have.size(); i++) same = have.get(i) == layers.get(i);
                if (same) return cached;
            }
            Sequential head = new Sequential(layers.toArray(new Module[0]));
            HEADS.put(block, head);
            return head;
        }
    }

    /** Frees a projection shortcut's result once the fused convolution has added (a copy of) it into its own result. */
    static void freeShortcut(Module owner, Module projection, Tensor x, Tensor shortcut, Module last, Tensor y) {
        var release = IntermediateRelease.start(owner, x);
        release.after(projection, x, shortcut);
        release.after(last, shortcut, y);
    }
}
