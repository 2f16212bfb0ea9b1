package dev.nnsh.testnets;

import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/** golden/recursive.out's network: one convolution applied three times. */
public class RecursiveNet extends Module {
    Conv2d conv1 = new Conv2d(64, 64, 3, 1, 1);

    @Override public Tensor forward(Tensor x) {
        return conv1.apply(conv1.apply(conv1.apply(x)));
    }
}
