package dev.nnsh.ops;

import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** Channel order: {@code F.channel_shuffle}. */
public final class ChannelOps {
    private ChannelOps() {}

    /** Regroups the channels of x [N, C, *]: viewed as [N, g, C/g, *], transposed to [N, C/g, g, *]. */
    public static Tensor channelShuffle(String who, Tensor x, int groups) {
        Args.positive(who, "groups", groups);
        if (x.dim() < 3 || x.size(1) % groups != 0) {
            throw new ShapeException(who + ": expected [N, C, *] with C divisible by groups " + groups + ", got "
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
}
