package dev.nnsh.ported;

import java.util.List;

import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.GELU;
import dev.nnsh.nn.Init;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Parameter;
import dev.nnsh.nn.Sequential;
import dev.nnsh.tensor.Tensor;

/** A small Vision Transformer as timm / the ViT paper's code write it: patch embedding, class token, x[:, 0]. */
final class Vit {
    private Vit() {}

    static class PatchEmbed extends Module {
        final long num_patches;
        Conv2d proj;

        PatchEmbed(int img_size, int patch_size, long in_chans, long embed_dim) {
            num_patches = (long) (img_size / patch_size) * (img_size / patch_size);
            proj = new Conv2d(in_chans, embed_dim, patch_size, patch_size);
        }

        @Override public Tensor forward(Tensor x) { return proj.apply(x).flatten(2).transpose(1, 2); }
    }

    static class Attention extends Module {
        final long num_heads;
        final double scale;
        Linear qkv, proj;

        Attention(long dim, long num_heads) {
            this.num_heads = num_heads;
            scale = Math.pow(dim / num_heads, -0.5);
            qkv = new Linear(dim, dim * 3);
            proj = new Linear(dim, dim);
        }

        @Override public Tensor forward(Tensor x) {
            long B = x.size(0), N = x.size(1), C = x.size(2);
            Tensor qkv5 = qkv.apply(x).reshape(B, N, 3, num_heads, C / num_heads).permute(2, 0, 3, 1, 4);
            List<Tensor> qkvs = qkv5.unbind(0);
            Tensor q = qkvs.get(0), k = qkvs.get(1), v = qkvs.get(2);
            Tensor attn = q.matmul(k.transpose(-2, -1)).mul(scale);
            attn = attn.softmax(-1);
            x = attn.matmul(v).transpose(1, 2).reshape(B, N, C);
            return proj.apply(x);
        }
    }

    static class Mlp extends Module {
        Linear fc1;
        GELU act = new GELU();
        Linear fc2;

        Mlp(long dim, long hidden) {
            fc1 = new Linear(dim, hidden);
            fc2 = new Linear(hidden, dim);
        }

        @Override public Tensor forward(Tensor x) { return fc2.apply(act.apply(fc1.apply(x))); }
    }

    static class ViTBlock extends Module {
        LayerNorm norm1;
        Attention attn;
        LayerNorm norm2;
        Mlp mlp;

        ViTBlock(long dim, long num_heads, double mlp_ratio) {
            norm1 = new LayerNorm(dim).eps(1e-6);
            attn = new Attention(dim, num_heads);
            norm2 = new LayerNorm(dim).eps(1e-6);
            mlp = new Mlp(dim, (long) (dim * mlp_ratio));
        }

        @Override public Tensor forward(Tensor x) {
            x = x.add(attn.apply(norm1.apply(x)));
            x = x.add(mlp.apply(norm2.apply(x)));
            return x;
        }
    }

    static class ViT extends Module {
        PatchEmbed patch_embed;
        Parameter cls_token, pos_embed;
        Sequential blocks = new Sequential();
        LayerNorm norm;
        Linear head;

        ViT(int img_size, int patch_size, long in_chans, long num_classes, long embed_dim, int depth, long num_heads, double mlp_ratio) {
            patch_embed = new PatchEmbed(img_size, patch_size, in_chans, embed_dim);
            long num_patches = patch_embed.num_patches;
            cls_token = new Parameter(() -> Tensor.zeros(1, 1, embed_dim));
            pos_embed = new Parameter(() -> Tensor.zeros(1, num_patches + 1, embed_dim));
            for (int i = 0; i < depth; i++) blocks.add(new ViTBlock(embed_dim, num_heads, mlp_ratio));
            norm = new LayerNorm(embed_dim).eps(1e-6);
            head = new Linear(embed_dim, num_classes);
            Init.truncNormal_(pos_embed, .02);
            Init.truncNormal_(cls_token, .02);
        }

        ViT() { this(8, 4, 3, 5, 8, 2, 2, 2.0); }

        @Override public Tensor forward(Tensor x) {
            x = patch_embed.apply(x);
            Tensor cls = cls_token.value().expand(x.size(0), -1, -1);
            x = Tensor.cat(1, cls, x);
            x = x.add(pos_embed.value());
            x = blocks.apply(x);
            x = norm.apply(x);
            return head.apply(x.get(":, 0"));
        }
    }
}
