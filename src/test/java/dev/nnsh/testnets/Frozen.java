package dev.nnsh.testnets;

import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/** golden/frozen.out's network: a frozen Linear, then a trainable one; relu as a tensor op. */
public class Frozen extends Module {
    Linear fc1 = new Linear(128, 64);
    Linear fc2 = new Linear(64, 10);

    public Frozen() {
        fc1.requiresGrad(false);
    }

    @Override public Tensor forward(Tensor x) {
        return fc2.apply(fc1.apply(x).relu());
    }
}
