package dev.nnsh.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import dev.nnsh.models.vision.Conv2dNormActivation;
import dev.nnsh.models.vision.SqueezeExcitation;
import dev.nnsh.models.vision.StochasticDepth;
import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Sequential;
import dev.nnsh.nn.SiLU;
import dev.nnsh.tensor.Tensor;

/** EfficientNet B0–B7 (MBConv stages) and V2 S/M/L (FusedMBConv, then MBConv) as torchvision builds them. */
public class EfficientNet extends Module {
    /** One stage: expand ratio, kernel, first stride, input and output channels, blocks, fused or not. */
    record Stage(double expandRatio, int kernel, int stride, int in, int out, int layers, boolean fused) {
        static Stage mb(double t, int k, int s, int in, int out, int n, double width, double depth) {
            return new Stage(t, k, s, Channels.makeDivisible(in * width, 8), Channels.makeDivisible(out * width, 8),
                    (int) Math.ceil(n * depth), false);
        }
    }

    static Stage[] v1(double width, double depth) {
        return new Stage[]{
                Stage.mb(1, 3, 1, 32, 16, 1, width, depth), Stage.mb(6, 3, 2, 16, 24, 2, width, depth),
                Stage.mb(6, 5, 2, 24, 40, 2, width, depth), Stage.mb(6, 3, 2, 40, 80, 3, width, depth),
                Stage.mb(6, 5, 1, 80, 112, 3, width, depth), Stage.mb(6, 5, 2, 112, 192, 4, width, depth),
                Stage.mb(6, 3, 1, 192, 320, 1, width, depth)};
    }

    static final Stage[] V2_S = {
            new Stage(1, 3, 1, 24, 24, 2, true), new Stage(4, 3, 2, 24, 48, 4, true), new Stage(4, 3, 2, 48, 64, 4, true),
            new Stage(4, 3, 2, 64, 128, 6, false), new Stage(6, 3, 1, 128, 160, 9, false), new Stage(6, 3, 2, 160, 256, 15, false)};
    static final Stage[] V2_M = {
            new Stage(1, 3, 1, 24, 24, 3, true), new Stage(4, 3, 2, 24, 48, 5, true), new Stage(4, 3, 2, 48, 80, 5, true),
            new Stage(4, 3, 2, 80, 160, 7, false), new Stage(6, 3, 1, 160, 176, 14, false), new Stage(6, 3, 2, 176, 304, 18, false),
            new Stage(6, 3, 1, 304, 512, 5, false)};
    static final Stage[] V2_L = {
            new Stage(1, 3, 1, 32, 32, 4, true), new Stage(4, 3, 2, 32, 64, 7, true), new Stage(4, 3, 2, 64, 96, 7, true),
            new Stage(4, 3, 2, 96, 192, 10, false), new Stage(6, 3, 1, 192, 224, 19, false), new Stage(6, 3, 2, 224, 384, 25, false),
            new Stage(6, 3, 1, 384, 640, 7, false)};

    static final LongFunction<Module> BN = BatchNorm2d::new;
    static final LongFunction<Module> BN_EPS_1E3_MOMENTUM_1E2 = c -> new BatchNorm2d(c, 0.001, 0.01);
    static final LongFunction<Module> BN_EPS_1E3 = c -> new BatchNorm2d(c, 1e-3);
    private static final Supplier<Module> SILU = () -> new SiLU(true);

    final Sequential features;
    final AdaptiveAvgPool2d avgpool;
    final Sequential classifier;

    /** lastChannel 0: four times the last stage's output channels (B0–B7). */
    public EfficientNet(Stage[] setting, double dropout, double stochasticDepthProb, int numClasses,
                        LongFunction<Module> norm, int lastChannel) {
        features = new Sequential(new Conv2dNormActivation(3, setting[0].in(), 3, 2, 1, norm, SILU));
        int total = 0;
        for (Stage s : setting) total += s.layers();
        int blockId = 0;
        for (Stage s : setting) {
            List<Module> stage = new ArrayList<>();
            for (int i = 0; i < s.layers(); i++) {
                int in = i == 0 ? s.in() : s.out();
                int stride = i == 0 ? s.stride() : 1;
                double sd = stochasticDepthProb * (double) blockId / total;
                stage.add(s.fused() ? new FusedMBConv(s.expandRatio(), s.kernel(), stride, in, s.out(), sd, norm)
                        : new MBConv(s.expandRatio(), s.kernel(), stride, in, s.out(), sd, norm));
                blockId++;
            }
            features.add(new Sequential(stage.toArray(new Module[0])));
        }
        int lastIn = setting[setting.length - 1].out();
        long lastOut = lastChannel > 0 ? lastChannel : 4L * lastIn;
        features.add(new Conv2dNormActivation(lastIn, lastOut, 1, 1, 1, norm, SILU));
        avgpool = new AdaptiveAvgPool2d(1);
        classifier = new Sequential(new Dropout(dropout, true), new Linear(lastOut, numClasses));
    }

    @Override public Tensor forward(Tensor x) {
        var release = dev.nnsh.nn.IntermediateRelease.start(this, x); // issue 11 (free): the features' result once pooled
        Tensor blocked = BlockedFeatures.efficientNet(features, x); // issue 11 (mobile): the whole stack in oneDNN's blocked layout
        Tensor f = release.after(features, x, blocked != null ? blocked : features.apply(x)); // blocked: freed once pooled, too
        return classifier.apply(release.after(avgpool, f, dev.nnsh.nn.ChannelsLastPool.apply(avgpool, f)) /* issue 11 (mobile): oneDNN on channels-last */.flatten(1));
    }

    /** Expand 1×1, depthwise k×k, squeeze-excitation (SiLU), project 1×1; stochastic depth on the residual branch. */
    public static class MBConv extends Module {
        final Sequential block;
        final StochasticDepth stochastic_depth;
        private final boolean useResConnect;

        boolean residual() { return useResConnect; } // issue 11 (mobile)

        MBConv(double expandRatio, int kernel, int stride, int in, int out, double sdProb, LongFunction<Module> norm) {
            useResConnect = stride == 1 && in == out;
            int expanded = Channels.makeDivisible(in * expandRatio, 8);
            block = new Sequential();
            if (expanded != in) block.add(new Conv2dNormActivation(in, expanded, 1, 1, 1, norm, SILU));
            block.add(new Conv2dNormActivation(expanded, expanded, kernel, stride, expanded, norm, SILU));
            block.add(new SqueezeExcitation(expanded, Math.max(1, in / 4), SILU, dev.nnsh.nn.Sigmoid::new));
            block.add(new Conv2dNormActivation(expanded, out, 1, 1, 1, norm, null));
            stochastic_depth = new StochasticDepth(sdProb, "row");
        }

        @Override public Tensor forward(Tensor x) {
            Tensor fused = useResConnect && !stochastic_depth.isTraining() // issue 11 (free): stochastic depth is the identity in eval
                    ? FusedResidual.run(this, block, x, x, null, t -> stochastic_depth.apply(t).add(x)) : null;
            if (fused != null) return fused;
            Tensor result = block.apply(x);
            return useResConnect ? stochastic_depth.apply(result).add(x) : result;
        }
    }

    /** Fused expand k×k (then project 1×1), or one k×k convolution when there is no expansion. */
    public static class FusedMBConv extends Module {
        final Sequential block;
        final StochasticDepth stochastic_depth;
        private final boolean useResConnect;

        boolean residual() { return useResConnect; } // issue 11 (mobile)

        FusedMBConv(double expandRatio, int kernel, int stride, int in, int out, double sdProb, LongFunction<Module> norm) {
            useResConnect = stride == 1 && in == out;
            int expanded = Channels.makeDivisible(in * expandRatio, 8);
            block = new Sequential();
            if (expanded != in) {
                block.add(new Conv2dNormActivation(in, expanded, kernel, stride, 1, norm, SILU));
                block.add(new Conv2dNormActivation(expanded, out, 1, 1, 1, norm, null));
            } else {
                block.add(new Conv2dNormActivation(in, out, kernel, stride, 1, norm, SILU));
            }
            stochastic_depth = new StochasticDepth(sdProb, "row");
        }

        @Override public Tensor forward(Tensor x) {
            Tensor fused = useResConnect && !stochastic_depth.isTraining() // issue 11 (free): stochastic depth is the identity in eval
                    ? FusedResidual.run(this, block, x, x, null, t -> stochastic_depth.apply(t).add(x)) : null;
            if (fused != null) return fused;
            Tensor result = block.apply(x);
            return useResConnect ? stochastic_depth.apply(result).add(x) : result;
        }
    }
}
