package dev.nnsh.ported;

import java.util.List;

import dev.nnsh.nn.Dropout;
import dev.nnsh.nn.Embedding;
import dev.nnsh.nn.F;
import dev.nnsh.nn.GELU;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.ModuleDict;
import dev.nnsh.nn.ModuleList;
import dev.nnsh.nn.Parameter;
import dev.nnsh.tensor.Tensor;

/** karpathy/nanoGPT's model.py, line for line with nnsh's public API (no flash path, no weight tying). */
final class NanoGpt {
    private NanoGpt() {}

    static class LayerNorm extends Module {
        Parameter weight;
        Parameter bias;

        LayerNorm(long ndim, boolean bias) {
            this.weight = new Parameter(() -> Tensor.ones(ndim));
            this.bias = bias ? new Parameter(() -> Tensor.zeros(ndim)) : null;
        }

        @Override public Tensor forward(Tensor input) {
            return F.layerNorm(input, weight.shape(), weight.value(), bias == null ? null : bias.value(), 1e-5);
        }
    }

    static class CausalSelfAttention extends Module {
        Linear c_attn, c_proj;
        Dropout attn_dropout, resid_dropout;
        final long n_head, n_embd;

        CausalSelfAttention(long n_embd, long n_head, long block_size, boolean bias, double dropout) {
            c_attn = new Linear(n_embd, 3 * n_embd, bias);
            c_proj = new Linear(n_embd, n_embd, bias);
            attn_dropout = new Dropout(dropout);
            resid_dropout = new Dropout(dropout);
            this.n_head = n_head;
            this.n_embd = n_embd;
            registerBuffer("bias", () -> Tensor.ones(block_size, block_size).tril()
                    .view(1, 1, block_size, block_size));
        }

        @Override public Tensor forward(Tensor x) {
            long B = x.size(0), T = x.size(1), C = x.size(2);
            List<Tensor> qkv = c_attn.apply(x).split(n_embd, 2);
            Tensor k = qkv.get(1).view(B, T, n_head, C / n_head).transpose(1, 2);
            Tensor q = qkv.get(0).view(B, T, n_head, C / n_head).transpose(1, 2);
            Tensor v = qkv.get(2).view(B, T, n_head, C / n_head).transpose(1, 2);
            Tensor att = q.matmul(k.transpose(-2, -1)).mul(1.0 / Math.sqrt(k.size(-1)));
            att = att.maskedFill(buffer("bias").get(":, :, :" + T + ", :" + T).eq(0), Double.NEGATIVE_INFINITY);
            att = F.softmax(att, -1);
            att = attn_dropout.apply(att);
            Tensor y = att.matmul(v);
            y = y.transpose(1, 2).contiguous().view(B, T, C);
            y = resid_dropout.apply(c_proj.apply(y));
            return y;
        }
    }

    static class MLP extends Module {
        Linear c_fc;
        GELU gelu = new GELU();
        Linear c_proj;
        Dropout dropout;

        MLP(long n_embd, boolean bias, double dropout) {
            c_fc = new Linear(n_embd, 4 * n_embd, bias);
            c_proj = new Linear(4 * n_embd, n_embd, bias);
            this.dropout = new Dropout(dropout);
        }

        @Override public Tensor forward(Tensor x) {
            x = c_fc.apply(x);
            x = gelu.apply(x);
            x = c_proj.apply(x);
            x = dropout.apply(x);
            return x;
        }
    }

    static class Block extends Module {
        LayerNorm ln_1;
        CausalSelfAttention attn;
        LayerNorm ln_2;
        MLP mlp;

        Block(long n_embd, long n_head, long block_size, boolean bias, double dropout) {
            ln_1 = new LayerNorm(n_embd, bias);
            attn = new CausalSelfAttention(n_embd, n_head, block_size, bias, dropout);
            ln_2 = new LayerNorm(n_embd, bias);
            mlp = new MLP(n_embd, bias, dropout);
        }

        @Override public Tensor forward(Tensor x) {
            x = x.add(attn.apply(ln_1.apply(x)));
            x = x.add(mlp.apply(ln_2.apply(x)));
            return x;
        }
    }

    static class GPT extends Module {
        final long block_size;
        ModuleDict transformer;
        Linear lm_head;

        GPT(long vocab_size, long block_size, int n_layer, long n_head, long n_embd, double dropout, boolean bias) {
            this.block_size = block_size;
            ModuleList h = new ModuleList();
            for (int i = 0; i < n_layer; i++) h.add(new Block(n_embd, n_head, block_size, bias, dropout));
            transformer = new ModuleDict()
                    .put("wte", new Embedding(vocab_size, n_embd))
                    .put("wpe", new Embedding(block_size, n_embd))
                    .put("drop", new Dropout(dropout))
                    .put("h", h)
                    .put("ln_f", new LayerNorm(n_embd, bias));
            lm_head = new Linear(n_embd, vocab_size, false);
        }

        GPT() { this(11, 8, 2, 2, 8, 0.0, true); }

        @Override public Tensor forward(Tensor idx) {
            long b = idx.size(0), t = idx.size(1);
            if (t > block_size) throw new IllegalArgumentException("Cannot forward sequence of length " + t + ", block size is only " + block_size);
            Tensor pos = Tensor.arange(0, t);
            Tensor tok_emb = transformer.get("wte").apply(idx);
            Tensor pos_emb = transformer.get("wpe").apply(pos);
            Tensor x = transformer.get("drop").apply(tok_emb.add(pos_emb));
            for (Module block : transformer.get("h", ModuleList.class)) x = block.apply(x);
            x = transformer.get("ln_f").apply(x);
            return lm_head.apply(x.get(":, -1:, :"));
        }
    }
}
