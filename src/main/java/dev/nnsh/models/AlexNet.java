package dev.nnsh.models;

import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** AlexNet as torchvision builds it (the one-GPU variant of "One weird trick"). */
public class AlexNet extends Module {
    final Sequential features;
    final AdaptiveAvgPool2d avgpool;
    final Sequential classifier;

    public AlexNet() { this(1000); }

    public AlexNet(int numClasses) { this(numClasses, 0.5); }

    public AlexNet(int numClasses, double dropout) {
        features = new Sequential(
                new Conv2d(3, 64, 11, 4, 2), new ReLU(true), new MaxPool2d(3, 2),
                new Conv2d(64, 192, 5, 1, 2), new ReLU(true), new MaxPool2d(3, 2),
                new Conv2d(192, 384, 3, 1, 1), new ReLU(true),
                new Conv2d(384, 256, 3, 1, 1), new ReLU(true),
                new Conv2d(256, 256, 3, 1, 1), new ReLU(true), new MaxPool2d(3, 2));
        avgpool = new AdaptiveAvgPool2d(6, 6);
        classifier = new Sequential(
                new Dropout(dropout), new Linear(256 * 6 * 6, 4096), new ReLU(true),
                new Dropout(dropout), new Linear(4096, 4096), new ReLU(true),
                new Linear(4096, numClasses));
    }

    @Override public Tensor forward(Tensor x) {
        x = dev.nnsh.nn.ChannelsLastPool.apply(avgpool, features.apply(x)); // issue 11 (conv): oneDNN on channels-last, else the call
        return classifier.apply(x.flatten(1));
    }
}
