#!/usr/bin/python3
"""Fixtures for issue 9 (src/test/resources/ported/): three small networks written in PyTorch the way
their public sources write them (nanoGPT's model.py, a ViT with a class token, a U-Net with skip
concatenations), each with

  <net>/weights/<state_dict key>.npy   PyTorch's (seeded random) weights
  <net>/input.npy, <net>/output.npy    one eval forward pass
  <net>/summary.out                    torchinfo's own table for that pass

and functional/*.npy: inputs and PyTorch outputs of the functional forms nnsh adds.

Run once with Debian's python3-torch and torchinfo's source on the path:
    PYTHONPATH=/work/wt/torchinfo-src /usr/bin/python3 tools/make_ported_network_fixtures.py

TransformerEncoderLayer's fast path: torch 1.13 runs nn.TransformerEncoderLayer fused in eval mode
under no_grad (torchinfo's default) when the head count is even, and torchinfo then shows no
sub-rows. These networks write attention by hand (nanoGPT) or call the encoder layer's sub-modules
explicitly (ViT block below), so no fused path exists; torchinfo is also called with mode="eval"
and the forward pass runs under no_grad only for output.npy.
"""

import math
import os

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F
from torchinfo import summary

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "test", "resources", "ported")


# ---------------------------------------------------------------- nanoGPT (karpathy/nanoGPT model.py, no flash path)

class LayerNorm(nn.Module):
    def __init__(self, ndim, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(ndim))
        self.bias = nn.Parameter(torch.zeros(ndim)) if bias else None

    def forward(self, input):
        return F.layer_norm(input, self.weight.shape, self.weight, self.bias, 1e-5)


class CausalSelfAttention(nn.Module):
    def __init__(self, n_embd, n_head, block_size, bias, dropout):
        super().__init__()
        assert n_embd % n_head == 0
        self.c_attn = nn.Linear(n_embd, 3 * n_embd, bias=bias)
        self.c_proj = nn.Linear(n_embd, n_embd, bias=bias)
        self.attn_dropout = nn.Dropout(dropout)
        self.resid_dropout = nn.Dropout(dropout)
        self.n_head = n_head
        self.n_embd = n_embd
        self.register_buffer("bias", torch.tril(torch.ones(block_size, block_size))
                             .view(1, 1, block_size, block_size))

    def forward(self, x):
        B, T, C = x.size()
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)
        k = k.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        q = q.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        v = v.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        att = att.masked_fill(self.bias[:, :, :T, :T] == 0, float('-inf'))
        att = F.softmax(att, dim=-1)
        att = self.attn_dropout(att)
        y = att @ v
        y = y.transpose(1, 2).contiguous().view(B, T, C)
        y = self.resid_dropout(self.c_proj(y))
        return y


class MLP(nn.Module):
    def __init__(self, n_embd, bias, dropout):
        super().__init__()
        self.c_fc = nn.Linear(n_embd, 4 * n_embd, bias=bias)
        self.gelu = nn.GELU()
        self.c_proj = nn.Linear(4 * n_embd, n_embd, bias=bias)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        x = self.c_fc(x)
        x = self.gelu(x)
        x = self.c_proj(x)
        x = self.dropout(x)
        return x


class Block(nn.Module):
    def __init__(self, n_embd, n_head, block_size, bias, dropout):
        super().__init__()
        self.ln_1 = LayerNorm(n_embd, bias=bias)
        self.attn = CausalSelfAttention(n_embd, n_head, block_size, bias, dropout)
        self.ln_2 = LayerNorm(n_embd, bias=bias)
        self.mlp = MLP(n_embd, bias, dropout)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x


class GPT(nn.Module):
    """nanoGPT's GPT without weight tying (lm_head has its own weight)."""

    def __init__(self, vocab_size=11, block_size=8, n_layer=2, n_head=2, n_embd=8, dropout=0.0, bias=True):
        super().__init__()
        self.block_size = block_size
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(vocab_size, n_embd),
            wpe=nn.Embedding(block_size, n_embd),
            drop=nn.Dropout(dropout),
            h=nn.ModuleList([Block(n_embd, n_head, block_size, bias, dropout) for _ in range(n_layer)]),
            ln_f=LayerNorm(n_embd, bias=bias),
        ))
        self.lm_head = nn.Linear(n_embd, vocab_size, bias=False)

    def forward(self, idx):
        b, t = idx.size()
        assert t <= self.block_size
        pos = torch.arange(0, t, dtype=torch.long, device=idx.device)
        tok_emb = self.transformer.wte(idx)
        pos_emb = self.transformer.wpe(pos)
        x = self.transformer.drop(tok_emb + pos_emb)
        for block in self.transformer.h:
            x = block(x)
        x = self.transformer.ln_f(x)
        logits = self.lm_head(x[:, [-1], :])
        return logits


# ---------------------------------------------------------------- ViT (class token, x[:, 0])

class PatchEmbed(nn.Module):
    def __init__(self, img_size, patch_size, in_chans, embed_dim):
        super().__init__()
        self.num_patches = (img_size // patch_size) ** 2
        self.proj = nn.Conv2d(in_chans, embed_dim, kernel_size=patch_size, stride=patch_size)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class Attention(nn.Module):
    def __init__(self, dim, num_heads):
        super().__init__()
        self.num_heads = num_heads
        self.scale = (dim // num_heads) ** -0.5
        self.qkv = nn.Linear(dim, dim * 3)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        B, N, C = x.shape
        qkv = self.qkv(x).reshape(B, N, 3, self.num_heads, C // self.num_heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.unbind(0)
        attn = (q @ k.transpose(-2, -1)) * self.scale
        attn = attn.softmax(dim=-1)
        x = (attn @ v).transpose(1, 2).reshape(B, N, C)
        return self.proj(x)


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.act = nn.GELU()
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class ViTBlock(nn.Module):
    def __init__(self, dim, num_heads, mlp_ratio):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, num_heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim, int(dim * mlp_ratio))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        x = x + self.mlp(self.norm2(x))
        return x


class ViT(nn.Module):
    def __init__(self, img_size=8, patch_size=4, in_chans=3, num_classes=5, embed_dim=8, depth=2, num_heads=2, mlp_ratio=2.0):
        super().__init__()
        self.patch_embed = PatchEmbed(img_size, patch_size, in_chans, embed_dim)
        num_patches = self.patch_embed.num_patches
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, num_patches + 1, embed_dim))
        self.blocks = nn.Sequential(*[ViTBlock(embed_dim, num_heads, mlp_ratio) for _ in range(depth)])
        self.norm = nn.LayerNorm(embed_dim, eps=1e-6)
        self.head = nn.Linear(embed_dim, num_classes)
        nn.init.trunc_normal_(self.pos_embed, std=.02)
        nn.init.trunc_normal_(self.cls_token, std=.02)

    def forward(self, x):
        x = self.patch_embed(x)
        cls_token = self.cls_token.expand(x.shape[0], -1, -1)
        x = torch.cat((cls_token, x), dim=1)
        x = x + self.pos_embed
        x = self.blocks(x)
        x = self.norm(x)
        return self.head(x[:, 0])


# ---------------------------------------------------------------- U-Net (milesial/Pytorch-UNet layout, tiny)

class DoubleConv(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.double_conv = nn.Sequential(
            nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(out_channels),
            nn.ReLU(inplace=True),
            nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(out_channels),
            nn.ReLU(inplace=True))

    def forward(self, x):
        return self.double_conv(x)


class Down(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.maxpool_conv = nn.Sequential(nn.MaxPool2d(2), DoubleConv(in_channels, out_channels))

    def forward(self, x):
        return self.maxpool_conv(x)


class Up(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.up = nn.ConvTranspose2d(in_channels, in_channels // 2, kernel_size=2, stride=2)
        self.conv = DoubleConv(in_channels, out_channels)

    def forward(self, x1, x2):
        x1 = self.up(x1)
        diffY = x2.size()[2] - x1.size()[2]
        diffX = x2.size()[3] - x1.size()[3]
        x1 = F.pad(x1, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])
        x = torch.cat([x2, x1], dim=1)
        return self.conv(x)


class UNet(nn.Module):
    def __init__(self, n_channels=3, n_classes=2, base=4):
        super().__init__()
        self.inc = DoubleConv(n_channels, base)
        self.down1 = Down(base, base * 2)
        self.down2 = Down(base * 2, base * 4)
        self.up1 = Up(base * 4, base * 2)
        self.up2 = Up(base * 2, base)
        self.outc = nn.Conv2d(base, n_classes, kernel_size=1)

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down1(x1)
        x3 = self.down2(x2)
        x = self.up1(x3, x2)
        x = self.up2(x, x1)
        return self.outc(x)


def randomize(model):
    """Non-trivial values everywhere, BatchNorm running stats included, so every weight matters."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(torch.randn_like(p) * 0.3 + (1.0 if name.endswith("norm1.weight") or name.endswith("ln_1.weight") else 0.0))
        for name, b in model.named_buffers():
            if name.endswith("running_mean"):
                b.copy_(torch.randn_like(b) * 0.1)
            elif name.endswith("running_var"):
                b.copy_(torch.rand_like(b) + 0.5)


def save(path, array):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    np.save(path, np.array(array, order="C"))  # np.ascontiguousarray would turn 0-dim into 1-dim


def write_network(name, model, x, depth):
    torch.manual_seed(0)
    randomize(model)
    model.eval()
    d = os.path.join(OUT, name)
    for key, value in model.state_dict().items():
        save(os.path.join(d, "weights", key + ".npy"), value.numpy())
    save(os.path.join(d, "input.npy"), x.numpy())
    with torch.no_grad():
        y = model(x)
    save(os.path.join(d, "output.npy"), y.numpy())
    stats = summary(model, input_data=x, depth=depth, mode="eval", verbose=0)
    with open(os.path.join(d, "summary.out"), "w") as f:
        f.write(str(stats) + "\n")
    print(name, tuple(y.shape), sum(p.numel() for p in model.parameters()), "parameters")


def write_functional():
    torch.manual_seed(1)
    d = os.path.join(OUT, "functional")
    q, k, v = torch.randn(2, 2, 5, 4), torch.randn(2, 2, 6, 4), torch.randn(2, 2, 6, 3)
    mask = torch.rand(5, 6) > 0.3
    mask[:, 0] = True
    x = torch.randn(3, 4, 7)
    target = torch.tensor([1, 0, 3])
    target_ignored = torch.tensor([1, -100, 3])
    qc = torch.randn(2, 2, 5, 4)
    kc = torch.randn(2, 2, 5, 4)
    vc = torch.randn(2, 2, 5, 3)
    img = torch.randn(2, 3, 7, 5)
    arrays = {
        "q": q, "k": k, "v": v, "mask": mask, "x": x, "target": target, "target_ignored": target_ignored,
        "qc": qc, "kc": kc, "vc": vc, "img": img,
        "sdpa_mask": None, "sdpa_causal": None,
        "gelu_tanh": F.gelu(x, approximate="tanh"), "mish": F.mish(x), "elu": F.elu(x, 0.7),
        "hardsigmoid": F.hardsigmoid(x), "hardswish": F.hardswish(x), "silu": F.silu(x),
        "leaky_relu": F.leaky_relu(x, 0.2), "softplus": F.softplus(x),
        "normalize": F.normalize(x, p=2.0, dim=1), "avg_pool1d": F.avg_pool1d(x, 3, 2, 1),
        "adaptive_avg_pool1d": F.adaptive_avg_pool1d(x, 3), "adaptive_max_pool2d": F.adaptive_max_pool2d(img, (3, 2)),
        "cross_entropy": F.cross_entropy(x[:, :, 0], target), "cross_entropy_ignored": F.cross_entropy(x[:, :, 0], target_ignored),
        "cross_entropy_sum": F.cross_entropy(x[:, :, 0], target, reduction="sum"),
        "nll_loss": F.nll_loss(F.log_softmax(x[:, :, 0], dim=1), target),
        "mse_loss": F.mse_loss(x, x.flip(2)), "one_hot": F.one_hot(target, 5),
        "std_correction0": x.std(dim=2, unbiased=False), "var_dims": x.var(dim=(0, 2), keepdim=True),
        "norm_dims": x.norm(p=3, dim=(1, 2)), "cumsum": x.cumsum(1), "einsum": torch.einsum("bhqd,bhkd->bhqk", q, k),
        "einsum_ellipsis": torch.einsum("...qd,...kd->...qk", q, k), "einsum_implicit": torch.einsum("b...i,b...i", x, x),
        "round": (x * 2).round(), "erf": torch.erf(x), "topk_values": x.topk(3, dim=2).values,
        "topk_indices": x.topk(3, dim=2).indices, "linspace": torch.linspace(-1, 2, 7),
        "arange_float": torch.arange(0.5, 3.0, 0.3),
    }
    # torch 1.13 has no F.scaled_dot_product_attention: its definition, written out
    s = (q @ k.transpose(-2, -1)) / math.sqrt(q.size(-1))
    arrays["sdpa_mask"] = torch.softmax(s.masked_fill(~mask, float("-inf")), dim=-1) @ v
    sc = (qc @ kc.transpose(-2, -1)) / math.sqrt(qc.size(-1))
    causal = torch.ones(5, 5, dtype=torch.bool).tril()
    arrays["sdpa_causal"] = torch.softmax(sc.masked_fill(~causal, float("-inf")), dim=-1) @ vc
    for key, value in arrays.items():
        save(os.path.join(d, key + ".npy"), value.numpy())


def main():
    torch.manual_seed(0)
    write_network("nanogpt", GPT(), torch.tensor([[3, 1, 4, 1, 5]]), depth=10)
    torch.manual_seed(0)
    write_network("vit", ViT(), torch.randn(2, 3, 8, 8), depth=10)
    torch.manual_seed(0)
    write_network("unet", UNet(), torch.randn(1, 3, 12, 12), depth=10)
    write_functional()


if __name__ == "__main__":
    main()
