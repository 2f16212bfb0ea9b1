package dev.nnsh.models;

import java.util.List;

import dev.nnsh.nn.AvgPool2d;
import dev.nnsh.nn.ChannelsLastPadPool;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.ConvFusion;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): MaxViT's MBConv shortcut, AvgPool2d(3, 2, 1) → 1×1 Conv2d, kept channels-last in eval (the
 * pooling padded, count_include_pad, and the convolution on oneDNN), where both ran on ND4J over
 * [N, C, H, W] with reorders around them. The result is what the modules give within float rounding,
 * channels-last like the fused convolutions around it. Off with -Dnnsh.tf.maxvitcl=off; where a step declines
 * (training, an observer that sees every call, other classes or settings), the modules run as before.
 */
final class MaxVitChannelsLast {
    private MaxVitChannelsLast() {}

    private static boolean on(Module m) {
        return !m.isTraining() && !"off".equals(System.getProperty("nnsh.tf.maxvitcl"));
    }

    /** proj(x) for MBConv's shortcut: Identity, Conv2d, or AvgPool2d(3, 2, 1) → Conv2d. */
    static Tensor shortcut(Module proj, Tensor x) {
        if (!on(proj) || !(proj instanceof Sequential s) || !ConvFusion.active(x)) return proj.apply(x);
        List<Module> c = s.children();
        Module conv = c.get(c.size() - 1);
        if (c.size() == 1) {
            Tensor y = ConvFusion.run(conv, null, null, x, null);
            return y != null ? y : proj.apply(x);
        }
        if (c.size() != 2 || c.get(0).getClass() != AvgPool2d.class || conv.getClass() != Conv2d.class) return proj.apply(x);
        AvgPool2d pool = (AvgPool2d) c.get(0);
        int[] k = pool.kernelSize(), st = pool.stride(), p = pool.padding();
        if (pool.isTraining() || pool.ceilMode() || !pool.countIncludePad() || pool.divisorOverride() != 0 || k.length != 2
                || k[0] != k[1] || st[0] != st[1] || p[0] != p[1]) return proj.apply(x);
        Tensor pooled = ChannelsLastPadPool.avgPool2d(x, k[0], st[0], p[0]);
        if (pooled == null) return proj.apply(x);
        Tensor y = ConvFusion.run(conv, null, null, pooled, null);
        if (y == null) return conv.apply(pooled);
        NativeBuffers.release(pooled, "MaxViT shortcut");
        return y;
    }
}
