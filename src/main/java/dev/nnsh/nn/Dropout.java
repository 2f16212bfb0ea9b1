package dev.nnsh.nn;

import dev.nnsh.tensor.Tensor;

/**
 * {@code nn.Dropout(p=0.5, inplace=False)}: identity in eval mode; in training, zeroes each element
 * with probability p and scales the rest by 1/(1−p). The result is always a new tensor.
 */
public class Dropout extends DropoutNd<Dropout> {
    public Dropout() { this(0.5); }

    public Dropout(double p) { super(p); }

    public Dropout(double p, boolean inplace) {
        this(p);
        inplace(inplace);
    }

    @Override public Tensor forward(Tensor x) { return F.dropout(x, p(), isTraining()); }
}
