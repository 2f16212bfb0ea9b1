package dev.nnsh.ops.fast;

import dev.nnsh.tensor.NativeBuffers;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shifted-window partition as one row copy (issue 11, tf): for images [B, H, W, F] (dense), row r of
 * the window-ordered [B·windows·ws², F] array is the pixel that {@code roll(−shift)} then the
 * window partition put there, so a roll, a 6-D permute and a reshape copy become one pass; {@link
 * #scatter} is the inverse (window reverse, then {@code roll(+shift)}). H and W must be multiples of ws.
 */
public final class DnnlWindowRows {
    private DnnlWindowRows() {}

    /** A Pointer whose address is set per row (no object per copy). */
    private static final class Row extends Pointer {
        Row at(long to) {
            address = to;
            return this;
        }
    }

    /** The window-ordered copy of images [B, H, W, F] (dense float32), or null where it does not apply. */
    public static INDArray gather(INDArray images, int ws, int shiftH, int shiftW) {
        if (!ok(images, ws)) return null;
        long[] d = images.shape();
        INDArray out = NativeBuffers.uninitialized(DataType.FLOAT, d[0] * d[1] * d[2], d[3]);
        copy(images, out, ws, shiftH, shiftW, true);
        return out;
    }

    /** Rows [B·windows·ws², F] (dense) back into images of {@code shape} [B, H, W, F], or null where it does not apply. */
    public static INDArray scatter(INDArray rows, long[] shape, int ws, int shiftH, int shiftW) {
        if (rows.dataType() != DataType.FLOAT || !DnnlLayouts.denseRowMajor(rows) || shape.length != 4
                || rows.length() != shape[0] * shape[1] * shape[2] * shape[3] || shape[1] % ws != 0 || shape[2] % ws != 0) return null;
        INDArray out = NativeBuffers.uninitialized(DataType.FLOAT, shape.clone());
        copy(out, rows, ws, shiftH, shiftW, false);
        return out;
    }

    /**
     * issue 11 (tf): Swin's patch merging as one row copy: images [B, H, W, C] (dense float32, H and W
     * even) into [B, H/2, W/2, 4C] whose channel quarters are the pixels (2i, 2j), (2i+1, 2j), (2i, 2j+1),
     * (2i+1, 2j+1), torchvision's order; null where it does not apply.
     */
    public static INDArray mergePatches(INDArray images) {
        if (!ok(images, 2)) return null;
        long b = images.size(0), h = images.size(1), w = images.size(2), c = images.size(3), bytes = c * 4;
        INDArray out = NativeBuffers.uninitialized(DataType.FLOAT, b, h / 2, w / 2, 4 * c);
        long imageBase = DnnlConv.address(images).address(), outBase = DnnlConv.address(out).address();
        Row image = new Row(), row = new Row();
        long to = outBase;
        for (long n = 0; n < b; n++) {
            for (long i = 0; i < h / 2; i++) {
                for (long j = 0; j < w / 2; j++) {
                    for (long dx = 0; dx < 2; dx++) {
                        for (long dy = 0; dy < 2; dy++, to += bytes) {
                            long at = imageBase + ((n * h + 2 * i + dy) * w + 2 * j + dx) * bytes;
                            Pointer.memcpy(row.at(to), image.at(at), bytes);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean ok(INDArray images, int ws) {
        return images.dataType() == DataType.FLOAT && images.rank() == 4 && DnnlLayouts.denseRowMajor(images)
                && images.size(1) % ws == 0 && images.size(2) % ws == 0 && images.length() > 0;
    }

    /** toRows: rows[r] = images[map(r)], else images[map(r)] = rows[r]. */
    private static void copy(INDArray images, INDArray rows, int ws, int shiftH, int shiftW, boolean toRows) {
        long b = images.size(0), h = images.size(1), w = images.size(2), f = images.size(3), bytes = f * 4;
        long imageBase = DnnlConv.address(images).address(), rowBase = DnnlConv.address(rows).address();
        Row image = new Row(), row = new Row();
        long r = 0;
        for (long n = 0; n < b; n++) {
            for (long wy = 0; wy < h / ws; wy++) {
                for (long wx = 0; wx < w / ws; wx++) {
                    for (long py = 0; py < ws; py++) {
                        long y = (wy * ws + py + shiftH) % h;
                        for (long px = 0; px < ws; px++, r++) {
                            long x = (wx * ws + px + shiftW) % w;
                            long at = imageBase + ((n * h + y) * w + x) * bytes, to = rowBase + r * bytes;
                            if (toRows) Pointer.memcpy(row.at(to), image.at(at), bytes);
                            else Pointer.memcpy(image.at(at), row.at(to), bytes);
                        }
                    }
                }
            }
        }
    }
}
