package dev.nnsh.nn;

import dev.nnsh.ops.Args;
import dev.nnsh.ops.ChannelOps;
import dev.nnsh.tensor.Tensor;

/** Regroups channels: [N, g, C/g, *] transposed to [N, C/g, g, *], {@code nn.ChannelShuffle(groups)}. */
public class ChannelShuffle extends Module {
    private final int groups;

    public ChannelShuffle(int groups) { this.groups = Args.positive("ChannelShuffle", "groups", groups); }

    @Override public Tensor forward(Tensor x) { return ChannelOps.channelShuffle(typeName(), x, groups); }

    @Override public String extraRepr() { return "groups=" + groups; }
}
