package dev.nnsh.nn;

import java.util.List;

import dev.nnsh.tensor.Tensor;

/**
 * A Sequential's children run in order, with each Conv2d → BatchNorm2d → ReLU/ReLU6 run (or
 * Conv2d → BatchNorm2d, or Conv2d → ReLU/ReLU6) as one fused convolution ({@link ConvFusion});
 * a BatchNorm2d (→ ReLU/ReLU6) on a channels-last input as one pass ({@link ConvFusion#runNorm});
 * a MaxPool2d or AdaptiveAvgPool2d on a channels-last input on oneDNN ({@link ChannelsLastPool}); every other child is
 * called as usual. Used only while {@link ConvFusion#active} holds.
 */
final class SequentialFusion {
    private SequentialFusion() {}

    /** {@code release} frees each intermediate once the next step has consumed it (a fused run counts as one step). */
    static Tensor forward(List<Module> children, Tensor x, IntermediateRelease release) {
        int n = children.size();
        for (int i = 0; i < n; ) {
            Module m = children.get(i);
            if (m.getClass() == Conv2d.class && i + 1 < n) {
                Module next = children.get(i + 1);
                Module bn = next.getClass() == BatchNorm2d.class ? next : null;
                int after = bn == null ? i + 1 : i + 2;
                Module act = after < n && isActivation(children.get(after)) ? children.get(after) : null;
                if (bn != null || act != null || channelsLastNext(next)) { // issue 11 (tf): + a lone conv before a channels-last consumer
                    Tensor y = ConvFusion.run(m, bn, act, x, null);
                    if (y != null) {
                        x = release.after(m, x, y);
                        i = act == null ? after : after + 1;
                        continue;
                    }
                }
            }
            if (m.getClass() == MaxPool2d.class || m.getClass() == AdaptiveAvgPool2d.class || m.getClass() == AvgPool2d.class) { // issue 11 (dense): AvgPool2d
                Tensor y = ChannelsLastPool.run(m, x);
                if (y != null) {
                    x = release.after(m, x, y);
                    i++;
                    continue;
                }
            }
            if (m.getClass() == BatchNorm2d.class) {
                Module act = i + 1 < n && isActivation(children.get(i + 1)) ? children.get(i + 1) : null;
                Tensor y = ConvFusion.runNorm(m, act, x);
                if (y != null) {
                    x = release.after(m, x, y);
                    i += act == null ? 1 : 2;
                    continue;
                }
            }
            if (LinearFusion.pairAt(children, i)) { x = release.after(m, x, LinearFusion.apply(m, children.get(i + 1), x)); i += 2; continue; } // issue 11 (linear)
            x = release.after(m, x, m.apply(x));
            i++;
        }
        return x;
    }

    /** issue 11 (tf): next reads channels-last input best (Swin's patch embedding: Conv2d → Permute(0, 2, 3, 1)); -Dnnsh.tf.patchembed=off. */
    private static boolean channelsLastNext(Module next) {
        return next instanceof ChannelsLastConsumer c && c.prefersChannelsLast() && !"off".equals(System.getProperty("nnsh.tf.patchembed"));
    }

    private static boolean isActivation(Module m) { return FusableActivation.of(m) != null; } // issue 11 (free): + Hardswish, SiLU
}
