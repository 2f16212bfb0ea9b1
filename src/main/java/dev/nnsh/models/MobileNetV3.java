package dev.nnsh.models;

import java.util.function.LongFunction;
import java.util.function.Supplier;

import dev.nnsh.models.vision.Conv2dNormActivation;
import dev.nnsh.models.vision.SqueezeExcitation;
import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.Hardsigmoid;
import dev.nnsh.nn.Hardswish;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** MobileNetV3 large and small (width 1.0) as torchvision builds them. */
public class MobileNetV3 extends Module {
    /** One inverted residual: input, kernel, expanded, output channels, squeeze-excitation, hard-swish, stride. */
    record Config(int in, int kernel, int expanded, int out, boolean se, boolean hardswish, int stride) {}

    static final Config[] LARGE = {
            new Config(16, 3, 16, 16, false, false, 1), new Config(16, 3, 64, 24, false, false, 2),
            new Config(24, 3, 72, 24, false, false, 1), new Config(24, 5, 72, 40, true, false, 2),
            new Config(40, 5, 120, 40, true, false, 1), new Config(40, 5, 120, 40, true, false, 1),
            new Config(40, 3, 240, 80, false, true, 2), new Config(80, 3, 200, 80, false, true, 1),
            new Config(80, 3, 184, 80, false, true, 1), new Config(80, 3, 184, 80, false, true, 1),
            new Config(80, 3, 480, 112, true, true, 1), new Config(112, 3, 672, 112, true, true, 1),
            new Config(112, 5, 672, 160, true, true, 2), new Config(160, 5, 960, 160, true, true, 1),
            new Config(160, 5, 960, 160, true, true, 1)};
    static final Config[] SMALL = {
            new Config(16, 3, 16, 16, true, false, 2), new Config(16, 3, 72, 24, false, false, 2),
            new Config(24, 3, 88, 24, false, false, 1), new Config(24, 5, 96, 40, true, true, 2),
            new Config(40, 5, 240, 40, true, true, 1), new Config(40, 5, 240, 40, true, true, 1),
            new Config(40, 5, 120, 48, true, true, 1), new Config(48, 5, 144, 48, true, true, 1),
            new Config(48, 5, 288, 96, true, true, 2), new Config(96, 5, 576, 96, true, true, 1),
            new Config(96, 5, 576, 96, true, true, 1)};

    static final LongFunction<Module> NORM = c -> new BatchNorm2d(c, 0.001, 0.01);

    final Sequential features;
    final AdaptiveAvgPool2d avgpool;
    final Sequential classifier;

    public MobileNetV3(Config[] setting, int lastChannel, int numClasses, double dropout) {
        features = new Sequential(new Conv2dNormActivation(3, setting[0].in(), 3, 2, 1, NORM, () -> new Hardswish(true)));
        for (Config c : setting) features.add(new InvertedResidual(c));
        int lastIn = setting[setting.length - 1].out();
        features.add(new Conv2dNormActivation(lastIn, 6L * lastIn, 1, 1, 1, NORM, () -> new Hardswish(true)));
        avgpool = new AdaptiveAvgPool2d(1);
        classifier = new Sequential(new Linear(6L * lastIn, lastChannel), new Hardswish(true),
                new Dropout(dropout, true), new Linear(lastChannel, numClasses));
    }

    @Override public Tensor forward(Tensor x) {
        var release = dev.nnsh.nn.IntermediateRelease.start(this, x); // issue 11 (free): the features' result once pooled
        Tensor blocked = BlockedFeatures.mobileNetV3(features, x); // issue 11 (mobile): the whole stack in oneDNN's blocked layout
        Tensor f = release.after(features, x, blocked != null ? blocked : features.apply(x)); // blocked: freed once pooled, too
        return classifier.apply(release.after(avgpool, f, dev.nnsh.nn.ChannelsLastPool.apply(avgpool, f)) /* issue 11 (mobile): oneDNN on channels-last */.flatten(1));
    }

    /** Expand (unless expanded = input), depthwise k×k, optional squeeze-excitation (hard sigmoid), linear project. */
    public static class InvertedResidual extends Module {
        final Sequential block;
        private final boolean useResConnect;

        boolean residual() { return useResConnect; } // issue 11 (mobile)

        InvertedResidual(Config c) {
            useResConnect = c.stride() == 1 && c.in() == c.out();
            Supplier<Module> act = c.hardswish() ? () -> new Hardswish(true) : () -> new ReLU(true);
            block = new Sequential();
            if (c.expanded() != c.in()) block.add(new Conv2dNormActivation(c.in(), c.expanded(), 1, 1, 1, NORM, act));
            block.add(new Conv2dNormActivation(c.expanded(), c.expanded(), c.kernel(), c.stride(), c.expanded(), NORM, act));
            if (c.se()) {
                block.add(new SqueezeExcitation(c.expanded(), Channels.makeDivisible(c.expanded() / 4, 8), ReLU::new, Hardsigmoid::new));
            }
            block.add(new Conv2dNormActivation(c.expanded(), c.out(), 1, 1, 1, NORM, null));
        }

        @Override public Tensor forward(Tensor x) {
            Tensor fused = useResConnect ? FusedResidual.run(this, block, x, x, null, t -> t.add(x)) : null; // issue 11 (free)
            if (fused != null) return fused;
            Tensor result = block.apply(x);
            return useResConnect ? result.add(x) : result;
        }
    }
}
