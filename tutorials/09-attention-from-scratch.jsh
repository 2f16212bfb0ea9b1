// Lesson 9: causal self-attention and a tiny GPT, written by hand
//
// The attention block of nanoGPT, line for line: one Linear makes queries, keys and values, split
// cuts them apart, a lower-triangular buffer (tril) hides the future with masked_fill, and softmax
// weighs the values. Then a GPT: token and position embeddings, a stack of blocks, a head.

class CausalSelfAttention extends Module {
    Linear c_attn, c_proj;
    final long n_head, n_embd;

    CausalSelfAttention(long n_embd, long n_head, long block_size) {
        c_attn = new Linear(n_embd, 3 * n_embd);          // q, k and v in one matrix product
        c_proj = new Linear(n_embd, n_embd);
        this.n_head = n_head;
        this.n_embd = n_embd;
        // register_buffer("bias", torch.tril(torch.ones(T, T)).view(1, 1, T, T)): made on first real use
        registerBuffer("bias", () -> Tensor.ones(block_size, block_size).tril().view(1, 1, block_size, block_size));
    }

    @Override public Tensor forward(Tensor x) {
        long B = x.size(0), T = x.size(1), C = x.size(2);
        var qkv = c_attn.apply(x).split(n_embd, 2);      // q, k, v = ....split(n_embd, dim=2)
        Tensor q = qkv.get(0).view(B, T, n_head, C / n_head).transpose(1, 2);
        Tensor k = qkv.get(1).view(B, T, n_head, C / n_head).transpose(1, 2);
        Tensor v = qkv.get(2).view(B, T, n_head, C / n_head).transpose(1, 2);
        Tensor att = q.matmul(k.transpose(-2, -1)).mul(1.0 / Math.sqrt(k.size(-1)));
        // att.masked_fill(self.bias[:, :, :T, :T] == 0, float('-inf'))
        att = att.maskedFill(buffer("bias").get(":, :, :" + T + ", :" + T).eq(0), Double.NEGATIVE_INFINITY);
        att = att.softmax(-1);
        Tensor y = att.matmul(v).transpose(1, 2).contiguous().view(B, T, C);
        return c_proj.apply(y);
    }
}

class Block extends Module {
    LayerNorm ln_1;
    CausalSelfAttention attn;
    LayerNorm ln_2;
    Sequential mlp;

    Block(long n_embd, long n_head, long block_size) {
        ln_1 = new LayerNorm(n_embd);
        attn = new CausalSelfAttention(n_embd, n_head, block_size);
        ln_2 = new LayerNorm(n_embd);
        mlp = new Sequential(new Linear(n_embd, 4 * n_embd), new GELU(), new Linear(4 * n_embd, n_embd));
    }

    @Override public Tensor forward(Tensor x) {
        x = x.add(attn.apply(ln_1.apply(x)));             // x = x + self.attn(self.ln_1(x))
        return x.add(mlp.apply(ln_2.apply(x)));
    }
}

class TinyGPT extends Module {
    Embedding wte, wpe;
    ModuleList h = new ModuleList();
    LayerNorm ln_f;
    Linear lm_head;

    TinyGPT(long vocab, long block_size, int n_layer, long n_head, long n_embd) {
        wte = new Embedding(vocab, n_embd);
        wpe = new Embedding(block_size, n_embd);
        for (int i = 0; i < n_layer; i++) h.add(new Block(n_embd, n_head, block_size));
        ln_f = new LayerNorm(n_embd);
        lm_head = new Linear(n_embd, vocab).bias(false);
    }

    @Override public Tensor forward(Tensor idx) {
        long t = idx.size(1);
        Tensor pos = Tensor.arange(0, t);                 // shape-only too, inside a shape-only summary
        Tensor x = wte.apply(idx).add(wpe.apply(pos));
        for (Module block : h) x = block.apply(x);
        return lm_head.apply(ln_f.apply(x));
    }
}

// Step 1. A character-level model: 65 symbols, a context of 32, 2 blocks of 4 heads, width 64.
Tensor.manualSeed(9);
var gpt = new TinyGPT(65, 32, 2, 4, 64);

// Step 2. Its summary for a batch of 2 prompts of 12 tokens (int64 token ids). Nothing is allocated:
// not the weights, not the tril buffers.
summary(gpt, options().inputSize(2, 12).dtypes(DType.INT64).depth(3));
System.out.println("mask buffers allocated by the summary: " + gpt.buffers().stream().filter(b -> b.isMaterialized()).count());

// Step 3. Where the parameters are: per block 4·C² (q, k, v and the output projection) + 8·C² (the MLP).
for (var e : gpt.namedParameters().entrySet()) {
    if (e.getKey().startsWith("h.0.") || !e.getKey().startsWith("h."))
        System.out.printf("%-22s %-12s %,d%n", e.getKey(), java.util.Arrays.toString(e.getValue().shape()), e.getValue().numel());
}
System.out.println("buffers: " + gpt.namedBuffers().keySet());

// Step 4. A real pass: the mask makes position 0 see only itself, so changing a later token
// leaves the first position's scores unchanged.
gpt.eval();
var a = Tensor.of(new long[]{5, 17, 42, 8}, 1, 4);
var b = Tensor.of(new long[]{5, 60, 1, 30}, 1, 4);
var first = gpt.apply(a).get(":, 0").sub(gpt.apply(b).get(":, 0")).abs().max().item();
var last = gpt.apply(a).get(":, -1").sub(gpt.apply(b).get(":, -1")).abs().max().item();
System.out.println("position 0 changed: " + (first < 1e-6 ? "no" : "yes") + "; position 3 changed: " + (last > 1e-3 ? "yes" : "no"));
