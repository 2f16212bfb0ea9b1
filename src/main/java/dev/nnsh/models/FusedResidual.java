package dev.nnsh.models;

import java.util.List;
import java.util.function.UnaryOperator;

import dev.nnsh.models.vision.Conv2dNormActivation;
import dev.nnsh.nn.ConvFusion;
import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (free): block(x) + x for an inverted-residual block (MobileNetV3, EfficientNet's MBConv and FusedMBConv)
 * whose last layer is a Conv2dNormActivation of a convolution and a batch norm only: that convolution runs with its
 * batch norm folded and the residual sum as a post-op, and the block's intermediates are freed once consumed.
 */
final class FusedResidual {
    private FusedResidual() {}

    /**
     * block(x) + x as described, or null where fusion does not apply (nothing has run then). {@code separateLast} gives
     * the result from the output of the layers before the last one, should the fused convolution decline after all.
     */
    static Tensor run(Module owner, Sequential block, Tensor x, UnaryOperator<Tensor> separateLast) {
        if (!ConvFusion.active(x)) return null;
        List<Module> layers = block.children();
        int n = layers.size();
        if (n == 0 || layers.get(n - 1).getClass() != Conv2dNormActivation.class) return null;
        List<Module> last = layers.get(n - 1).children();
        if (last.size() != 2 || !ConvFusion.fusable(last.get(0), last.get(1), null)) return null;
        var release = IntermediateRelease.start(owner, x);
        Tensor h = x;
        for (int i = 0; i < n - 1; i++) h = release.after(layers.get(i), h, layers.get(i).apply(h));
        Tensor y = ConvFusion.run(last.get(0), last.get(1), null, h, x);
        if (y == null) return separateLast.apply(h);
        return release.after(last.get(0), h, y);
    }
}
