package dev.nnsh.testnets;

import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Flatten;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** golden/lenet5.out's network: a features Sequential and a classifier Sequential. */
public class LeNet5 extends Module {
    Sequential features = new Sequential(
            new Conv2d(1, 6, 5), new ReLU(), new MaxPool2d(2),
            new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2));
    Sequential classifier = new Sequential(
            new Flatten(), new Linear(400, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, 10));

    @Override public Tensor forward(Tensor x) {
        return classifier.apply(features.apply(x));
    }
}
