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

    /** features: the stem, InvertedResidual blocks (with or without squeeze-excitation), the last Conv2dNormActivation. */
    static Tensor mobileNetV3(Sequential features, Tensor x) {
        if (!BlockedConvChain.active(x)) return null;
        List<BlockedConvChain.Step> steps = new ArrayList<>();
        for (Module m : features.children()) {
            if (m.getClass() == dev.nnsh.models.vision.Conv2dNormActivation.class) {
                if (!add(steps, m.children(), false)) return null;
            } else if (m.getClass() == MobileNetV3.InvertedResidual.class) {
                MobileNetV3.InvertedResidual block = (MobileNetV3.InvertedResidual) m;
                if (!addBlock(steps, block.block, block.residual())) return null;
            } else {
                return null;
            }
        }
        return new BlockedConvChain(steps).run(x);
    }

    /** features: the stem, Sequential stages of MBConv (or FusedMBConv), the last Conv2dNormActivation. */
    static Tensor efficientNet(Sequential features, Tensor x) {
        if (!BlockedConvChain.active(x)) return null;
        List<BlockedConvChain.Step> steps = new ArrayList<>();
        for (Module m : features.children()) {
            if (m.getClass() == dev.nnsh.models.vision.Conv2dNormActivation.class) {
                if (!add(steps, m.children(), false)) return null;
            } else if (m.getClass() == Sequential.class) {
                for (Module b : m.children()) {
                    if (b.getClass() == EfficientNet.MBConv.class) {
                        EfficientNet.MBConv block = (EfficientNet.MBConv) b;
                        if (block.stochastic_depth.isTraining() || !addBlock(steps, block.block, block.residual())) return null;
                    } else if (b.getClass() == EfficientNet.FusedMBConv.class) {
                        EfficientNet.FusedMBConv block = (EfficientNet.FusedMBConv) b;
                        if (block.stochastic_depth.isTraining() || !addBlock(steps, block.block, block.residual())) return null;
                    } else {
                        return null;
                    }
                }
            } else {
                return null;
            }
        }
        return new BlockedConvChain(steps).run(x);
    }

    /** A block's Sequential of Conv2dNormActivation and SqueezeExcitation children as one step. */
    private static boolean addBlock(List<BlockedConvChain.Step> steps, Sequential block, boolean residual) {
        List<BlockedConvChain.Op> ops = new ArrayList<>();
        for (Module m : block.children()) {
            if (m.getClass() == dev.nnsh.models.vision.Conv2dNormActivation.class) {
                List<BlockedConvChain.Layer> layers = BlockedConvChain.layersOf(m.children());
                if (layers == null || layers.size() != 1) return false;
                ops.addAll(layers);
            } else if (m.getClass() == dev.nnsh.models.vision.SqueezeExcitation.class) {
                var parts = m.namedChildren();
                if (!(parts.get("avgpool") instanceof dev.nnsh.nn.AdaptiveAvgPool2d pool)
                        || pool.getClass() != dev.nnsh.nn.AdaptiveAvgPool2d.class || !java.util.Arrays.equals(pool.outputSize(), new int[]{1, 1})) return false;
                ops.add(new BlockedConvChain.Excite(parts.get("fc1"), parts.get("activation"), parts.get("fc2"), parts.get("scale_activation")));
            } else {
                return false;
            }
        }
        if (ops.isEmpty()) return false;
        steps.add(new BlockedConvChain.Step(ops, residual));
        return true;
    }

    private static boolean add(List<BlockedConvChain.Step> steps, List<Module> modules, boolean residual) {
        List<BlockedConvChain.Layer> layers = BlockedConvChain.layersOf(modules);
        if (layers == null || layers.isEmpty()) return false;
        steps.add(new BlockedConvChain.Step(layers, residual));
        return true;
    }
}
