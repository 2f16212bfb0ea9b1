package dev.nnsh.ops.fast;

import dev.nnsh.tensor.NativeBuffers;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * issue 11 (tf): MaxViT's window/grid partition and its inverse as one row copy each, over images held
 * channels-last (an [N, H, W, C] buffer seen as [N, C, H, W], as the convolution fast path and
 * {@link #departition} return them), where each pixel's channels are one contiguous row. Partition p:
 * row (g, s) of the [N, G, p², C] result (g = wy·(W/p) + wx, s = py·p + px) is pixel (wy·p + py, wx·p + px);
 * swapped (the grid layer's swap of the two middle axes) the result is [N, p², G, C] with row (s, g).
 * The reshape, the 6-D permute and the swap were two or three copies into unpooled memory.
 */
public final class PartitionRows {
    private PartitionRows() {}

    private static final class Row extends Pointer {
        Row at(long to) {
            address = to;
            return this;
        }
    }

    /** Whether a is dense row-major. */
    public static boolean dense(INDArray a) { return DnnlLayouts.denseRowMajor(a); }

    /** Whether images [N, C, H, W] float32 are a view of a dense [N, H, W, C] buffer. */
    public static boolean channelsLast(INDArray images) {
        if (images.dataType() != DataType.FLOAT || images.rank() != 4 || images.length() == 0) return false;
        long[] d = images.shape(), s = images.stride();
        long c = d[1], h = d[2], w = d[3];
        return (c == 1 || s[1] == 1) && (w == 1 || s[3] == c) && (h == 1 || s[2] == w * c) && (d[0] == 1 || s[0] == h * w * c);
    }

    /** The partition rows [N, G, p², C] (or [N, p², G, C] swapped) of channels-last images, or null where it does not apply. */
    public static INDArray partition(INDArray images, int p, boolean swap) {
        if (!channelsLast(images) || images.size(2) % p != 0 || images.size(3) % p != 0) return null;
        long n = images.size(0), c = images.size(1), h = images.size(2), w = images.size(3), g = (h / p) * (w / p), s = (long) p * p;
        INDArray rows = swap ? NativeBuffers.uninitialized(DataType.FLOAT, n, s, g, c) : NativeBuffers.uninitialized(DataType.FLOAT, n, g, s, c);
        copy(DnnlConv.address(images).address(), DnnlConv.address(rows).address(), n, h, w, c, p, swap, true);
        return rows;
    }

    /**
     * Rows [N, G, p², C] (or [N, p², G, C] swapped, dense float32) back into images [N, C, hp·p, wp·p]
     * held channels-last, or null where it does not apply.
     */
    public static INDArray departition(INDArray rows, int p, long hp, long wp, boolean swap) {
        if (rows.dataType() != DataType.FLOAT || rows.rank() != 4 || !DnnlLayouts.denseRowMajor(rows)) return null;
        long n = rows.size(0), g = hp * wp, s = (long) p * p, c = rows.size(3);
        if (rows.size(1) != (swap ? s : g) || rows.size(2) != (swap ? g : s)) return null;
        long h = hp * p, w = wp * p;
        INDArray images = NativeBuffers.uninitialized(DataType.FLOAT, n, h, w, c);
        copy(DnnlConv.address(images).address(), DnnlConv.address(rows).address(), n, h, w, c, p, swap, false);
        return images.permute(0, 3, 1, 2);
    }

    private static void copy(long imageBase, long rowBase, long n, long h, long w, long c, int p, boolean swap, boolean toRows) {
        long bytes = c * 4, wp = w / p, g = (h / p) * wp, s = (long) p * p;
        Row image = new Row(), row = new Row();
        long r = 0;
        for (long b = 0; b < n; b++) {
            for (long outer = 0; outer < (swap ? s : g); outer++) {
                for (long inner = 0; inner < (swap ? g : s); inner++, r++) {
                    long gi = swap ? inner : outer, si = swap ? outer : inner;
                    long y = (gi / wp) * p + si / p, x = (gi % wp) * p + si % p;
                    long at = imageBase + ((b * h + y) * w + x) * bytes, to = rowBase + r * bytes;
                    if (toRows) Pointer.memcpy(row.at(to), image.at(at), bytes);
                    else Pointer.memcpy(image.at(at), row.at(to), bytes);
                }
            }
        }
    }
}
