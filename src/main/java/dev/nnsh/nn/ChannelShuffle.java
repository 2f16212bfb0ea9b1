package dev.nnsh.nn;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** Regroups channels: [N, g, C/g, *] transposed to [N, C/g, g, *], {@code nn.ChannelShuffle(groups)}. */
public class ChannelShuffle extends Module {
    private final int groups;

    public ChannelShuffle(int groups) { this.groups = Args.positive("ChannelShuffle", "groups", groups); }

    @Override public Tensor forward(Tensor x) {
        if (x.dim() < 3 || x.size(1) % groups != 0) {
            throw new ShapeException("ChannelShuffle: expected [N, C, *] with C divisible by groups " + groups + ", got "
                    + Shapes.format(x.shape()));
        }
        long[] in = x.shape();
        long[] split = new long[in.length + 1];
        split[0] = in[0];
        split[1] = groups;
        split[2] = in[1] / groups;
        System.arraycopy(in, 2, split, 3, in.length - 2);
        return x.reshape(split).transpose(1, 2).reshape(in);
    }

    @Override public String extraRepr() { return "groups=" + groups; }
}
