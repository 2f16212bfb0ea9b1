package dev.nnsh.models;

import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.F;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU6;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** MobileNetV2 (width multiplier 1.0) as torchvision builds it. */
public class MobileNetV2 extends Module {
    /** Expansion t, output channels c, repeats n, first stride s. */
    static final int[][] SETTING = {
            {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

    final Sequential features;
    final Sequential classifier;

    public MobileNetV2() { this(1000); }

    public MobileNetV2(int numClasses) { this(numClasses, 0.2); }

    public MobileNetV2(int numClasses, double dropout) {
        int inputChannel = 32;
        int lastChannel = 1280;
        features = new Sequential(new Conv2dNormActivation(3, inputChannel, 3, 2, 1));
        for (int[] s : SETTING) {
            for (int i = 0; i < s[2]; i++) {
                features.add(new InvertedResidual(inputChannel, s[1], i == 0 ? s[3] : 1, s[0]));
                inputChannel = s[1];
            }
        }
        features.add(new Conv2dNormActivation(inputChannel, lastChannel, 1, 1, 1));
        classifier = new Sequential(new Dropout(dropout), new Linear(lastChannel, numClasses));
    }

    @Override public Tensor forward(Tensor x) {
        Tensor blocked = BlockedFeatures.mobileNetV2(features, x); // issue 11 (mobile): the whole stack in oneDNN's blocked layout
        if (blocked != null) {
            Tensor pooled = dev.nnsh.nn.ChannelsLastPool.adaptiveAvgPool2d(blocked, 1);
            if (!dev.nnsh.tensor.NativeBuffers.shareMemory(pooled, blocked)) dev.nnsh.tensor.NativeBuffers.release(blocked, "MobileNetV2.forward (issue 11, mobile)");
            return classifier.apply(pooled.flatten(1));
        }
        x = dev.nnsh.nn.ChannelsLastPool.adaptiveAvgPool2d(features.apply(x), 1); // issue 11 (conv): oneDNN on channels-last, else F's
        return classifier.apply(x.flatten(1));
    }

    /** Convolution (no bias, "same"-style padding (k−1)/2), BatchNorm2d, ReLU6: a Sequential named 0, 1, 2. */
    public static class Conv2dNormActivation extends Sequential {
        public Conv2dNormActivation(int in, int out, int kernelSize, int stride, int groups) {
            super(new Conv2d(in, out, kernelSize, stride, (kernelSize - 1) / 2).groups(groups).bias(false),
                    new BatchNorm2d(out), new ReLU6(true));
        }
    }

    /** Expand (1×1, unless t = 1), depthwise 3×3, project (1×1, linear); residual when shapes allow. */
    public static class InvertedResidual extends Module {
        final Sequential conv;
        private final boolean useResConnect;

        boolean residual() { return useResConnect; } // issue 11 (mobile)

        public InvertedResidual(int inp, int oup, int stride, int expandRatio) {
            int hidden = inp * expandRatio;
            useResConnect = stride == 1 && inp == oup;
            Sequential layers = new Sequential();
            if (expandRatio != 1) layers.add(new Conv2dNormActivation(inp, hidden, 1, 1, 1));
            layers.add(new Conv2dNormActivation(hidden, hidden, 3, stride, hidden));
            layers.add(new Conv2d(hidden, oup, 1, 1, 0).bias(false));
            layers.add(new BatchNorm2d(oup));
            conv = layers;
        }

        @Override public Tensor forward(Tensor x) {
            Tensor fused = useResConnect && dev.nnsh.nn.ConvFusion.active(x) ? fusedResidual(x) : null; // issue 11
            if (fused != null) return fused;
            return useResConnect ? dev.nnsh.tensor.InPlace.add(conv.apply(x), x) : conv.apply(x);
        }

        /**
         * issue 11: the projection and its batch norm as one convolution with the residual sum as a
         * post-op (the layers before it as the Sequential would run them), freeing the intermediates.
         */
        private Tensor fusedResidual(Tensor x) {
            java.util.List<Module> layers = conv.children();
            int n = layers.size();
            Module project = layers.get(n - 2), norm = layers.get(n - 1);
            if (!dev.nnsh.nn.ConvFusion.fusable(project, norm, null)) return null;
            var release = dev.nnsh.nn.IntermediateRelease.start(this, x);
            Tensor h = x;
            for (int i = 0; i < n - 2; i++) h = release.after(layers.get(i), h, layers.get(i).apply(h));
            Tensor y = dev.nnsh.nn.ConvFusion.run(project, norm, null, h, x);
            if (y == null) return dev.nnsh.tensor.InPlace.add(norm.apply(project.apply(h)), x);
            return release.after(project, h, y);
        }
    }
}
