package dev.nnsh.models;

import java.util.ArrayList;
import java.util.List;

import dev.nnsh.models.vision.MLP;
import dev.nnsh.models.vision.Permute;
import dev.nnsh.models.vision.StochasticDepth;
import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.F;
import dev.nnsh.nn.Flatten;
import dev.nnsh.nn.GELU;
import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ResidualFusion;
import dev.nnsh.nn.Sequential;
import dev.nnsh.nn.WindowAttentionFastPath;
import dev.nnsh.tensor.Tensor;

/**
 * Swin Transformer (V1: swin_t/s/b; V2: swin_v2_t/s/b) as torchvision builds it: channels-last
 * [N, H, W, C] features, shifted-window attention with a relative position bias, patch merging.
 */
public class SwinTransformer extends Module {
    final Sequential features;
    final LayerNorm norm;
    final Permute permute;
    final AdaptiveAvgPool2d avgpool;
    final Flatten flatten;
    final Linear head;

    public SwinTransformer(int patchSize, int embedDim, int[] depths, int[] numHeads, int windowSize, double stochasticDepthProb,
                           int numClasses, boolean v2) {
        features = new Sequential(new Sequential(new Conv2d(3, embedDim, patchSize, patchSize), new Permute(0, 2, 3, 1),
                new LayerNorm(embedDim)));
        int total = 0;
        for (int d : depths) total += d;
        int blockId = 0;
        for (int s = 0; s < depths.length; s++) {
            int dim = embedDim << s;
            List<Module> stage = new ArrayList<>();
            for (int i = 0; i < depths[s]; i++) {
                double sd = stochasticDepthProb * (double) blockId / (total - 1);
                int shift = i % 2 == 0 ? 0 : windowSize / 2;
                stage.add(v2 ? new SwinTransformerBlockV2(dim, numHeads[s], windowSize, shift, sd)
                        : new SwinTransformerBlock(dim, numHeads[s], windowSize, shift, sd));
                blockId++;
            }
            features.add(new Sequential(stage.toArray(new Module[0])));
            if (s < depths.length - 1) features.add(v2 ? new PatchMergingV2(dim) : new PatchMerging(dim));
        }
        int numFeatures = embedDim << (depths.length - 1);
        norm = new LayerNorm(numFeatures);
        permute = new Permute(0, 3, 1, 2);
        avgpool = new AdaptiveAvgPool2d(1);
        flatten = new Flatten(1);
        head = new Linear(numFeatures, numClasses);
    }

    @Override public Tensor forward(Tensor x) {
        if (!isTraining()) { // issue 11 (tf): the features' and the norm's results freed once consumed (IntermediateRelease's proof)
            var release = IntermediateRelease.start(this, x);
            Tensor f = release.after(features, x, features.apply(x));
            Tensor n = release.after(norm, f, norm.apply(f));
            Tensor p = release.after(permute, n, permute.apply(n));
            Tensor pooled = release.after(avgpool, p, avgpool.apply(p));
            return head.apply(flatten.apply(pooled));
        }
        x = permute.apply(norm.apply(features.apply(x)));
        return head.apply(flatten.apply(avgpool.apply(x)));
    }

    /** [..., H, W, C] padded to even H, W, then the four interleaved half-resolution grids concatenated: [..., H/2, W/2, 4C]. */
    static Tensor patchMergingPad(Tensor x) {
        long h = x.size(-3), w = x.size(-2);
        if (h % 2 != 0 || w % 2 != 0) x = F.pad(x, 0, 0, 0, (int) (w % 2), 0, (int) (h % 2));
        long b = x.size(0), c = x.size(-1), h2 = x.size(1) / 2, w2 = x.size(2) / 2;
        Tensor grid = x.reshape(b, h2, 2, w2, 2, c);
        Tensor[] parts = new Tensor[4];
        int[][] offsets = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        for (int i = 0; i < 4; i++) {
            parts[i] = grid.narrow(2, offsets[i][0], 1).narrow(4, offsets[i][1], 1).reshape(b, h2, w2, c);
        }
        return Tensor.cat(-1, parts);
    }

    /** Norm of the merged 4C channels, then a bias-free Linear to 2C. */
    public static class PatchMerging extends Module {
        final Linear reduction;
        final LayerNorm norm;

        public PatchMerging(int dim) {
            reduction = new Linear(4L * dim, 2L * dim, false);
            norm = new LayerNorm(4L * dim);
        }

        @Override public Tensor forward(Tensor x) {
            Tensor merged = isTraining() ? null : WindowAttentionFastPath.mergePatches(x); // issue 11 (tf): one gather, intermediates freed
            if (merged == null) return reduction.apply(norm.apply(patchMergingPad(x)));
            var release = IntermediateRelease.start(this, x);
            release.afterTensorOp("patch merge", x, merged);
            Tensor normed = release.after(norm, merged, norm.apply(merged));
            return release.after(reduction, normed, reduction.apply(normed));
        }
    }

    /** V2: the Linear to 2C first, then the norm. */
    public static class PatchMergingV2 extends Module {
        final Linear reduction;
        final LayerNorm norm;

        public PatchMergingV2(int dim) {
            reduction = new Linear(4L * dim, 2L * dim, false);
            norm = new LayerNorm(2L * dim);
        }

        @Override public Tensor forward(Tensor x) {
            Tensor merged = isTraining() ? null : WindowAttentionFastPath.mergePatches(x); // issue 11 (tf): one gather, intermediates freed
            if (merged == null) return norm.apply(reduction.apply(patchMergingPad(x)));
            var release = IntermediateRelease.start(this, x);
            release.afterTensorOp("patch merge", x, merged);
            Tensor reduced = release.after(reduction, merged, reduction.apply(merged));
            return release.after(norm, reduced, norm.apply(reduced));
        }
    }

    /** Pre-norm block: x + sd(attn(norm1(x))), then x + sd(mlp(norm2(x))). */
    public static class SwinTransformerBlock extends Module {
        final LayerNorm norm1;
        final ShiftedWindowAttention attn;
        final StochasticDepth stochastic_depth;
        final LayerNorm norm2;
        final MLP mlp;

        public SwinTransformerBlock(int dim, int numHeads, int windowSize, int shift, double stochasticDepthProb) {
            this(dim, new ShiftedWindowAttention(dim, windowSize, shift, numHeads), stochasticDepthProb);
        }

        SwinTransformerBlock(int dim, ShiftedWindowAttention attention, double stochasticDepthProb) {
            norm1 = new LayerNorm(dim);
            attn = attention;
            stochastic_depth = new StochasticDepth(stochasticDepthProb, "row");
            norm2 = new LayerNorm(dim);
            mlp = new MLP(dim, new long[]{4L * dim, dim}, null, GELU::new, null, true, 0.0);
        }

        @Override public Tensor forward(Tensor x) {
            if (!stochastic_depth.isTraining()) return evalForward(x);
            x = x.add(stochastic_depth.apply(attn.apply(norm1.apply(x))));
            return x.add(stochastic_depth.apply(mlp.apply(norm2.apply(x))));
        }

        /** issue 11 (tf): the residual added by the MLP's last matmul; each intermediate freed once consumed (IntermediateRelease's proof). */
        private Tensor evalForward(Tensor x) {
            var release = IntermediateRelease.start(this, x);
            Tensor y = attn.getClass() == ShiftedWindowAttention.class ? attn.evalPlus(norm1, x) : null; // issue 11 (tf): residual added in window order
            if (y != null) {
                release.afterTensorOp("window attention", x, y);
            } else {
                Tensor normed1 = release.after(norm1, x, norm1.apply(x));
                Tensor attended = release.after(attn, normed1, attn.apply(normed1));
                Tensor branch = release.after(stochastic_depth, attended, stochastic_depth.apply(attended));
                Tensor pooled = ResidualFusion.pooledSum(branch, x);
                y = release.afterTensorOp("residual add", branch, pooled != null ? pooled : x.add(branch));
            }
            var second = IntermediateRelease.start(this, y);
            Tensor normed = second.after(norm2, y, norm2.apply(y)), fused = ResidualFusion.mlpPlus(mlp, normed, y);
            if (fused == null) return y.add(stochastic_depth.apply(mlp.apply(normed)));
            second.after(mlp, normed, fused);
            if (IntermediateRelease.isTrusted(norm2)) release.after(mlp, y, fused);
            return fused;
        }
    }

    /** V2 (res-post-norm): x + sd(norm1(attn(x))), then x + sd(norm2(mlp(x))). */
    public static class SwinTransformerBlockV2 extends SwinTransformerBlock {
        public SwinTransformerBlockV2(int dim, int numHeads, int windowSize, int shift, double stochasticDepthProb) {
            super(dim, new ShiftedWindowAttentionV2(dim, windowSize, shift, numHeads), stochasticDepthProb);
        }

        @Override public Tensor forward(Tensor x) {
            x = x.add(stochastic_depth.apply(norm1.apply(attn.apply(x))));
            return x.add(stochastic_depth.apply(norm2.apply(mlp.apply(x))));
        }
    }
}
