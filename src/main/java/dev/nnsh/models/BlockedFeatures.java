package dev.nnsh.models;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.nn.BlockedConvChain;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/**
 * issue 11 (mobile): MobileNetV2's and MNASNet's feature stacks, which are nothing but fused convolutions and
 * inverted residual sums, as one {@link BlockedConvChain} (intermediates in oneDNN's blocked layout). The
 * steps are read from the modules at each call, so a stack a user changed (a replaced layer, a subclass)
 * is not taken and runs as before. Null where the chain does not apply.
 */
final class BlockedFeatures {
    private BlockedFeatures() {}

    /** features: the stem Conv2dNormActivation, InvertedResidual blocks, the last Conv2dNormActivation. */
    static Tensor mobileNetV2(Sequential features, Tensor x) {
        if (!BlockedConvChain.active(x)) return null;
        List<BlockedConvChain.Step> steps = new ArrayList<>();
        for (Module m : features.children()) {
            if (m.getClass() == MobileNetV2.Conv2dNormActivation.class) {
                if (!add(steps, m.children(), false)) return null;
            } else if (m.getClass() == MobileNetV2.InvertedResidual.class) {
                MobileNetV2.InvertedResidual block = (MobileNetV2.InvertedResidual) m;
                List<Module> flat = new ArrayList<>();
                for (Module layer : block.conv.children()) {
                    if (layer.getClass() == MobileNetV2.Conv2dNormActivation.class) flat.addAll(layer.children());
                    else flat.add(layer);
                }
                if (!add(steps, flat, block.residual())) return null;
            } else {
                return null;
            }
        }
        return new BlockedConvChain(steps).run(x);
    }

    /** layers: stem convolutions, Sequential stacks of _InvertedResidual, the last convolution. */
    static Tensor mnasnet(Sequential layers, Tensor x) {
        if (!BlockedConvChain.active(x)) return null;
        List<BlockedConvChain.Step> steps = new ArrayList<>();
        List<Module> loose = new ArrayList<>();
        for (Module m : layers.children()) {
            if (m.getClass() == Sequential.class) {
                if (!loose.isEmpty() && !add(steps, loose, false)) return null;
                loose = new ArrayList<>();
                for (Module b : m.children()) {
                    if (b.getClass() != MNASNet._InvertedResidual.class) return null;
                    MNASNet._InvertedResidual block = (MNASNet._InvertedResidual) b;
                    if (!add(steps, block.layers.children(), block.residual())) return null;
                }
            } else {
                loose.add(m);
            }
        }
        if (!loose.isEmpty() && !add(steps, loose, false)) return null;
        return new BlockedConvChain(steps).run(x);
    }

    private static boolean add(List<BlockedConvChain.Step> steps, List<Module> modules, boolean residual) {
        List<BlockedConvChain.Layer> layers = BlockedConvChain.layersOf(modules);
        if (layers == null || layers.isEmpty()) return false;
        steps.add(new BlockedConvChain.Step(layers, residual));
        return true;
    }
}
