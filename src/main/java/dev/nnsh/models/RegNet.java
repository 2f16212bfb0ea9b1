package dev.nnsh.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import dev.nnsh.models.vision.Conv2dNormActivation;
import dev.nnsh.models.vision.SqueezeExcitation;
import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** RegNetX and RegNetY (squeeze-excitation) as torchvision builds them from (depth, w_0, w_a, w_m, group width). */
public class RegNet extends Module {
    private static final LongFunction<Module> BN = Conv2dNormActivation.BATCH_NORM;
    private static final Supplier<Module> RELU = Conv2dNormActivation.RELU;

    /** Per stage: output width, depth, group width; all stages have stride 2 and bottleneck multiplier 1. */
    record Stages(int[] widths, int[] depths, int[] groupWidths, double seRatio) {
        /**
         * torchvision's BlockParams.from_init_params: quantised linear widths, computed in float32 as
         * torchvision does with tensors, split into stages of equal width.
         */
        static Stages of(int depth, int w0, double wA, double wM, int groupWidth, double seRatio) {
            int[] blockWidths = new int[depth];
            float logWm = (float) Math.log(wM);
            for (int i = 0; i < depth; i++) {
                float cont = (float) i * (float) wA + w0;
                float capacity = (float) Math.rint((float) Math.log(cont / w0) / logWm);
                float width = w0 * (float) Math.pow(wM, capacity);
                blockWidths[i] = (int) ((float) Math.rint(width / 8f) * 8f);
            }
            List<Integer> widths = new ArrayList<>(), depths = new ArrayList<>();
            for (int i = 0; i < depth; i++) {
                if (i == 0 || blockWidths[i] != blockWidths[i - 1]) {
                    widths.add(blockWidths[i]);
                    depths.add(0);
                }
                depths.set(depths.size() - 1, depths.get(depths.size() - 1) + 1);
            }
            int n = widths.size();
            int[] w = new int[n], d = new int[n], g = new int[n];
            for (int i = 0; i < n; i++) {
                int wBot = widths.get(i);
                g[i] = Math.min(groupWidth, wBot);
                w[i] = Channels.makeDivisible(wBot, g[i]);
                d[i] = depths.get(i);
            }
            return new Stages(w, d, g, seRatio);
        }
    }

    final SimpleStemIN stem;
    final Sequential trunk_output;
    final AdaptiveAvgPool2d avgpool;
    final Linear fc;

    public RegNet(Stages stages, int numClasses) {
        int stemWidth = 32;
        stem = new SimpleStemIN(3, stemWidth);
        trunk_output = new Sequential();
        int current = stemWidth;
        for (int i = 0; i < stages.widths().length; i++) {
            trunk_output.register("block" + (i + 1), new AnyStage(current, stages.widths()[i], 2, stages.depths()[i],
                    stages.groupWidths()[i], stages.seRatio(), i + 1));
            current = stages.widths()[i];
        }
        avgpool = new AdaptiveAvgPool2d(1, 1);
        fc = new Linear(current, numClasses);
    }

    @Override public Tensor forward(Tensor x) {
        var release = dev.nnsh.nn.IntermediateRelease.start(this, x); // issue 11 (free): the stem's and the trunk's results once consumed
        Tensor s = release.after(stem, x, stem.apply(x));
        Tensor t = release.after(trunk_output, s, trunk_output.apply(s));
        x = release.after(avgpool, t, dev.nnsh.nn.ChannelsLastPool.apply(avgpool, t)); // issue 11 (mobile): oneDNN on channels-last, else the call
        return fc.apply(x.flatten(1));
    }

    /** The stem: a stride-2 3×3 Conv2dNormActivation. */
    public static class SimpleStemIN extends Conv2dNormActivation {
        SimpleStemIN(int in, int out) { super(in, out, 3, 2, 1, BN, RELU); }
    }

    /** The blocks of one stage, named block{stage}-{i}. */
    public static class AnyStage extends Sequential {
        AnyStage(int in, int out, int stride, int depth, int groupWidth, double seRatio, int stageIndex) {
            for (int i = 0; i < depth; i++) {
                register("block" + stageIndex + "-" + i,
                        new ResBottleneckBlock(i == 0 ? in : out, out, i == 0 ? stride : 1, groupWidth, seRatio));
            }
        }
    }

    /** 1×1, grouped 3×3 (carrying the stride), optional squeeze-excitation, 1×1: children a, b, se, c. */
    public static class BottleneckTransform extends Sequential {
        BottleneckTransform(int in, int out, int stride, int groupWidth, double seRatio) {
            int wB = out; // bottleneck multiplier 1
            register("a", new Conv2dNormActivation(in, wB, 1, 1, 1, BN, RELU));
            register("b", new Conv2dNormActivation(wB, wB, 3, stride, wB / groupWidth, BN, RELU));
            if (seRatio > 0) register("se", new SqueezeExcitation(wB, (long) Math.rint(seRatio * in), ReLU::new, dev.nnsh.nn.Sigmoid::new));
            register("c", new Conv2dNormActivation(wB, out, 1, 1, 1, BN, null));
        }
    }

    /** The residual block: projection shortcut when the shape changes, then ReLU of the sum. */
    public static class ResBottleneckBlock extends Module {
        final Conv2dNormActivation proj; // null: identity shortcut
        final BottleneckTransform f;
        final ReLU activation;

        ResBottleneckBlock(int in, int out, int stride, int groupWidth, double seRatio) {
            proj = in != out || stride != 1 ? new Conv2dNormActivation(in, out, 1, stride, 1, BN, null) : null;
            f = new BottleneckTransform(in, out, stride, groupWidth, seRatio);
            activation = new ReLU(true);
        }

        @Override public Tensor forward(Tensor x) {
            Tensor fused = fusedForward(x); // issue 11 (free)
            if (fused != null) return fused;
            Tensor sum = proj != null ? proj.apply(x).add(f.apply(x)) : x.add(f.apply(x));
            return activation.apply(sum);
        }

        /** issue 11 (free): the shortcut, then f with the sum and the ReLU as post-ops of its last convolution; null where not fused. */
        private Tensor fusedForward(Tensor x) {
            if (!dev.nnsh.nn.ConvFusion.active(x)) return null;
            java.util.List<Module> c = f.children().get(f.children().size() - 1).children();
            if (c.size() != 2 || !dev.nnsh.nn.ConvFusion.fusable(c.get(0), c.get(1), activation)
                    || proj != null && (proj.children().size() != 2 || !dev.nnsh.nn.ConvFusion.fusable(proj.get(0), proj.get(1), null))) {
                return null;
            }
            Tensor shortcut = proj != null ? proj.apply(x) : x;
            Tensor y = FusedResidual.run(this, f, x, shortcut, activation, t -> activation.apply(shortcut.add(t)));
            if (y != null && proj != null) FusedResidual.freeShortcut(this, proj, x, shortcut, c.get(0), y);
            return y;
        }
    }
}
