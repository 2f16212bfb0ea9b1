package dev.nnsh.models;

import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Flatten;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** LeNet-5 for 1×32×32 images: two conv/ReLU/pool stages, then three fully connected layers. */
public class LeNet5 extends Module {
    final Sequential features;
    final Sequential classifier;

    public LeNet5() { this(10); }

    public LeNet5(int numClasses) {
        features = new Sequential(
                new Conv2d(1, 6, 5), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2));
        classifier = new Sequential(
                new Flatten(), new Linear(16 * 5 * 5, 120), new ReLU(),
                new Linear(120, 84), new ReLU(), new Linear(84, numClasses));
    }

    @Override public Tensor forward(Tensor x) {
        return classifier.apply(features.apply(x));
    }
}
