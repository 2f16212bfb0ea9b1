package dev.nnsh.models;

import dev.nnsh.models.vision.MLP;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.GELU;
import dev.nnsh.nn.Init;
import dev.nnsh.nn.IntermediateRelease;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.MultiheadAttention;
import dev.nnsh.nn.Parameter;
import dev.nnsh.nn.ResidualFusion;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * Vision Transformer (ViT) as torchvision builds it: patches by a strided convolution, a learned class
 * token and position embedding, pre-norm encoder blocks, a linear head on the class token. Images must
 * be imageSize × imageSize (224 for the factories).
 */
public class VisionTransformer extends Module {
    final Parameter class_token;
    final Conv2d conv_proj;
    final Encoder encoder;
    final Sequential heads;
    private final int imageSize;
    private final int patchSize;
    private final long hiddenDim;

    public VisionTransformer(int imageSize, int patchSize, int numLayers, int numHeads, int hiddenDim, int mlpDim,
                             double dropout, double attentionDropout, int numClasses) {
        if (imageSize % patchSize != 0) throw new IllegalArgumentException("VisionTransformer: input shape indivisible by patch size!");
        this.imageSize = imageSize;
        this.patchSize = patchSize;
        this.hiddenDim = hiddenDim;
        class_token = new Parameter("class_token", Init.constant(0), 1, 1, hiddenDim);
        conv_proj = new Conv2d(3, hiddenDim, patchSize, patchSize);
        int seqLength = (imageSize / patchSize) * (imageSize / patchSize) + 1;
        encoder = new Encoder(seqLength, numLayers, numHeads, hiddenDim, mlpDim, dropout, attentionDropout);
        heads = new Sequential();
        heads.register("head", new Linear(hiddenDim, numClasses));
    }

    @Override public Tensor forward(Tensor x) {
        if (x.dim() != 4 || x.size(2) != imageSize || x.size(3) != imageSize) {
            throw new ShapeException(typeName() + ": expected images [N, 3, " + imageSize + ", " + imageSize + "], got "
                    + Shapes.format(x.shape()));
        }
        long n = x.size(0), patches = (long) (imageSize / patchSize) * (imageSize / patchSize);
        if (!isTraining()) { // issue 11 (tf): token, patches and position embedding in one pass (-Dnnsh.tf.vitembed=off)
            Tensor seq = VitEmbedding.embedded(conv_proj, class_token.valueFor(x), encoder.pos_embedding.valueFor(x), encoder.dropout, x, hiddenDim);
            if (seq != null) {
                var release = IntermediateRelease.start(this, x); // each intermediate freed once consumed
                release.afterTensorOp("embedding", x, seq);
                Tensor y = release.after(encoder.layers, seq, encoder.layers.apply(seq));
                return heads.apply(release.after(encoder.ln, y, encoder.ln.apply(y)).narrow(1, 0, 1).squeeze(1));
            }
        }
        x = conv_proj.apply(x).reshape(n, hiddenDim, patches).permute(0, 2, 1);
        Tensor token = class_token.valueFor(x);
        Tensor batchToken = x.isShapeOnly() ? Tensor.shapeOnly(x.dtype(), n, 1, hiddenDim) : token.mul(Tensor.ones(n, 1, 1));
        x = encoder.apply(Tensor.cat(1, batchToken, x));
        return heads.apply(x.narrow(1, 0, 1).squeeze(1));
    }

    /** Adds the position embedding, then dropout, the encoder blocks and a final LayerNorm. */
    public static class Encoder extends Module {
        final Parameter pos_embedding;
        final Dropout dropout;
        final Sequential layers;
        final LayerNorm ln;

        public Encoder(int seqLength, int numLayers, int numHeads, int hiddenDim, int mlpDim, double dropout, double attentionDropout) {
            pos_embedding = new Parameter("pos_embedding", Init.normal(0, 0.02), 1, seqLength, hiddenDim);
            this.dropout = new Dropout(dropout);
            layers = new Sequential();
            for (int i = 0; i < numLayers; i++) {
                layers.register("encoder_layer_" + i, new EncoderBlock(numHeads, hiddenDim, mlpDim, dropout, attentionDropout));
            }
            ln = new LayerNorm(hiddenDim).eps(1e-6);
        }

        @Override public Tensor forward(Tensor x) {
            return ln.apply(layers.apply(dropout.apply(x.add(pos_embedding.valueFor(x)))));
        }
    }

    /** Pre-norm block: x + dropout(attention(ln_1(x))), then + mlp(ln_2(·)). */
    public static class EncoderBlock extends Module {
        final LayerNorm ln_1;
        final MultiheadAttention self_attention;
        final Dropout dropout;
        final LayerNorm ln_2;
        final MLPBlock mlp;

        public EncoderBlock(int numHeads, int hiddenDim, int mlpDim, double dropout, double attentionDropout) {
            ln_1 = new LayerNorm(hiddenDim).eps(1e-6);
            self_attention = new MultiheadAttention(hiddenDim, numHeads).dropout(attentionDropout).batchFirst(true);
            this.dropout = new Dropout(dropout);
            ln_2 = new LayerNorm(hiddenDim).eps(1e-6);
            mlp = new MLPBlock(hiddenDim, mlpDim, dropout);
        }

        @Override public Tensor forward(Tensor input) {
            if (input.dim() != 3) {
                throw new ShapeException("EncoderBlock: expected (batch_size, seq_length, hidden_dim) got " + Shapes.format(input.shape()));
            }
            var release = IntermediateRelease.start(this, input); // issue 11: intermediates freed once consumed
            Tensor x = release.after(ln_1, input, ln_1.apply(input));
            if (!dropout.isTraining()) { // issue 11 (tf): both residuals added by the branches' last matmuls
                Tensor fused = ResidualFusion.attentionPlus(self_attention, x, input);
                if (fused != null) {
                    release.after(self_attention, x, fused);
                    var second = IntermediateRelease.start(this, fused);
                    Tensor normed = second.after(ln_2, fused, ln_2.apply(fused)), out = ResidualFusion.mlpPlus(mlp, normed, fused);
                    if (out == null) return fused.add(mlp.apply(normed));
                    second.after(mlp, normed, out);
                    if (IntermediateRelease.isTrusted(ln_2)) release.after(mlp, fused, out);
                    return out;
                }
            }
            x = dropout.apply(self_attention.apply(x, x, x)).add(input);
            return x.add(mlp.apply(ln_2.apply(x)));
        }
    }

    /** The encoder's MLP: Linear to mlpDim, GELU, Dropout, Linear back, Dropout. */
    public static class MLPBlock extends MLP {
        public MLPBlock(long inDim, long mlpDim, double dropout) {
            super(inDim, new long[]{mlpDim, inDim}, null, GELU::new, null, true, dropout);
        }
    }
}
