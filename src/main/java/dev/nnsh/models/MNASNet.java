package dev.nnsh.models;

import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** MNASNet (the B1 variant) with depth multiplier alpha, as torchvision builds it. */
public class MNASNet extends Module {
    private static final double BN_MOMENTUM = 1 - 0.9997;

    final Sequential layers;
    final Sequential classifier;

    public MNASNet(double alpha, int numClasses, double dropout) {
        if (!(alpha > 0)) throw new IllegalArgumentException("MNASNet: alpha should be greater than 0.0 instead of " + alpha);
        int[] d = {32, 16, 24, 40, 80, 96, 192, 320};
        for (int i = 0; i < d.length; i++) d[i] = roundToMultipleOf(d[i] * alpha, 8);
        layers = new Sequential(
                new Conv2d(3, d[0], 3, 2, 1).bias(false), bn(d[0]), new ReLU(true),
                new Conv2d(d[0], d[0], 3, 1, 1).groups(d[0]).bias(false), bn(d[0]), new ReLU(true),
                new Conv2d(d[0], d[1], 1, 1, 0).bias(false), bn(d[1]),
                stack(d[1], d[2], 3, 2, 3, 3), stack(d[2], d[3], 5, 2, 3, 3), stack(d[3], d[4], 5, 2, 6, 3),
                stack(d[4], d[5], 3, 1, 6, 2), stack(d[5], d[6], 5, 2, 6, 4), stack(d[6], d[7], 3, 1, 6, 1),
                new Conv2d(d[7], 1280, 1, 1, 0).bias(false), bn(1280), new ReLU(true));
        classifier = new Sequential(new Dropout(dropout, true), new Linear(1280, numClasses));
    }

    private static BatchNorm2d bn(long c) { return new BatchNorm2d(c, 1e-5, BN_MOMENTUM); }

    /** Rounds to a multiple of the divisor, up unless that lands more than 10% below. */
    static int roundToMultipleOf(double val, int divisor) {
        int newVal = Math.max(divisor, (int) (val + divisor / 2.0) / divisor * divisor);
        return newVal >= 0.9 * val ? newVal : newVal + divisor;
    }

    private static Sequential stack(int in, int out, int kernel, int stride, int expansion, int repeats) {
        Sequential s = new Sequential(new _InvertedResidual(in, out, kernel, stride, expansion));
        for (int i = 1; i < repeats; i++) s.add(new _InvertedResidual(out, out, kernel, 1, expansion));
        return s;
    }

    @Override public Tensor forward(Tensor x) {
        var release = dev.nnsh.nn.IntermediateRelease.start(this, x); // issue 11 (free): the layers' result once averaged
        Tensor blocked = BlockedFeatures.mnasnet(layers, x); // issue 11 (mobile): the whole stack in oneDNN's blocked layout
        Tensor f = release.after(layers, x, blocked != null ? blocked : layers.apply(x)); // blocked: freed once pooled, too
        return classifier.apply(release.afterTensorOp("mean", f, dev.nnsh.nn.ConvFusion.active(f) // issue 11 (mobile): one oneDNN average pool on channels-last
                ? dev.nnsh.nn.ChannelsLastPool.adaptiveAvgPool2d(f, 1).flatten(1) : f.flatten(2).mean(2)));
    }

    /** Expand 1×1, depthwise k×k, project 1×1, each with BatchNorm; residual when shapes allow. */
    public static class _InvertedResidual extends Module {
        final Sequential layers;
        private final boolean applyResidual;

        boolean residual() { return applyResidual; } // issue 11 (mobile)

        _InvertedResidual(int in, int out, int kernel, int stride, int expansion) {
            int mid = in * expansion;
            applyResidual = in == out && stride == 1;
            layers = new Sequential(
                    new Conv2d(in, mid, 1).bias(false), bn(mid), new ReLU(true),
                    new Conv2d(mid, mid, kernel, stride, kernel / 2).groups(mid).bias(false), bn(mid), new ReLU(true),
                    new Conv2d(mid, out, 1).bias(false), bn(out));
        }

        @Override public Tensor forward(Tensor x) {
            Tensor fused = applyResidual ? FusedResidual.run(this, layers, x, x, null, t -> t.add(x)) : null; // issue 11 (free)
            if (fused != null) return fused;
            return applyResidual ? layers.apply(x).add(x) : layers.apply(x);
        }
    }
}
