package dev.nnsh.ops.fast;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * issue 11 (cnn): channel slices of nChw16c buffers. In nChw16c one image's channels [16a, 16b) are one contiguous run
 * of floats, so a slice of whole blocks is copied between two blocked buffers of different channel counts with one
 * memcpy per image (no reorder).
 */
public final class BlockedChannelSlices {
    private BlockedChannelSlices() {}

    /**
     * Copies channels [from, from + count) of {@code src} (blocked [N, srcChannels, H, W]) into channels [to, to + count)
     * of {@code dst} (blocked [N, dstChannels, H, W]); every channel count and offset a multiple of 16.
     */
    public static void copy(INDArray src, long srcChannels, long from, INDArray dst, long dstChannels, long to, long count, long n, long pixels) {
        if (srcChannels % 16 != 0 || dstChannels % 16 != 0 || from % 16 != 0 || to % 16 != 0 || count % 16 != 0
                || from + count > srcChannels || to + count > dstChannels
                || src.length() < n * srcChannels * pixels || dst.length() < n * dstChannels * pixels) {
            throw new IllegalArgumentException("blocked slice copy: channels " + from + "+" + count + " of " + srcChannels + " into "
                    + to + " of " + dstChannels);
        }
        long s = DnnlConv.address(src).address(), d = DnnlConv.address(dst).address(), bytes = count * pixels * 4;
        for (long i = 0; i < n; i++) {
            long at = s + (i * srcChannels + from) * pixels * 4, into = d + (i * dstChannels + to) * pixels * 4;
            Pointer.memcpy(new Pointer() { { address = into; } }, new Pointer() { { address = at; } }, bytes);
        }
    }
}
