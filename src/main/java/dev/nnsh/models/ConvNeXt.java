package dev.nnsh.models;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.models.vision.Conv2dNormActivation;
import dev.nnsh.models.vision.LayerNorm2d;
import dev.nnsh.models.vision.Permute;
import dev.nnsh.models.vision.StochasticDepth;
import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.ChannelsLastBlocks;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Flatten;
import dev.nnsh.nn.GELU;
import dev.nnsh.nn.Init;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Parameter;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** ConvNeXt tiny/small/base/large as torchvision builds it. */
public class ConvNeXt extends Module {
    /** One stage: channels, the next stage's channels (0 for the last stage), blocks. */
    record Stage(int in, int out, int layers) {}

    static final Stage[] TINY = {new Stage(96, 192, 3), new Stage(192, 384, 3), new Stage(384, 768, 9), new Stage(768, 0, 3)};
    static final Stage[] SMALL = {new Stage(96, 192, 3), new Stage(192, 384, 3), new Stage(384, 768, 27), new Stage(768, 0, 3)};
    static final Stage[] BASE = {new Stage(128, 256, 3), new Stage(256, 512, 3), new Stage(512, 1024, 27), new Stage(1024, 0, 3)};
    static final Stage[] LARGE = {new Stage(192, 384, 3), new Stage(384, 768, 3), new Stage(768, 1536, 27), new Stage(1536, 0, 3)};

    final Sequential features;
    final AdaptiveAvgPool2d avgpool;
    final Sequential classifier;

    public ConvNeXt(Stage[] setting, double stochasticDepthProb, double layerScale, int numClasses) {
        features = new Sequential(new Conv2dNormActivation(3, setting[0].in(), 4, 4, 1, 1, c -> new LayerNorm2d(c, 1e-6), null)
                .withBias(true).withPadding(0));
        int total = 0;
        for (Stage s : setting) total += s.layers();
        int blockId = 0;
        for (Stage s : setting) {
            List<Module> stage = new ArrayList<>();
            for (int i = 0; i < s.layers(); i++) {
                double sd = stochasticDepthProb * blockId / (total - 1.0);
                stage.add(new CNBlock(s.in(), layerScale, sd));
                blockId++;
            }
            features.add(new Sequential(stage.toArray(new Module[0])));
            if (s.out() > 0) features.add(new Sequential(new LayerNorm2d(s.in(), 1e-6), new Conv2d(s.in(), s.out(), 2, 2)));
        }
        Stage last = setting[setting.length - 1];
        int lastChannels = last.out() > 0 ? last.out() : last.in();
        avgpool = new AdaptiveAvgPool2d(1);
        classifier = new Sequential(new LayerNorm2d(lastChannels, 1e-6), new Flatten(1), new Linear(lastChannels, numClasses));
    }

    @Override public Tensor forward(Tensor x) {
        return classifier.apply(avgpool.apply(features.apply(x)));
    }

    /** Depthwise 7×7, LayerNorm (channels last), Linear ×4, GELU, Linear back; scaled per channel, residual. */
    public static class CNBlock extends Module {
        final Sequential block;
        final Parameter layer_scale;
        final StochasticDepth stochastic_depth;

        public CNBlock(int dim, double layerScale, double stochasticDepthProb) {
            block = new Sequential(new Conv2d(dim, dim, 7, 1, 3).groups(dim), new Permute(0, 2, 3, 1),
                    new LayerNorm(dim).eps(1e-6), new Linear(dim, 4L * dim), new GELU(), new Linear(4L * dim, dim),
                    new Permute(0, 3, 1, 2));
            layer_scale = new Parameter("layer_scale", Init.constant(layerScale), dim, 1, 1);
            stochastic_depth = new StochasticDepth(stochasticDepthProb, "row");
        }

        @Override public Tensor forward(Tensor x) {
            if (!isTraining()) { // issue 11 (tf): the block channels-last, permutes as views, scale and residual fused
                Tensor fast = ChannelsLastBlocks.convNeXt(block.get(0), block.get(2), block.get(3), block.get(4), block.get(5),
                        layer_scale.valueFor(x), x);
                if (fast != null) return fast;
            }
            Tensor result = layer_scale.valueFor(x).mul(block.apply(x));
            return stochastic_depth.apply(result).add(x);
        }
    }
}
