package dev.nnsh.models;

import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** SqueezeNet 1.0 and 1.1 as torchvision builds them; the classifier ends in a 1×1 convolution. */
public class SqueezeNet extends Module {
    final Sequential features;
    final Sequential classifier;

    /** version "1_0" or "1_1". */
    public SqueezeNet(String version, int numClasses) { this(version, numClasses, 0.5); }

    public SqueezeNet(String version, int numClasses, double dropout) {
        switch (version) {
            case "1_0" -> features = new Sequential(
                    new Conv2d(3, 96, 7, 2), new ReLU(true), pool(),
                    new Fire(96, 16, 64, 64), new Fire(128, 16, 64, 64), new Fire(128, 32, 128, 128), pool(),
                    new Fire(256, 32, 128, 128), new Fire(256, 48, 192, 192), new Fire(384, 48, 192, 192),
                    new Fire(384, 64, 256, 256), pool(),
                    new Fire(512, 64, 256, 256));
            case "1_1" -> features = new Sequential(
                    new Conv2d(3, 64, 3, 2), new ReLU(true), pool(),
                    new Fire(64, 16, 64, 64), new Fire(128, 16, 64, 64), pool(),
                    new Fire(128, 32, 128, 128), new Fire(256, 32, 128, 128), pool(),
                    new Fire(256, 48, 192, 192), new Fire(384, 48, 192, 192),
                    new Fire(384, 64, 256, 256), new Fire(512, 64, 256, 256));
            default -> throw new IllegalArgumentException("Unsupported SqueezeNet version " + version + ": 1_0 or 1_1 expected");
        }
        classifier = new Sequential(new Dropout(dropout), new Conv2d(512, numClasses, 1), new ReLU(true),
                new AdaptiveAvgPool2d(1, 1));
    }

    private static MaxPool2d pool() { return new MaxPool2d(3, 2).ceilMode(true); }

    @Override public Tensor forward(Tensor x) {
        var release = dev.nnsh.nn.IntermediateRelease.start(this, x); // issue 11 (free): the features' result, once the classifier has run
        Tensor f = release.after(features, x, features.apply(x));
        return release.after(classifier, f, classifier.apply(f)).flatten(1);
    }

    /** Squeeze (1×1) then two parallel expands (1×1 and 3×3) concatenated along channels. */
    public static class Fire extends Module {
        final Conv2d squeeze;
        final ReLU squeeze_activation;
        final Conv2d expand1x1;
        final ReLU expand1x1_activation;
        final Conv2d expand3x3;
        final ReLU expand3x3_activation;

        public Fire(int inplanes, int squeezePlanes, int expand1x1Planes, int expand3x3Planes) {
            squeeze = new Conv2d(inplanes, squeezePlanes, 1);
            squeeze_activation = new ReLU(true);
            expand1x1 = new Conv2d(squeezePlanes, expand1x1Planes, 1);
            expand1x1_activation = new ReLU(true);
            expand3x3 = new Conv2d(squeezePlanes, expand3x3Planes, 3, 1, 1);
            expand3x3_activation = new ReLU(true);
        }

        @Override public Tensor forward(Tensor x) {
            Tensor fused = dev.nnsh.nn.ConvFusion.active(x) ? fusedForward(x) : null; // issue 11 (conv)
            if (fused != null) return fused; // issue 11 (conv)
            x = squeeze_activation.apply(squeeze.apply(x));
            Tensor a = expand1x1_activation.apply(expand1x1.apply(x));
            Tensor b = expand3x3_activation.apply(expand3x3.apply(x));
            return Tensor.cat(1, a, b);
        }

        /** issue 11 (conv): each convolution with its ReLU as one, the two expands written into one channels-last buffer. */
        private Tensor fusedForward(Tensor x) {
            if (!dev.nnsh.nn.ConvFusion.fusable(squeeze, null, squeeze_activation)
                    || !dev.nnsh.nn.ConvFusion.fusable(expand1x1, null, expand1x1_activation)
                    || !dev.nnsh.nn.ConvFusion.fusable(expand3x3, null, expand3x3_activation)) {
                return null;
            }
            Tensor s = dev.nnsh.nn.ConvFusion.run(squeeze, null, squeeze_activation, x, null);
            if (s == null) return null;
            var release = dev.nnsh.nn.IntermediateRelease.start(this, x); // issue 11 (free): the squeeze result, once both expands have read it
            release.after(squeeze, x, s);
            long a = expand1x1.outChannels(), b = expand3x3.outChannels();
            dev.nnsh.nn.ChannelConcat out = new dev.nnsh.nn.ChannelConcat(s, a + b); // both expands keep the spatial size
            if (!dev.nnsh.nn.ConvFusion.runInto(expand1x1, expand1x1_activation, s, out.slice(0, a))) {
                out.copy(expand1x1_activation.apply(expand1x1.apply(s)), 0);
            }
            if (!dev.nnsh.nn.ConvFusion.runInto(expand3x3, expand3x3_activation, s, out.slice(a, a + b))) {
                out.copy(expand3x3_activation.apply(expand3x3.apply(s)), a);
            }
            return release.after(expand3x3, s, out.result());
        }
    }
}
