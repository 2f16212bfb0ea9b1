package dev.nnsh.models;

import java.util.List;

import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.ChannelInterleave;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** ShuffleNet V2 (x0.5, x1.0, x1.5, x2.0) as torchvision builds it. */
public class ShuffleNetV2 extends Module {
    final Sequential conv1;
    final MaxPool2d maxpool;
    final Sequential stage2;
    final Sequential stage3;
    final Sequential stage4;
    final Sequential conv5;
    final Linear fc;

    /** stagesRepeats: 3 entries; stagesOutChannels: 5 (stem, three stages, conv5). */
    public ShuffleNetV2(int[] stagesRepeats, int[] stagesOutChannels, int numClasses) {
        if (stagesRepeats.length != 3) throw new IllegalArgumentException("ShuffleNetV2: expected stages_repeats as list of 3 positive ints");
        if (stagesOutChannels.length != 5) throw new IllegalArgumentException("ShuffleNetV2: expected stages_out_channels as list of 5 positive ints");
        int in = stagesOutChannels[0];
        conv1 = new Sequential(new Conv2d(3, in, 3, 2, 1).bias(false), new BatchNorm2d(in), new ReLU(true));
        maxpool = new MaxPool2d(3, 2, 1);
        Sequential[] stages = new Sequential[3];
        for (int s = 0; s < 3; s++) {
            int out = stagesOutChannels[s + 1];
            stages[s] = new Sequential(new InvertedResidual(in, out, 2));
            for (int i = 1; i < stagesRepeats[s]; i++) stages[s].add(new InvertedResidual(out, out, 1));
            in = out;
        }
        stage2 = stages[0];
        stage3 = stages[1];
        stage4 = stages[2];
        int last = stagesOutChannels[4];
        conv5 = new Sequential(new Conv2d(in, last, 1, 1, 0).bias(false), new BatchNorm2d(last), new ReLU(true));
        fc = new Linear(last, numClasses);
    }

    @Override public Tensor forward(Tensor x) {
        IntermediateRelease release = IntermediateRelease.start(this, x); // issue 11: each stage's result, once the next has run
        Tensor y = release.after(conv1, x, conv1.apply(x));
        y = release.after(maxpool, y, dev.nnsh.nn.ChannelsLastPool.apply(maxpool, y)); // issue 11 (mobile): oneDNN on channels-last, else the call
        y = release.after(stage2, y, stage2.apply(y));
        y = release.after(stage3, y, stage3.apply(y));
        y = release.after(stage4, y, stage4.apply(y));
        y = release.after(conv5, y, conv5.apply(y));
        Tensor pooled = globalMean(y); // issue 11 (mobile): one oneDNN average pool on channels-last (flatten copied y first)
        return fc.apply(release.afterTensorOp("mean", y, pooled != null ? pooled : y.flatten(2).mean(2)));
    }

    /** issue 11 (mobile): y.flatten(2).mean(2) as a global average pool of a channels-last y, or null where that does not apply. */
    private static Tensor globalMean(Tensor y) {
        return dev.nnsh.nn.ConvFusion.active(y) ? dev.nnsh.nn.ChannelsLastPool.adaptiveAvgPool2d(y, 1).flatten(1) : null;
    }

    /** Channels regrouped: [N, g, C/g, H, W] transposed to [N, C/g, g, H, W] and flattened back. */
    static Tensor channelShuffle(Tensor x, int groups) {
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        return x.reshape(n, groups, c / groups, h, w).transpose(1, 2).reshape(n, c, h, w);
    }

    /** Stride 1: half the channels pass, half go through branch2; stride 2: both branches see all. Then shuffled. */
    public static class InvertedResidual extends Module {
        final Sequential branch1;
        final Sequential branch2;
        private final int stride;

        public InvertedResidual(int inp, int oup, int stride) {
            this.stride = stride;
            int branch = oup / 2;
            if (stride == 1 && inp != branch << 1) {
                throw new IllegalArgumentException("InvertedResidual: invalid combination of stride " + stride + ", inp " + inp
                        + " and oup " + oup + " values. If stride == 1 then inp should be equal to oup // 2 << 1.");
            }
            branch1 = stride > 1
                    ? new Sequential(depthwise(inp, stride), new BatchNorm2d(inp), new Conv2d(inp, branch, 1, 1, 0).bias(false),
                            new BatchNorm2d(branch), new ReLU(true))
                    : new Sequential();
            branch2 = new Sequential(new Conv2d(stride > 1 ? inp : branch, branch, 1, 1, 0).bias(false), new BatchNorm2d(branch),
                    new ReLU(true), depthwise(branch, stride), new BatchNorm2d(branch),
                    new Conv2d(branch, branch, 1, 1, 0).bias(false), new BatchNorm2d(branch), new ReLU(true));
        }

        private static Conv2d depthwise(int channels, int stride) {
            return new Conv2d(channels, channels, 3, stride, 1).groups(channels).bias(false);
        }

        @Override public Tensor forward(Tensor x) {
            // issue 11: each branch's result is freed once it has been copied into the shuffled output
            IntermediateRelease first = IntermediateRelease.start(this, x), second = IntermediateRelease.start(this, x);
            Tensor a, b;
            if (stride == 1) {
                List<Tensor> halves = ChannelInterleave.halves(x); // issue 11: views in eval, read by branch2 and the shuffle
                if (halves == null) halves = x.chunk(2, 1);
                a = halves.get(0); // a view of x: never freed
                b = second.after(branch2, halves.get(1), branch2.apply(halves.get(1)));
            } else {
                a = first.after(branch1, x, branch1.apply(x));
                b = second.after(branch2, x, branch2.apply(x));
            }
            Tensor shuffled = ChannelInterleave.catShuffled(a, b); // issue 11: one copy of each part, in eval
            if (shuffled == null) shuffled = channelShuffle(Tensor.cat(1, a, b), 2);
            first.afterTensorOp("channel_shuffle", a, shuffled);
            return second.afterTensorOp("channel_shuffle", b, shuffled);
        }
    }
}
