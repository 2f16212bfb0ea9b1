package dev.nnsh.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.nnsh.nn.AvgPool2d;
import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.BlockedDenseBlock;
import dev.nnsh.nn.BlockedDenseLayer;
import dev.nnsh.nn.ChannelConcat;
import dev.nnsh.nn.ChannelsLastPool;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.ConvFusion;
import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.tensor.Tensor;

/**
 * issue 11 (conv): a dense block's eval pass without re-copying the growing concatenation. One
 * channels-last buffer holds the block's input and every layer's output side by side; each layer
 * reads the channel slice of all earlier maps (norm1 → relu1 as one pass on it), runs its fused
 * conv1 → norm2 → relu2, and writes conv2's result into its own slice. The buffer is the block's
 * output, as Tensor.cat of the same maps would be.
 */
final class DenseBlockFusion {
    private DenseBlockFusion() {}

    // issue 11 (dense): a layer's two intermediates (norm1→relu1 of the earlier maps, the bottleneck) freed as
    // soon as the next step consumed them, by IntermediateRelease's proof; otherwise only the collector
    // found them dead, the pool missed, and each pass faulted in fresh memory (most of the block's time)
    // (-Dnnsh.dense.release=off turns only this off; read per block pass, so a bench can alternate it in one JVM)
    private static boolean releaseIntermediates() { return !"off".equals(System.getProperty("nnsh.dense.release")); }

    /** The block's output, or null when a layer cannot be fused (the caller runs the block as usual). */
    static Tensor forward(DenseNet._DenseBlock block, Tensor x) {
        List<DenseNet._DenseLayer> layers = new ArrayList<>();
        long total = x.size(1);
        for (Map.Entry<String, Module> e : block) {
            if (e.getValue().getClass() != DenseNet._DenseLayer.class) return null;
            DenseNet._DenseLayer layer = (DenseNet._DenseLayer) e.getValue();
            if (!ConvFusion.fusable(layer.conv1, layer.norm2, layer.relu2) || !ConvFusion.fusable(layer.conv2, null, null)
                    || layer.isTraining() || layer.norm1.numFeatures() != total) {
                return null;
            }
            total += layer.conv2.outChannels();
            layers.add(layer);
        }
        Tensor blocked = BlockedDenseBlock.run(layers.stream().map(l -> new Module[]{l.norm1, l.relu1, l.conv1, l.norm2, l.relu2, l.conv2}).toList(), x); // issue 11 (cnn)
        if (blocked != null) return blocked; // issue 11 (cnn): the whole block in nChw16c
        ChannelConcat maps = new ChannelConcat(x, total);
        maps.copy(x, 0);
        long c = x.size(1);
        IntermediateRelease release = releaseIntermediates() ? IntermediateRelease.start(block, x) : null;
        for (DenseNet._DenseLayer layer : layers) {
            Tensor earlier = maps.slice(0, c);
            long grown = layer.conv2.outChannels(); // issue 11 (cnn): the whole layer in nChw16c where it applies
            if (BlockedDenseLayer.runInto(layer.norm1, layer.relu1, layer.conv1, layer.norm2, layer.relu2, layer.conv2, earlier, maps.slice(c, c + grown))) { c += grown; continue; } // issue 11 (cnn)
            Tensor normed = ConvFusion.applyNorm(layer.norm1, layer.relu1, earlier);
            if (release != null) release.after(layer, earlier, normed); // earlier is the buffer's slice: never freed
            Tensor bottleneck = ConvFusion.apply(layer.conv1, layer.norm2, layer.relu2, normed);
            if (release != null) release.after(layer, normed, bottleneck);
            long g = layer.conv2.outChannels();
            Tensor into = maps.slice(c, c + g);
            if (ConvFusion.runInto(layer.conv2, null, bottleneck, into)) {
                if (release != null) release.after(layer, bottleneck, into);
            } else {
                Tensor y = layer.conv2.apply(bottleneck);
                maps.copy(y, c);
                if (release != null) release.after(layer, bottleneck, y);
            }
            c += g;
        }
        return maps.result();
    }

    /**
     * issue 11 (dense): a transition (norm → relu → conv → pool) with the 2×2 average pooling BEFORE
     * the 1×1 convolution. A 1×1, stride-1, unpadded convolution is the same linear map at every
     * pixel (plus a constant bias), and an unpadded average pool without divisor override is a
     * weighted sum with weights summing to 1, so the two commute: the same values up to float
     * rounding, with the convolution on a quarter of the pixels (about 8 % of densenet121's
     * multiply-adds) and the pooling on oneDNN. Null where that does not hold (the caller runs the
     * Sequential as usual).
     */
    static Tensor transition(DenseNet._Transition t, Tensor x) {
        if (t.size() != 4 || t.isTraining()) return null;
        Module norm = t.get(0), relu = t.get(1), conv = t.get(2), pool = t.get(3);
        if (norm.getClass() != BatchNorm2d.class || relu.getClass() != ReLU.class || pool.getClass() != AvgPool2d.class
                || !ConvFusion.fusable(conv, null, null)) {
            return null;
        }
        Conv2d c = (Conv2d) conv;
        AvgPool2d p = (AvgPool2d) pool;
        if (!java.util.Arrays.equals(c.kernelSize(), new int[]{1, 1}) || !java.util.Arrays.equals(c.stride(), new int[]{1, 1})
                || !java.util.Arrays.equals(c.padding(), new int[]{0, 0}) || c.paddingMode() != null && !c.paddingMode().equals("valid")
                || p.divisorOverride() != 0 || !java.util.Arrays.equals(p.padding(), new int[]{0, 0})) {
            return null;
        }
        IntermediateRelease release = IntermediateRelease.start(t, x);
        Tensor normed = ConvFusion.runNorm(norm, relu, x);
        if (normed == null) return null;
        release.after(norm, x, normed); // x is the Sequential's input: never freed
        Tensor pooled = ChannelsLastPool.run(pool, normed); // null where a window would overhang (ceil mode)
        if (pooled == null) return null;
        release.after(pool, normed, pooled);
        Tensor out = ConvFusion.run(conv, null, null, pooled, null);
        if (out != null) release.after(conv, pooled, out);
        return out;
    }
}
