package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * {@code nn.Dropout2d(p=0.5, inplace=False)}: in training, zeroes whole channels of [N, C, H, W]
 * (or [N, C, L]) input with probability p and scales the rest by 1/(1−p); identity in eval mode.
 */
public class Dropout2d extends DropoutNd<Dropout2d> {
    public Dropout2d() { this(0.5); }

    public Dropout2d(double p) { super(p); }

    public Dropout2d(double p, boolean inplace) {
        this(p);
        inplace(inplace);
    }

    @Override public Tensor forward(Tensor x) { return F.dropout2d(x, p(), isTraining()); }
}
