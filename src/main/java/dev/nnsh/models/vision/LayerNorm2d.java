package dev.nnsh.models.vision;

import dev.nnsh.nn.LayerNorm;
import dev.nnsh.tensor.Tensor;

/** torchvision's {@code LayerNorm2d}: LayerNorm over the channels of [N, C, H, W] input (moved last and back). */
public class LayerNorm2d extends LayerNorm {
    public LayerNorm2d(long channels) { super(channels); }

    public LayerNorm2d(long channels, double eps) {
        super(channels);
        eps(eps);
    }

    @Override public Tensor forward(Tensor x) {
        Tensor fast = dev.nnsh.nn.ChannelsLastBlocks.layerNorm2d(this, x); // issue 11 (tf): channels-last, no permute copies
        if (fast != null) return fast;
        return super.forward(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);
    }
}
