package dev.nnsh.nn;

import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (mobile): a squeeze-excitation in an eval pass over a channels-last x (a fused convolution's result) in four
 * oneDNN calls instead of six: the average pool; the first 1×1 convolution with its activation as a post-op; the second
 * with its scale activation (Sigmoid, Hardsigmoid) as a post-op; the multiply ({@link ChannelScale}). Applies under
 * {@link ConvFusion#active} to modules of exactly the fusable classes; {@code -Dnnsh.fuse.se=off} turns it off.
 */
public final class SqueezeExciteFusion {
    private SqueezeExciteFusion() {}

    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.fuse.se"));

    /** For A/B measurements of this path alone. */
    public static void setEnabled(boolean on) { enabled = on; }

    /** x·scaleAct(fc2(act(fc1(pool(x))))), or null where this does not apply (the caller runs the modules then). */
    public static Tensor run(Module pool, Module fc1, Module act, Module fc2, Module scaleAct, Tensor x) {
        if (!enabled || !ConvFusion.active(x) || !DnnlConv.channelsLast(x.nd())) return null;
        if (!ConvFusion.fusable(fc1, null, act) || !ConvFusion.fusable(fc2, null, scaleAct) || act == null || scaleAct == null) return null;
        Tensor pooled = ChannelsLastPool.run(pool, x);
        if (pooled == null) return null;
        Tensor squeezed = ConvFusion.run(fc1, null, act, pooled, null);
        if (squeezed == null) return null;
        Tensor scale = ConvFusion.run(fc2, null, scaleAct, squeezed, null);
        if (scale == null) return null;
        return ChannelScale.mul(x, scale);
    }
}
