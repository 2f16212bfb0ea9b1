// Lesson 10: a Vision Transformer
//
// An image becomes a sequence: a strided convolution cuts it into patches and embeds each, a
// learnt class token is put in front (expand and cat), position embeddings are added, transformer
// blocks mix the tokens, and the class token's output x[:, 0] is classified.

class PatchEmbed extends Module {
    Conv2d proj;
    PatchEmbed(long inChans, long dim, int patch) { proj = new Conv2d(inChans, dim, patch, patch); }
    @Override public Tensor forward(Tensor x) { return proj.apply(x).flatten(2).transpose(1, 2); } // [B, N, D]
}

class ViT extends Module {
    PatchEmbed patch_embed;
    Parameter cls_token, pos_embed;
    TransformerEncoder encoder;
    LayerNorm norm;
    Linear head;

    ViT(int image, int patch, long dim, int depth, int heads, long classes) {
        long patches = (long) (image / patch) * (image / patch);
        patch_embed = new PatchEmbed(3, dim, patch);
        cls_token = new Parameter(() -> Tensor.zeros(1, 1, dim));           // nn.Parameter(torch.zeros(1, 1, D))
        pos_embed = new Parameter(() -> Tensor.zeros(1, patches + 1, dim));
        Init.truncNormal_(cls_token, .02);                                   // nn.init.trunc_normal_(..., std=.02)
        Init.truncNormal_(pos_embed, .02);
        encoder = new TransformerEncoder(new TransformerEncoderLayer(dim, heads, 4 * dim, 0.0).batchFirst(true), depth);
        norm = new LayerNorm(dim);
        head = new Linear(dim, classes);
    }

    @Override public Tensor forward(Tensor x) {
        x = patch_embed.apply(x);
        Tensor cls = cls_token.value().expand(x.size(0), -1, -1);          // self.cls_token.expand(B, -1, -1)
        x = Tensor.cat(1, cls, x).add(pos_embed.value());                    // torch.cat((cls, x), dim=1) + pos
        x = norm.apply(encoder.apply(x));
        return head.apply(x.get(":, 0"));                                    // x[:, 0]: the class token
    }
}

// Step 1. 32x32 images in 8x8 patches: 16 patches + 1 class token = 17 tokens of width 64.
Tensor.manualSeed(10);
var vit = new ViT(32, 8, 64, 2, 4, 10);

// Step 2. The summary: the class token and position embeddings are the ViT row's own parameters
// (64 + 17·64), the patch embedding is a convolution with 8·8·3·64 + 64 parameters.
summary(vit, 2, 3, 32, 32);

// Step 3. The token sequence, step by step, with real data.
vit.eval();
var img = Tensor.rand(2, 3, 32, 32);
var tokens = vit.patch_embed.apply(img);
System.out.println("patch tokens: " + tokens.size());
var withCls = Tensor.cat(1, vit.cls_token.value().expand(2, -1, -1), tokens);
System.out.println("with the class token: " + withCls.size());
System.out.println("x[:, 0] of that: " + withCls.get(":, 0").size() + ", equal to the class token: "
        + withCls.get(":, 0").eq(vit.cls_token.value().get("0, 0")).all().toList());
System.out.println("class scores: " + vit.apply(img).size());
