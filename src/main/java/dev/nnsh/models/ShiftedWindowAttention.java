package dev.nnsh.models;

import java.util.List;

import dev.nnsh.nn.Buffer;
import dev.nnsh.nn.F;
import dev.nnsh.nn.Init;
import dev.nnsh.nn.LayerNorm;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.Module;
import dev.nnsh.nn.Parameter;
import dev.nnsh.nn.WindowAttentionFastPath;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * torchvision's {@code ShiftedWindowAttention} over [B, H, W, C]: pad to whole windows, roll by the
 * shift, attention inside each window with a learned relative position bias (and the mask that keeps
 * shifted regions apart), roll back, crop. qkv and proj are Linear modules used through their weights.
 */
public class ShiftedWindowAttention extends Module {
    final Linear qkv;
    final Linear proj;
    protected final int windowSize;
    protected final int shiftSize;
    protected final int numHeads;
    private final RelativeBiasCache biasCache = new RelativeBiasCache(); // issue 11 (tf)

    public ShiftedWindowAttention(int dim, int windowSize, int shiftSize, int numHeads) {
        this.windowSize = windowSize;
        this.shiftSize = shiftSize;
        this.numHeads = numHeads;
        qkv = new Linear(dim, 3L * dim);
        proj = new Linear(dim, dim);
        defineRelativePositionBiasTable();
        int n = windowSize * windowSize;
        addBuffer(new Buffer("relative_position_index", DType.INT64,
                (dtype, shape) -> Tensor.of(relativePositionIndex(windowSize), shape).to(DType.INT64), (long) n * n));
    }

    protected void defineRelativePositionBiasTable() {
        addParameter("relative_position_bias_table", Init.normal(0, 0.02), (2L * windowSize - 1) * (2L * windowSize - 1), numHeads);
    }

    /** For window pixels p, q (row-major): (p_h − q_h + w − 1)·(2w − 1) + (p_w − q_w + w − 1). */
    static float[] relativePositionIndex(int w) {
        int n = w * w;
        float[] index = new float[n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                index[p * n + q] = (p / w - q / w + w - 1) * (2 * w - 1) + (p % w - q % w + w - 1);
            }
        }
        return index;
    }

    /** [1, heads, N, N] gathered from the table (rows: relative offsets). */
    protected Tensor relativePositionBias(Tensor like) {
        Tensor table = ownParameters().get("relative_position_bias_table").valueFor(like);
        return gather(table, like);
    }

    protected Tensor gather(Tensor table, Tensor like) {
        int n = windowSize * windowSize;
        Tensor index = ownBuffers().get("relative_position_index").valueFor(like);
        return F.embedding(index, table).reshape(n, n, numHeads).permute(2, 0, 1).unsqueeze(0);
    }

    /** null for V1 (scaled dot product); V2 returns its clamped, exponentiated logit scale. */
    protected Tensor logitScale(Tensor like) { return null; }

    @Override public Tensor forward(Tensor input) {
        long b = input.size(0), h = input.size(1), w = input.size(2), c = input.size(3);
        int ws = windowSize;
        int padR = (int) ((ws - w % ws) % ws), padB = (int) ((ws - h % ws) % ws);
        Tensor x = padR > 0 || padB > 0 ? F.pad(input, 0, 0, 0, padR, 0, padB) : input;
        long ph = x.size(1), pw = x.size(2);
        int shiftH = ws >= ph ? 0 : shiftSize, shiftW = ws >= pw ? 0 : shiftSize;
        boolean shifted = shiftH + shiftW > 0;
        if (!isTraining() && !x.isShapeOnly() && logitScale(input) == null) { // issue 11 (tf): eval V1 on oneDNN, no roll/partition copies
            Tensor fast = fastWindows(input, x, ph, pw, shiftH, shiftW);
            if (fast != null) return padR > 0 || padB > 0 ? fast.narrow(1, 0, h).narrow(2, 0, w) : fast;
        }
        if (shifted) x = x.roll(new long[]{-shiftH, -shiftW}, new int[]{1, 2});
        long windows = (ph / ws) * (pw / ws), n = (long) ws * ws;
        x = x.reshape(b, ph / ws, ws, pw / ws, ws, c).permute(0, 1, 3, 2, 4, 5).reshape(b * windows, n, c);
        Tensor qkvWeight = qkv.ownParameters().get("weight").valueFor(input);
        Tensor qkvBias = qkv.ownParameters().get("bias").valueFor(input);
        Tensor scale = logitScale(input);
        if (scale != null) qkvBias = zeroKeyBias(qkvBias, c);
        Tensor packed = F.linear(x, qkvWeight, qkvBias).reshape(b * windows, n, 3, numHeads, c / numHeads).permute(2, 0, 3, 1, 4);
        Tensor q = packed.narrow(0, 0, 1).squeeze(0), k = packed.narrow(0, 1, 1).squeeze(0), v = packed.narrow(0, 2, 1).squeeze(0);
        Tensor attn;
        if (scale != null) {
            attn = F.normalize(q, 2, -1, 1e-12).matmul(F.normalize(k, 2, -1, 1e-12).transpose(-2, -1)).mul(scale);
        } else {
            attn = q.mul(Math.pow(c / numHeads, -0.5)).matmul(k.transpose(-2, -1));
        }
        attn = attn.add(relativePositionBias(input));
        if (shifted) {
            Tensor mask = Tensor.of(shiftMask((int) ph, (int) pw, ws, shiftH, shiftW), windows, n, n);
            attn = attn.reshape(b, windows, numHeads, n, n).add(mask.unsqueeze(1).unsqueeze(0)).reshape(b * windows, numHeads, n, n);
        }
        attn = attn.softmax(-1);
        x = attn.matmul(v).transpose(1, 2).reshape(b * windows, n, c);
        x = F.linear(x, proj.ownParameters().get("weight").valueFor(input), proj.ownParameters().get("bias").valueFor(input));
        x = x.reshape(b, ph / ws, pw / ws, ws, ws, c).permute(0, 1, 3, 2, 4, 5).reshape(b, ph, pw, c);
        if (shifted) x = x.roll(new long[]{shiftH, shiftW}, new int[]{1, 2});
        return padR > 0 || padB > 0 ? x.narrow(1, 0, h).narrow(2, 0, w) : x;
    }

    /** issue 11 (tf): the relative position bias plus the shift mask as one additive [windows or 1, heads, N, N]; null where the fast path does not apply. */
    private Tensor fastWindows(Tensor input, Tensor x, long ph, long pw, int shiftH, int shiftW) {
        int ws = windowSize;
        long windows = (ph / ws) * (pw / ws), n = (long) ws * ws;
        Tensor additive = RelativeBiasCache.enabled() ? cachedAdditive(input, ph, pw, shiftH, shiftW) : null;
        if (additive == null) {
            additive = relativePositionBias(input);
            if (shiftH + shiftW > 0) {
                additive = additive.add(Tensor.of(shiftMask((int) ph, (int) pw, ws, shiftH, shiftW), windows, 1, n, n));
            }
        }
        Parameter qb = qkv.ownParameters().get("bias"), pb = proj.ownParameters().get("bias");
        return WindowAttentionFastPath.run(x, qkv.ownParameters().get("weight").valueFor(input), qb == null ? null : qb.valueFor(input),
                proj.ownParameters().get("weight").valueFor(input), pb == null ? null : pb.valueFor(input), additive, ws, shiftH, shiftW, numHeads);
    }

    /** issue 11 (tf): the bias (plus the shift mask) from the cache, built again only when the table, the index or the shape changes. */
    private Tensor cachedAdditive(Tensor like, long ph, long pw, int shiftH, int shiftW) {
        int ws = windowSize;
        Tensor table = ownParameters().get("relative_position_bias_table").valueFor(like);
        Tensor index = ownBuffers().get("relative_position_index").valueFor(like);
        boolean shifted = shiftH + shiftW > 0;
        return biasCache.get(table, index, ws * ws, numHeads, shifted ? List.of(ph, pw, shiftH, shiftW) : null,
                shifted ? () -> shiftMask((int) ph, (int) pw, ws, shiftH, shiftW) : null);
    }

    /** issue 11 (tf): x + this(norm(x)) in eval with the residual added in window order, or null where that path does not apply. */
    Tensor evalPlus(LayerNorm norm, Tensor x) {
        if (isTraining() || x.isShapeOnly() || x.dim() != 4 || logitScale(x) != null || !RelativeBiasCache.enabled()) return null;
        long ph = x.size(1), pw = x.size(2);
        int ws = windowSize;
        if (ph % ws != 0 || pw % ws != 0) return null;
        int shiftH = ws >= ph ? 0 : shiftSize, shiftW = ws >= pw ? 0 : shiftSize;
        Tensor additive = cachedAdditive(x, ph, pw, shiftH, shiftW);
        if (additive == null) return null;
        Parameter qb = qkv.ownParameters().get("bias"), pb = proj.ownParameters().get("bias");
        return WindowAttentionFastPath.runPlus(x, norm, qkv.ownParameters().get("weight").valueFor(x), qb == null ? null : qb.valueFor(x),
                proj.ownParameters().get("weight").valueFor(x), pb == null ? null : pb.valueFor(x), additive, ws, shiftH, shiftW, numHeads);
    }

    /** V2 zeroes the key third of the qkv bias in the computation (the parameter keeps its values). */
    private static Tensor zeroKeyBias(Tensor bias, long c) {
        if (bias.isShapeOnly()) return bias;
        float[] keep = new float[(int) (3 * c)];
        for (int i = 0; i < keep.length; i++) keep[i] = i >= c && i < 2 * c ? 0 : 1;
        return bias.mul(Tensor.of(keep, 3 * c));
    }

    /**
     * The shifted-window mask [windows, N, N]: −100 between pixels of different regions (the three
     * bands per axis the shift creates), 0 within one, as torchvision builds it.
     */
    static float[] shiftMask(int ph, int pw, int ws, int shiftH, int shiftW) {
        int[][] region = new int[ph][pw];
        int[] hb = {0, ph - ws, ph - shiftH, ph}, wb = {0, pw - ws, pw - shiftW, pw};
        int count = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int y = hb[i]; y < hb[i + 1]; y++) for (int x = wb[j]; x < wb[j + 1]; x++) region[y][x] = count;
                count++;
            }
        }
        int perRow = pw / ws, n = ws * ws, windows = (ph / ws) * perRow;
        float[] mask = new float[windows * n * n];
        for (int win = 0; win < windows; win++) {
            int y0 = (win / perRow) * ws, x0 = (win % perRow) * ws;
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    int rp = region[y0 + p / ws][x0 + p % ws], rq = region[y0 + q / ws][x0 + q % ws];
                    mask[(win * n + p) * n + q] = rp == rq ? 0f : -100f;
                }
            }
        }
        return mask;
    }
}
