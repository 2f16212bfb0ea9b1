package dev.nnsh.models;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/**
 * issue 11 (tf): the eval attention's additive term, a relative position bias gathered from its table
 * (plus Swin's shift mask), built once and reused while the table, the index and the mask's shape are
 * what they were. Each call reads the table and the index back (a few thousand numbers) and compares
 * them with the copies it was built from, so a table changed in place (an optimizer step), a loaded
 * state dict or a replaced parameter is seen at the next call. Gathering through {@code F.embedding}
 * took 50–300 ms per attention call on the shared machine, more than the attention itself. The cached
 * tensor is never returned from a module nor freed (it is not a pooled buffer), so the owning module's
 * outputs stay provably independent of it. {@code -Dnnsh.tf.biascache=off} gathers at every call.
 */
final class RelativeBiasCache {
    private float[] table = new float[0];
    private long[] index = new long[0];
    private Object maskKey;
    private Tensor additive;

    static boolean enabled() {
        return !"off".equals(System.getProperty("nnsh.tf.biascache")) && !"off".equals(System.getProperty("nnsh.fastpaths"));
    }

    /**
     * [G, heads, n, n] dense float32: element (g, h, p, q) = table[index[p·n + q], h] + mask[g, p, q]
     * (G = 1 and no mask when {@code mask} is null). table [rows, heads] float32, index n·n int64 entries;
     * null where an index is outside the table (the caller's own path reports it) or the table is not float32.
     */
    Tensor get(Tensor tableT, Tensor indexT, int n, int heads, Object maskKey, Supplier<float[]> mask) {
        if (tableT.dtype() != DType.FLOAT32 || tableT.dim() != 2 || tableT.size(1) != heads || indexT.numel() != (long) n * n) return null;
        float[] t = tableT.toFloatArray();
        long[] i = indexT.toLongArray();
        if (additive != null && Objects.equals(maskKey, this.maskKey) && Arrays.equals(t, table) && Arrays.equals(i, index)) {
            return additive;
        }
        long rows = tableT.size(0);
        for (long v : i) if (v < 0 || v >= rows) return null;
        float[] m = mask == null ? null : mask.get();
        int nn = n * n, groups = m == null ? 1 : m.length / nn;
        float[] out = new float[groups * heads * nn];
        for (int g = 0; g < groups; g++) {
            for (int h = 0; h < heads; h++) {
                int base = (g * heads + h) * nn;
                for (int pq = 0; pq < nn; pq++) out[base + pq] = t[(int) i[pq] * heads + h] + (m == null ? 0f : m[g * nn + pq]);
            }
        }
        additive = Tensor.of(out, groups, heads, n, n);
        table = t;
        index = i;
        this.maskKey = maskKey;
        return additive;
    }
}
