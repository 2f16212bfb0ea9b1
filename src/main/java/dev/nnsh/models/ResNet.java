package dev.nnsh.models;

import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/**
 * Residual networks (ResNet-18/34 with BasicBlock, ResNet-50/101/152 with Bottleneck; ResNeXt and wide
 * ResNets are Bottleneck ResNets with grouped or wider 3×3 convolutions), torchvision layout.
 */
public class ResNet extends Module {
    final Conv2d conv1;
    final BatchNorm2d bn1;
    final ReLU relu;
    final MaxPool2d maxpool;
    final Sequential layer1;
    final Sequential layer2;
    final Sequential layer3;
    final Sequential layer4;
    final AdaptiveAvgPool2d avgpool;
    final Linear fc;

    private int inplanes = 64;
    private final int groups;
    private final int baseWidth;

    /** Which residual block a ResNet is built from. */
    enum Block { BASIC(1), BOTTLENECK(4);
        final int expansion;
        Block(int expansion) { this.expansion = expansion; }
    }

    ResNet(Block block, int[] layers, int numClasses) { this(block, layers, numClasses, 1, 64); }

    /** groups and widthPerGroup give the ResNeXt (32x4d: 32, 4) and wide (1, 128) variants' 3×3 convolutions. */
    ResNet(Block block, int[] layers, int numClasses, int groups, int widthPerGroup) {
        this.groups = groups;
        this.baseWidth = widthPerGroup;
        conv1 = new Conv2d(3, inplanes, 7, 2, 3).bias(false);
        bn1 = new BatchNorm2d(inplanes);
        relu = new ReLU(true);
        maxpool = new MaxPool2d(3, 2, 1);
        layer1 = makeLayer(block, 64, layers[0], 1);
        layer2 = makeLayer(block, 128, layers[1], 2);
        layer3 = makeLayer(block, 256, layers[2], 2);
        layer4 = makeLayer(block, 512, layers[3], 2);
        avgpool = new AdaptiveAvgPool2d(1, 1);
        fc = new Linear(512L * block.expansion, numClasses);
    }

    static Conv2d conv3x3(int in, int out, int stride) {
        return new Conv2d(in, out, 3, stride, 1).bias(false);
    }

    static Conv2d conv1x1(int in, int out, int stride) {
        return new Conv2d(in, out, 1, stride).bias(false);
    }

    private Sequential makeLayer(Block block, int planes, int blocks, int stride) {
        int outChannels = planes * block.expansion;
        Sequential downsample = null;
        if (stride != 1 || inplanes != outChannels) {
            downsample = new Sequential(conv1x1(inplanes, outChannels, stride), new BatchNorm2d(outChannels));
        }
        Sequential layers = new Sequential();
        layers.add(newBlock(block, inplanes, planes, stride, downsample));
        inplanes = outChannels;
        for (int i = 1; i < blocks; i++) layers.add(newBlock(block, inplanes, planes, 1, null));
        return layers;
    }

    private Module newBlock(Block block, int inplanes, int planes, int stride, Sequential downsample) {
        return block == Block.BASIC
                ? new BasicBlock(inplanes, planes, stride, downsample)
                : new Bottleneck(inplanes, planes, stride, downsample, groups, baseWidth);
    }

    @Override public Tensor forward(Tensor x) {
        var release = dev.nnsh.nn.IntermediateRelease.start(this, x); // issue 11 (free): each stage's result once the next has run
        Tensor stem = release.after(conv1, x, dev.nnsh.nn.ConvFusion.apply(conv1, bn1, relu, x));
        x = release.after(maxpool, stem, dev.nnsh.nn.ChannelsLastPool.apply(maxpool, stem)); // issue 11 (conv): fused in eval, else the calls
        x = release.after(layer1, x, layer1.apply(x));
        x = release.after(layer2, x, layer2.apply(x));
        x = release.after(layer3, x, layer3.apply(x));
        x = release.after(layer4, x, layer4.apply(x));
        x = release.after(avgpool, x, dev.nnsh.nn.ChannelsLastPool.apply(avgpool, x)).flatten(1); // issue 11 (conv): oneDNN on channels-last, else the call
        return fc.apply(x);
    }

    /**
     * issue 11 (free): the downsampled shortcut, once the last convolution has added it (a copy of it) into its result;
     * an identity shortcut is the block's input and is never freed.
     */
    static void freeShortcut(Module block, Sequential downsample, Tensor x, Tensor identity, Module last, Tensor y) {
        if (downsample == null) return;
        var release = dev.nnsh.nn.IntermediateRelease.start(block, x);
        release.after(downsample, x, identity);
        release.after(last, identity, y);
    }

    /** Two 3×3 convolutions with a skip connection; the ReLU module is applied twice. */
    public static class BasicBlock extends Module {
        final Conv2d conv1;
        final BatchNorm2d bn1;
        final ReLU relu;
        final Conv2d conv2;
        final BatchNorm2d bn2;
        final Sequential downsample; // null: identity shortcut

        public BasicBlock(int inplanes, int planes, int stride, Sequential downsample) {
            conv1 = conv3x3(inplanes, planes, stride);
            bn1 = new BatchNorm2d(planes);
            relu = new ReLU(true);
            conv2 = conv3x3(planes, planes, 1);
            bn2 = new BatchNorm2d(planes);
            this.downsample = downsample;
        }

        @Override public Tensor forward(Tensor x) {
            Tensor fused = dev.nnsh.nn.ConvFusion.active(x) ? fusedForward(x) : null; // issue 11 (conv)
            if (fused != null) return fused; // issue 11 (conv)
            Tensor out = relu.apply(bn1.apply(conv1.apply(x)));
            out = bn2.apply(conv2.apply(out));
            Tensor identity = downsample == null ? x : downsample.apply(x);
            return relu.apply(dev.nnsh.tensor.InPlace.add(out, identity));
        }

        /** issue 11 (conv): both convolutions fused with their batch norms, the residual sum and ReLU as post-ops. */
        private Tensor fusedForward(Tensor x) {
            if (!dev.nnsh.nn.ConvFusion.fusable(conv1, bn1, relu) || !dev.nnsh.nn.ConvFusion.fusable(conv2, bn2, relu)) return null;
            Tensor out = dev.nnsh.nn.ConvFusion.run(conv1, bn1, relu, x, null);
            if (out == null) return null;
            var release = dev.nnsh.nn.IntermediateRelease.start(this, x); // frees the block's own intermediates
            release.after(conv1, x, out);
            Tensor identity = downsample == null ? x : downsample.apply(x);
            Tensor y = dev.nnsh.nn.ConvFusion.run(conv2, bn2, relu, out, identity);
            if (y != null) freeShortcut(this, downsample, x, identity, conv2, y); // issue 11 (free)
            return y != null ? release.after(conv2, out, y) : relu.apply(dev.nnsh.tensor.InPlace.add(bn2.apply(conv2.apply(out)), identity));
        }
    }

    /** 1×1 reduce, 3×3 (carrying the stride), 1×1 expand ×4, with a skip connection. */
    public static class Bottleneck extends Module {
        final Conv2d conv1;
        final BatchNorm2d bn1;
        final Conv2d conv2;
        final BatchNorm2d bn2;
        final Conv2d conv3;
        final BatchNorm2d bn3;
        final ReLU relu;
        final Sequential downsample; // null: identity shortcut

        public Bottleneck(int inplanes, int planes, int stride, Sequential downsample) {
            this(inplanes, planes, stride, downsample, 1, 64);
        }

        /** The inner width is planes·(baseWidth/64)·groups, as torchvision's Bottleneck computes it. */
        public Bottleneck(int inplanes, int planes, int stride, Sequential downsample, int groups, int baseWidth) {
            int width = (int) (planes * (baseWidth / 64.0)) * groups;
            conv1 = conv1x1(inplanes, width, 1);
            bn1 = new BatchNorm2d(width);
            conv2 = conv3x3(width, width, stride).groups(groups);
            bn2 = new BatchNorm2d(width);
            conv3 = conv1x1(width, planes * 4, 1);
            bn3 = new BatchNorm2d(planes * 4);
            relu = new ReLU(true);
            this.downsample = downsample;
        }

        @Override public Tensor forward(Tensor x) {
            Tensor fused = dev.nnsh.nn.ConvFusion.active(x) ? fusedForward(x) : null; // issue 11 (conv)
            if (fused != null) return fused; // issue 11 (conv)
            Tensor out = relu.apply(bn1.apply(conv1.apply(x)));
            out = relu.apply(bn2.apply(conv2.apply(out)));
            out = bn3.apply(conv3.apply(out));
            Tensor identity = downsample == null ? x : downsample.apply(x);
            return relu.apply(dev.nnsh.tensor.InPlace.add(out, identity));
        }

        /** issue 11 (conv): the three convolutions fused with their batch norms, the residual sum and ReLU as post-ops. */
        private Tensor fusedForward(Tensor x) {
            if (!dev.nnsh.nn.ConvFusion.fusable(conv1, bn1, relu) || !dev.nnsh.nn.ConvFusion.fusable(conv3, bn3, relu)) return null;
            Tensor out = dev.nnsh.nn.ConvFusion.run(conv1, bn1, relu, x, null);
            if (out == null) return null;
            var release = dev.nnsh.nn.IntermediateRelease.start(this, x); // frees the block's own intermediates
            release.after(conv1, x, out);
            out = release.after(conv2, out, dev.nnsh.nn.ConvFusion.apply(conv2, bn2, relu, out));
            Tensor identity = downsample == null ? x : downsample.apply(x);
            Tensor y = dev.nnsh.nn.ConvFusion.run(conv3, bn3, relu, out, identity);
            if (y != null) freeShortcut(this, downsample, x, identity, conv3, y); // issue 11 (free)
            return y != null ? release.after(conv3, out, y) : relu.apply(dev.nnsh.tensor.InPlace.add(bn3.apply(conv3.apply(out)), identity));
        }
    }
}
