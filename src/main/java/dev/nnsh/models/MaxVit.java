package dev.nnsh.models;

import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import dev.nnsh.models.vision.Conv2dNormActivation;
import dev.nnsh.models.vision.SqueezeExcitation;
import dev.nnsh.models.vision.StochasticDepth;
import dev.nnsh.nn.AdaptiveAvgPool2d;
import dev.nnsh.nn.AttentionHeads;
import dev.nnsh.nn.AvgPool2d;
import dev.nnsh.nn.BatchNorm2d;
import dev.nnsh.nn.Buffer;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.F;
import dev.nnsh.nn.Flatten;
import dev.nnsh.nn.GELU;
import dev.nnsh.nn.Identity;
import dev.nnsh.nn.Init;
import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.PartitionFastPath;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ResidualFusion;
import dev.nnsh.nn.ModuleList;
import dev.nnsh.nn.Sequential;
import dev.nnsh.nn.SiLU;
import dev.nnsh.nn.Sigmoid;
import dev.nnsh.nn.Tanh;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * MaxViT as torchvision builds it: a convolutional stem, then blocks of MaxViT layers (MBConv, window
 * attention, grid attention, each attention with a relative position bias), and a classifier head.
 */
public class MaxVit extends Module {
    static final LongFunction<Module> NORM = c -> new BatchNorm2d(c, 1e-3, 0.99);
    static final Supplier<Module> GELU_ACT = GELU::new;

    final Sequential stem;
    final ModuleList blocks;
    final Sequential classifier;

    public MaxVit(int inputSize, int stemChannels, int partitionSize, int[] blockChannels, int[] blockLayers, int headDim,
                  double stochasticDepthProb, int numClasses) {
        int size = convOut(inputSize);
        for (int i = 0, s = size; i < blockChannels.length; i++) {
            s = convOut(s);
            if (s % partitionSize != 0) {
                throw new IllegalArgumentException("MaxVit: input size " + s + " of block " + i + " is not divisible by partition size "
                        + partitionSize + "; change the partition size or the input size");
            }
        }
        stem = new Sequential(new Conv2dNormActivation(3, stemChannels, 3, 2, 1, NORM, GELU_ACT),
                new Conv2dNormActivation(stemChannels, stemChannels, 3, 1, 1, null, null));
        int total = 0;
        for (int n : blockLayers) total += n;
        blocks = new ModuleList();
        int in = stemChannels, index = 0;
        for (int b = 0; b < blockChannels.length; b++) {
            double[] p = new double[blockLayers[b]];
            for (int i = 0; i < p.length; i++, index++) {
                p[i] = index == total - 1 ? stochasticDepthProb : index * (stochasticDepthProb / (total - 1)); // numpy linspace
            }
            MaxVitBlock block = new MaxVitBlock(in, blockChannels[b], headDim, partitionSize, size, p);
            blocks.add(block);
            size = block.gridSize;
            in = blockChannels[b];
        }
        int last = blockChannels[blockChannels.length - 1];
        classifier = new Sequential(new AdaptiveAvgPool2d(1), new Flatten(), new LayerNorm(last), new Linear(last, last), new Tanh(),
                new Linear(last, numClasses, false));
    }

    static int convOut(int size) { return (size - 3 + 2) / 2 + 1; }

    @Override public Tensor forward(Tensor x) {
        if (!isTraining()) { // issue 11 (tf): each block's result freed once the next has consumed it (IntermediateRelease's proof)
            var release = IntermediateRelease.start(this, x);
            Tensor y = release.after(stem, x, stem.apply(x));
            for (Module block : blocks) y = release.after(block, y, block.apply(y));
            return release.after(classifier, y, classifier.apply(y));
        }
        x = stem.apply(x);
        for (Module block : blocks) x = block.apply(x);
        return classifier.apply(x);
    }

    /** MaxViT layers, the first halving the resolution. */
    public static class MaxVitBlock extends Module {
        final ModuleList layers;
        final int gridSize;

        MaxVitBlock(int in, int out, int headDim, int partitionSize, int inputGridSize, double[] pStochastic) {
            gridSize = convOut(inputGridSize);
            layers = new ModuleList();
            for (int i = 0; i < pStochastic.length; i++) {
                layers.add(new MaxVitLayer(i == 0 ? in : out, out, i == 0 ? 2 : 1, headDim, partitionSize, gridSize, pStochastic[i]));
            }
        }

        @Override public Tensor forward(Tensor x) {
            var release = isTraining() ? null : IntermediateRelease.start(this, x); // issue 11 (tf): layer results freed once consumed
            for (Module layer : layers) x = release == null ? layer.apply(x) : release.after(layer, x, layer.apply(x));
            return x;
        }
    }

    /** MBconv, window_attention and grid_attention in a Sequential. */
    public static class MaxVitLayer extends Module {
        final Sequential layers;

        MaxVitLayer(int in, int out, int stride, int headDim, int partitionSize, int gridSize, double p) {
            layers = new Sequential();
            layers.register("MBconv", new MBConv(in, out, 4, 0.25, stride, p));
            layers.register("window_attention", new PartitionAttentionLayer(out, headDim, partitionSize, false, gridSize, 4, p));
            layers.register("grid_attention", new PartitionAttentionLayer(out, headDim, partitionSize, true, gridSize, 4, p));
        }

        @Override public Tensor forward(Tensor x) { return layers.apply(x); }
    }

    /** Pre-norm inverted bottleneck with squeeze-excitation; a pooled 1×1 projection as the shortcut when the shape changes. */
    public static class MBConv extends Module {
        final Module proj;
        final Module stochastic_depth;
        final Sequential layers;

        MBConv(int in, int out, double expansionRatio, double squeezeRatio, int stride, double p) {
            if (stride != 1 || in != out) {
                Conv2d conv = new Conv2d(in, out, 1, 1);
                proj = stride == 2 ? new Sequential(new AvgPool2d(3, 2, 1), conv) : new Sequential(conv);
            } else {
                proj = new Identity();
            }
            stochastic_depth = p != 0 ? new StochasticDepth(p, "row") : new Identity();
            int mid = (int) (out * expansionRatio), sqz = (int) (out * squeezeRatio);
            layers = new Sequential();
            layers.register("pre_norm", NORM.apply(in));
            layers.register("conv_a", new Conv2dNormActivation(in, mid, 1, 1, 1, NORM, GELU_ACT).withPadding(0));
            layers.register("conv_b", new Conv2dNormActivation(mid, mid, 3, stride, mid, NORM, GELU_ACT));
            layers.register("squeeze_excitation", new SqueezeExcitation(mid, sqz, SiLU::new, Sigmoid::new));
            layers.register("conv_c", new Conv2d(mid, out, 1));
        }

        @Override public Tensor forward(Tensor x) {
            Tensor res = stochastic_depth.isTraining() ? proj.apply(x) : MaxVitChannelsLast.shortcut(proj, x); // issue 11 (tf)
            if (stochastic_depth.isTraining()) return res.add(stochastic_depth.apply(layers.apply(x)));
            if (!"off".equals(System.getProperty("nnsh.tf.mbconv"))) { // issue 11 (tf): conv_c with the shortcut's sum as its post-op (-Dnnsh.tf.mbconv=off)
                Tensor fused = FusedResidual.run(this, layers, x, res, null, t -> {
                    Tensor sum = PartitionFastPath.channelsLastSum(t, res);
                    return sum != null ? sum : res.add(t);
                });
                if (fused != null) return freeShortcut(x, res, fused);
            }
            // issue 11: the sum into a pooled buffer and the branch's result freed once added (IntermediateRelease's proof)
            var release = IntermediateRelease.start(this, x);
            Tensor branch = release.after(layers, x, layers.apply(x));
            Tensor dropped = release.after(stochastic_depth, branch, stochastic_depth.apply(branch));
            Tensor pooled = PartitionFastPath.channelsLastSum(dropped, res); // issue 11 (tf): the sum stays channels-last
            if (pooled == null) pooled = ResidualFusion.pooledSum(dropped, res);
            return freeShortcut(x, res, release.afterTensorOp("residual add", dropped, pooled != null ? pooled : res.add(dropped)));
        }

        /** issue 11 (tf): the projected shortcut (pool → 1×1 convolution) freed once summed, by IntermediateRelease's proof. */
        private Tensor freeShortcut(Tensor x, Tensor res, Tensor sum) {
            if (res == x) return sum;
            var release = IntermediateRelease.start(this, x);
            release.after(proj, x, res);
            return release.afterTensorOp("shortcut sum", res, sum);
        }
    }

    /** Multi-head self-attention over the last-but-one axis with a learned relative position bias. */
    public static class RelativePositionalMultiHeadAttention extends Module {
        final Linear to_qkv;
        final Linear merge;
        private final int heads;
        private final int headDim;
        private final int maxSeqLen;
        private final double scaleFactor;
        private final RelativeBiasCache biasCache = new RelativeBiasCache(); // issue 11 (tf)

        RelativePositionalMultiHeadAttention(int featDim, int headDim, int maxSeqLen) {
            if (featDim % headDim != 0) {
                throw new IllegalArgumentException("RelativePositionalMultiHeadAttention: feat_dim " + featDim
                        + " must be divisible by head_dim " + headDim);
            }
            this.heads = featDim / headDim;
            this.headDim = headDim;
            this.maxSeqLen = maxSeqLen;
            int size = (int) Math.sqrt(maxSeqLen);
            to_qkv = new Linear(featDim, 3L * heads * headDim);
            scaleFactor = Math.pow(featDim, -0.5);
            merge = new Linear((long) headDim * heads, featDim);
            addParameter("relative_position_bias_table", Init.normal(0, 0.02), (2L * size - 1) * (2L * size - 1), heads);
            addBuffer(new Buffer("relative_position_index", DType.INT64,
                    (dtype, shape) -> Tensor.of(ShiftedWindowAttention.relativePositionIndex(size), shape).to(DType.INT64),
                    maxSeqLen, maxSeqLen));
        }

        @Override public Tensor forward(Tensor x) {
            long b = x.size(0), g = x.size(1), p = x.size(2), d = x.size(3);
            if (!isTraining() && !x.isShapeOnly()) { // issue 11 (tf): the heads on oneDNN, no split/merge copies
                var release = IntermediateRelease.start(this, x); // issue 11: the projections' results freed once consumed
                Tensor packed = release.after(to_qkv, x, to_qkv.apply(x));
                Tensor merged = AttentionHeads.attend(packed, heads, headDim, scaleFactor, relativeBias(x));
                if (merged != null) return release.after(merge, release.afterTensorOp("attention", packed, merged), merge.apply(merged));
            }
            List<Tensor> qkv = to_qkv.apply(x).chunk(3, -1);
            Tensor q = qkv.get(0).reshape(b, g, p, heads, headDim).permute(0, 1, 3, 2, 4);
            Tensor k = qkv.get(1).reshape(b, g, p, heads, headDim).permute(0, 1, 3, 2, 4).mul(scaleFactor);
            Tensor v = qkv.get(2).reshape(b, g, p, heads, headDim).permute(0, 1, 3, 2, 4);
            Tensor table = ownParameters().get("relative_position_bias_table").valueFor(x);
            Tensor index = ownBuffers().get("relative_position_index").valueFor(x).reshape(-1);
            Tensor bias = F.embedding(index, table).reshape(maxSeqLen, maxSeqLen, heads).permute(2, 0, 1).unsqueeze(0);
            Tensor attn = q.matmul(k.transpose(-2, -1)).add(bias).softmax(-1);
            Tensor out = attn.matmul(v).permute(0, 1, 3, 2, 4).reshape(b, g, p, d);
            return merge.apply(out);
        }

        /** issue 11 (tf): residual + this(x) in eval with the sum added by the merge projection's matmul, or null where that does not apply. */
        Tensor evalPlus(Tensor x, Tensor residual) {
            if (isTraining() || x.isShapeOnly()) return null;
            Tensor packed = to_qkv.apply(x);
            Tensor merged = AttentionHeads.attend(packed, heads, headDim, scaleFactor, relativeBias(x));
            if (merged != null) NativeBuffers.release(packed, "MaxViT attention");
            Tensor out = merged == null ? null : PartitionFastPath.linearPlus(merge, merged, residual);
            if (merged != null) NativeBuffers.release(merged, "MaxViT attention");
            return out;
        }

        /** issue 11 (tf): the relative position bias [1, heads, L, L]. */
        private Tensor relativeBias(Tensor x) {
            Tensor table = ownParameters().get("relative_position_bias_table").valueFor(x);
            Tensor index = ownBuffers().get("relative_position_index").valueFor(x).reshape(-1);
            Tensor cached = RelativeBiasCache.enabled() ? biasCache.get(table, index, maxSeqLen, heads, null, null) : null;
            if (cached != null) return cached;
            return F.embedding(index, table).reshape(maxSeqLen, maxSeqLen, heads).permute(2, 0, 1).unsqueeze(0);
        }
    }

    /** [B, C, H, W] → [B, (H/P)(W/P), P·P, C] (PyTorch prints it as WindowPartition()). */
    public static class WindowPartition extends Module {
        private final int p;

        WindowPartition(int p) { this.p = p; }

        @Override public Tensor forward(Tensor x) {
            long b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
            return x.reshape(b, c, h / p, p, w / p, p).permute(0, 2, 4, 3, 5, 1).reshape(b, (h / p) * (w / p), (long) p * p, c);
        }
    }

    /** The inverse of WindowPartition for hp × wp partitions of P × P. */
    public static class WindowDepartition extends Module {
        private final int p;
        private final long hp;
        private final long wp;

        WindowDepartition(int p, long hp, long wp) {
            this.p = p;
            this.hp = hp;
            this.wp = wp;
        }

        @Override public Tensor forward(Tensor x) {
            long b = x.size(0), c = x.size(3);
            return x.reshape(b, hp, wp, p, p, c).permute(0, 5, 1, 3, 2, 4).reshape(b, c, hp * p, wp * p);
        }
    }

    /** torch.swapaxes(x, a, b) as a module (printed as SwapAxes()). */
    public static class SwapAxes extends Module {
        private final int a;
        private final int b;

        SwapAxes(int a, int b) {
            this.a = a;
            this.b = b;
        }

        @Override public Tensor forward(Tensor x) { return x.transpose(a, b); }
    }

    /** Window ("window") or dilated-grid ("grid") partitioning, attention and MLP on the partitions, departitioning. */
    public static class PartitionAttentionLayer extends Module {
        final WindowPartition partition_op;
        final WindowDepartition departition_op;
        final Module partition_swap;
        final Module departition_swap;
        final Sequential attn_layer;
        final Sequential mlp_layer;
        final StochasticDepth stochastic_dropout;

        PartitionAttentionLayer(int in, int headDim, int partitionSize, boolean grid, int gridSize, int mlpRatio, double p) {
            int partitions = gridSize / partitionSize;
            int size = grid ? partitions : partitionSize;
            long parts = gridSize / size;
            partition_op = new WindowPartition(size);
            departition_op = new WindowDepartition(size, parts, parts);
            partition_swap = grid ? new SwapAxes(-2, -3) : new Identity();
            departition_swap = grid ? new SwapAxes(-2, -3) : new Identity();
            attn_layer = new Sequential(new LayerNorm(in), new RelativePositionalMultiHeadAttention(in, headDim, partitionSize * partitionSize),
                    new Dropout(0.0));
            mlp_layer = new Sequential(new LayerNorm(in), new Linear(in, (long) in * mlpRatio), new GELU(),
                    new Linear((long) in * mlpRatio, in), new Dropout(0.0));
            stochastic_dropout = new StochasticDepth(p, "row");
        }

        @Override public Tensor forward(Tensor x) {
            if (!stochastic_dropout.isTraining()) return evalForward(x);
            x = partition_swap.apply(partition_op.apply(x));
            x = x.add(stochastic_dropout.apply(attn_layer.apply(x)));
            x = x.add(stochastic_dropout.apply(mlp_layer.apply(x)));
            return departition_op.apply(departition_swap.apply(x));
        }

        /** issue 11: the residual sums into pooled buffers; each intermediate freed once consumed (IntermediateRelease's proof). */
        private Tensor evalForward(Tensor x) {
            var release = IntermediateRelease.start(this, x);
            boolean grid = partition_swap instanceof SwapAxes; // issue 11 (tf): partition (+ swap) as one row copy
            Tensor swapped = PartitionFastPath.partition(x, partition_op.p, grid);
            if (swapped != null) {
                release.afterTensorOp("partition", x, swapped);
            } else {
                Tensor parts = release.after(partition_op, x, partition_op.apply(x));
                swapped = release.after(partition_swap, parts, partition_swap.apply(parts));
            }
            Tensor attended = plusBranch(swapped, attn_layer);
            if (IntermediateRelease.isTrusted(attn_layer)) release.afterTensorOp("residual add", swapped, attended);
            Tensor mixed = plusBranch(attended, mlp_layer);
            if (IntermediateRelease.isTrusted(mlp_layer)) release.afterTensorOp("residual add", attended, mixed);
            Tensor images = PartitionFastPath.departition(mixed, departition_op.p, departition_op.hp, departition_op.wp, grid); // issue 11 (tf)
            if (images != null) return release.afterTensorOp("departition", mixed, images);
            Tensor back = release.after(departition_swap, mixed, departition_swap.apply(mixed));
            return release.after(departition_op, back, departition_op.apply(back));
        }

        /**
         * issue 11 (tf): x + branch(x) with the sum added by the branch's last matmul (the attention's merge
         * projection, the MLP's second Linear), or null where that does not apply.
         */
        private Tensor fusedPlus(Tensor x, Sequential branch) {
            if (!IntermediateRelease.isTrusted(branch)) return null;
            if (branch == mlp_layer) return PartitionFastPath.preNormMlpPlus(branch, x);
            List<Module> c = branch.children();
            if (c.size() != 3 || c.get(0).getClass() != LayerNorm.class || !(c.get(1) instanceof RelativePositionalMultiHeadAttention attention)
                    || c.get(2).getClass() != Dropout.class || c.get(0).isTraining() || c.get(2).isTraining() || Module.everyCallObserved()) return null;
            Tensor normed = c.get(0).apply(x);
            Tensor out = attention.evalPlus(normed, x);
            if (normed != x) NativeBuffers.release(normed, "MaxViT attention");
            return out;
        }

        /** x + stochastic_dropout(branch(x)) into a pooled buffer, the branch's result freed once added. */
        private Tensor plusBranch(Tensor x, Sequential branch) {
            Tensor fused = stochastic_dropout.isTraining() ? null : fusedPlus(x, branch); // issue 11 (tf)
            if (fused != null) return fused;
            var release = IntermediateRelease.start(this, x);
            Tensor out = release.after(branch, x, branch.apply(x));
            Tensor dropped = release.after(stochastic_dropout, out, stochastic_dropout.apply(out));
            Tensor pooled = ResidualFusion.pooledSum(dropped, x);
            return release.afterTensorOp("residual add", dropped, pooled != null ? pooled : x.add(dropped));
        }
    }
}
