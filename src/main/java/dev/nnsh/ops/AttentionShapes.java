package dev.nnsh.ops;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * The shape rules of multi-head attention, checked in Java before anything is computed (for real and
 * shape-only tensors alike). Sizes: L target (query) length, S source (key) length, N batch, E embed_dim.
 */
public final class AttentionShapes {
    private AttentionShapes() {}

    /** The sizes of one call; {@code batched} is false for 2-D (unbatched) inputs, where N is 1. */
    public record Dims(boolean batched, long targetLength, long batch, long sourceLength) {}

    public static Dims check(String who, Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask,
                      long embedDim, long kdim, long vdim, int numHeads, boolean batchFirst) {
        long[] q = query.shape(), k = key.shape(), v = value.shape();
        boolean batched = q.length == 3;
        if (!batched && q.length != 2) {
            throw new ShapeException(who + ": query should be unbatched 2-D [L, E] or batched 3-D "
                    + (batchFirst ? "[N, L, E]" : "[L, N, E]") + ", got " + q.length + "-D query of shape " + Shapes.format(q));
        }
        if (k.length != q.length || v.length != q.length) {
            throw new ShapeException(who + ": for " + (batched ? "batched (3-D)" : "unbatched (2-D)") + " query, expected key"
                    + " and value to be " + q.length + "-D, got key of shape " + Shapes.format(k) + " and value of shape "
                    + Shapes.format(v));
        }
        lastDim(who, "query", q, "embed_dim", embedDim);
        lastDim(who, "key", k, "kdim", kdim);
        lastDim(who, "value", v, "vdim", vdim);
        int seq = batched && batchFirst ? 1 : 0, batchDim = batchFirst ? 0 : 1;
        if (k[seq] != v[seq] || (batched && k[batchDim] != v[batchDim])) {
            throw new ShapeException(who + ": key " + Shapes.format(k) + " and value " + Shapes.format(v)
                    + " must have the same sequence length" + (batched ? " and batch size" : ""));
        }
        if (batched && k[batchDim] != q[batchDim]) {
            throw new ShapeException(who + ": query " + Shapes.format(q) + " and key " + Shapes.format(k)
                    + " must have the same batch size (dim " + batchDim + ")");
        }
        Dims dims = new Dims(batched, q[seq], batched ? q[batchDim] : 1, k[seq]);
        checkKeyPaddingMask(who, keyPaddingMask, dims);
        checkAttnMask(who, attnMask, dims, numHeads);
        return dims;
    }

    private static void lastDim(String who, String name, long[] shape, String setting, long expected) {
        if (shape[shape.length - 1] != expected) {
            throw new ShapeException(who + ": expected " + name + " with " + setting + "=" + expected + " in its last dim, got "
                    + name + " of shape " + Shapes.format(shape));
        }
    }

    private static void checkKeyPaddingMask(String who, Tensor mask, Dims d) {
        if (mask == null) return;
        long[] expected = d.batched() ? new long[]{d.batch(), d.sourceLength()} : new long[]{d.sourceLength()};
        if (!Shapes.same(mask.shape(), expected)) {
            throw new ShapeException(who + ": expected key_padding_mask of shape " + (d.batched() ? "[N, S] = " : "[S] = ")
                    + Shapes.format(expected) + ", got " + Shapes.format(mask.shape()));
        }
        checkMaskType(who, "key_padding_mask", mask);
    }

    private static void checkAttnMask(String who, Tensor mask, Dims d, int numHeads) {
        if (mask == null) return;
        long[] s = mask.shape();
        long[] twoD = {d.targetLength(), d.sourceLength()};
        long stacked = d.batch() * numHeads;
        long[] threeD = {stacked, d.targetLength(), d.sourceLength()};
        String threeDName = d.batched() ? "[N·num_heads, L, S]" : "[num_heads, L, S]";
        if (s.length == 2 && !Shapes.same(s, twoD)) {
            throw new ShapeException(who + ": expected 2-D attn_mask of shape [L, S] = " + Shapes.format(twoD) + ", got "
                    + Shapes.format(s));
        }
        if (s.length == 3 && !Shapes.same(s, threeD)) {
            throw new ShapeException(who + ": expected 3-D attn_mask of shape " + threeDName + " = " + Shapes.format(threeD)
                    + ", got " + Shapes.format(s));
        }
        if (s.length != 2 && s.length != 3) {
            throw new ShapeException(who + ": attn_mask must be 2-D [L, S] = " + Shapes.format(twoD) + " or 3-D " + threeDName
                    + " = " + Shapes.format(threeD) + ", got " + s.length + "-D attn_mask of shape " + Shapes.format(s));
        }
        checkMaskType(who, "attn_mask", mask);
    }

    private static void checkMaskType(String who, String name, Tensor mask) {
        if (mask.dtype() != DType.BOOL && !mask.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(who + ": " + name + " must be bool (true = masked out) or floating point"
                    + " (added to the scores), got " + mask.dtype());
        }
    }
}
