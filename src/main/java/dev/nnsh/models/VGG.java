package dev.nnsh.models;

import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** VGG-11/13/16/19, with or without batch normalisation, as torchvision builds them. */
public class VGG extends Module {
    /** Pooling marker in a configuration. */
    static final int M = -1;
    static final int[] A = {64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M};
    static final int[] B = {64, 64, M, 128, 128, M, 256, 256, M, 512, 512, M, 512, 512, M};
    static final int[] D = {64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M};
    static final int[] E = {64, 64, M, 128, 128, M, 256, 256, 256, 256, M, 512, 512, 512, 512, M,
            512, 512, 512, 512, M};

    final Sequential features;
    final AdaptiveAvgPool2d avgpool;
    final Sequential classifier;

    public VGG(Sequential features, int numClasses) { this(features, numClasses, 0.5); }

    public VGG(Sequential features, int numClasses, double dropout) {
        this.features = features;
        avgpool = new AdaptiveAvgPool2d(7, 7);
        classifier = new Sequential(
                new Linear(512 * 7 * 7, 4096), new ReLU(true), new Dropout(dropout),
                new Linear(4096, 4096), new ReLU(true), new Dropout(dropout),
                new Linear(4096, numClasses));
    }

    /** The convolutional part: 3×3 convolutions (padding 1), optional BatchNorm, ReLU; 2×2 max pools. */
    static Sequential makeLayers(int[] cfg, boolean batchNorm) {
        Sequential layers = new Sequential();
        int in = 3;
        for (int v : cfg) {
            if (v == M) {
                layers.add(new MaxPool2d(2, 2));
            } else {
                layers.add(new Conv2d(in, v, 3, 1, 1));
                if (batchNorm) layers.add(new BatchNorm2d(v));
                layers.add(new ReLU(true));
                in = v;
            }
        }
        return layers;
    }

    static VGG of(int[] cfg, boolean batchNorm, int numClasses) {
        return new VGG(makeLayers(cfg, batchNorm), numClasses);
    }

    @Override public Tensor forward(Tensor x) {
        x = dev.nnsh.nn.ChannelsLastPool.apply(avgpool, features.apply(x)); // issue 11 (conv): oneDNN on channels-last, else the call
        return classifier.apply(x.flatten(1));
    }
}
