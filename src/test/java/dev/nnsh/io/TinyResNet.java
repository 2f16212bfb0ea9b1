package dev.nnsh.io;

import dev.nnsh.models.ResNet;
import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.MaxPool2d;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** The TinyResNet of tools/make_weight_fixtures.py, built with nnsh's modules under the same names. */
public class TinyResNet extends Module {
    final Conv2d conv1 = new Conv2d(3, 8, 3, 1, 1).bias(false);
    final BatchNorm2d bn1 = new BatchNorm2d(8);
    final ReLU relu = new ReLU(true);
    final MaxPool2d maxpool = new MaxPool2d(3, 2, 1);
    final Sequential layer1 = new Sequential(new ResNet.BasicBlock(8, 8, 1, null));
    final Sequential layer2 = new Sequential(new ResNet.BasicBlock(8, 16, 2,
            new Sequential(new Conv2d(8, 16, 1, 2).bias(false), new BatchNorm2d(16))));
    final AdaptiveAvgPool2d avgpool = new AdaptiveAvgPool2d(1, 1);
    final Linear fc = new Linear(16, 10);

    @Override public Tensor forward(Tensor x) {
        x = maxpool.apply(relu.apply(bn1.apply(conv1.apply(x))));
        x = layer2.apply(layer1.apply(x));
        return fc.apply(avgpool.apply(x).flatten(1));
    }
}
