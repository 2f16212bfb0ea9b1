package dev.nnsh.models.vision;

import java.util.Arrays;

import dev.nnsh.nn.F;
import dev.nnsh.nn.Module;
import dev.nnsh.tensor.Tensor;

/**
 * torchvision's {@code StochasticDepth(p, mode)}: in training, zeroes the whole input ("batch") or
 * each sample of the batch ("row") with probability p and scales survivors by 1/(1−p); identity in
 * eval mode or when p is 0.
 */
public class StochasticDepth extends Module {
    private final double p;
    private final String mode;

    public StochasticDepth(double p, String mode) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("StochasticDepth: drop probability has to be between 0 and 1, but got " + p);
        if (!"row".equals(mode) && !"batch".equals(mode)) {
            throw new IllegalArgumentException("StochasticDepth: mode has to be either 'batch' or 'row', but got " + mode);
        }
        this.p = p;
        this.mode = mode;
    }

    public double p() { return p; }

    public String mode() { return mode; }

    @Override public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0 || x.isShapeOnly()) return x;
        long[] size = new long[x.dim()];
        Arrays.fill(size, 1);
        if (mode.equals("row")) size[0] = x.size(0);
        // dropout of ones is exactly the Bernoulli(1 − p)/(1 − p) noise torchvision draws
        Tensor noise = F.dropout(Tensor.ones(size), p, true);
        return x.mul(noise);
    }

    @Override public String toString() { return "StochasticDepth(p=" + dev.nnsh.tensor.PyFormat.floatRepr(p) + ", mode=" + mode + ")"; }
}
