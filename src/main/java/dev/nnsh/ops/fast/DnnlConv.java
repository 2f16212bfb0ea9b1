package dev.nnsh.ops.fast;

import java.util.Arrays;

import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.NativeBuffers;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D convolution straight on oneDNN: float32, any groups as one primitive (depthwise included),
 * stride, dilation, asymmetric padding, bias, and fused post-ops (a residual sum, then ReLU or
 * ReLU6). The result is channels-last: an [N, H, W, C] buffer returned as its [N, C, H, W] view,
 * so that the next convolution reads it without a reorder; a channels-last input is read as it is,
 * a contiguous NCHW one is reordered once. Shapes are checked by the caller ({@code ConvOps}).
 * Returns null where it does not apply (other dtypes, empty tensors, fast paths off, oneDNN
 * missing or rejecting the shape), and the caller keeps ND4J's kernel.
 */
public final class DnnlConv {
    private DnnlConv() {}

    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.dnnl"));

    /** Whether the direct oneDNN convolution runs at all (also off with the other fast paths). */
    public static boolean enabled() { return enabled && InPlace.enabled() && Dnnl.available(); }

    /** For A/B measurements of this path alone (the other fast paths stay as they are). */
    public static void setEnabled(boolean on) { enabled = on; }

    /** issue 11 (wino): whether eligible 3×3 convolutions run on oneDNN's Winograd ({@code -Dnnsh.winograd=off}: never). */
    public static boolean winogradEnabled() { return DnnlWinograd.enabled(); }

    /** issue 11 (wino): how many convolutions ran on Winograd so far (tests check which path a pass took). */
    public static long winogradRuns() { return DnnlWinograd.runs(); }

    /** issue 11 (wino): whether this CPU has oneDNN's f32 Winograd (AVX-512). */
    public static boolean winogradSupported() { return DnnlWinograd.supported(); }

    /** issue 11 (wino): for A/B measurements and tests of Winograd against direct convolution. */
    public static void setWinogradEnabled(boolean on) { DnnlWinograd.setEnabled(on); }

    /**
     * x [N, C, H, W], w [O, C/groups, kH, kW], b [O] or null, pad {top, bottom, left, right};
     * {@code residual} (null for none) [N, O, OH, OW] is added before {@code act}.
     */
    public static INDArray conv2d(INDArray x, INDArray w, INDArray b, int[] stride, int[] pad, int[] dilation, int groups,
                                  DnnlPostOps act, INDArray residual) {
        return conv2d(x, w, b, stride, pad, dilation, groups, act, residual, true);
    }

    /**
     * As above, with the result's layout chosen: channels-last, or a plain NCHW 'c' array (what
     * ND4J's own ops downstream read fastest); the input is then read in whichever layout it has.
     */
    public static INDArray conv2d(INDArray x, INDArray w, INDArray b, int[] stride, int[] pad, int[] dilation, int groups,
                                  DnnlPostOps act, INDArray residual, boolean channelsLastOut) {
        return run(x, w, b, stride, pad, dilation, groups, act, residual, channelsLastOut, null);
    }

    /**
     * The convolution written into {@code into}, an [N, O, OH, OW] view of channels-last memory whose
     * pixel stride may exceed O (a channel slice of a larger buffer: a concatenation without a copy).
     * Returns {@code into}, or null where this path does not apply (nothing is written then).
     */
    public static INDArray conv2dInto(INDArray x, INDArray w, INDArray b, int[] stride, int[] pad, int[] dilation, int groups,
                                      DnnlPostOps act, INDArray into) {
        if (!channelsLastStrided(into)) return null;
        if (channelsLast(into)) return run(x, w, b, stride, pad, dilation, groups, act, null, true, into);
        // oneDNN's fast kernels take dense layouts only (a wider pixel stride gets its reference kernel):
        // compute into a reused scratch buffer, then copy
        long[] d = into.shape();
        INDArray dense = run(x, w, b, stride, pad, dilation, groups, act, null, true, scratchChannelsLast(1, d[0], d[1], d[2], d[3]));
        if (dense == null) return null;
        copy(dense, into);
        return into;
    }

    private static INDArray run(INDArray x, INDArray w, INDArray b, int[] stride, int[] pad, int[] dilation, int groups,
                                DnnlPostOps act, INDArray residual, boolean channelsLastOut, INDArray into) {
        if (!applies(x, w, b, residual)) return null;
        long n = x.size(0), c = x.size(1), h = x.size(2), wd = x.size(3);
        long o = w.size(0), kh = w.size(2), kw = w.size(3);
        long oh = (h + pad[0] + pad[1] - ((kh - 1) * dilation[0] + 1)) / stride[0] + 1;
        long ow = (wd + pad[2] + pad[3] - ((kw - 1) * dilation[1] + 1)) / stride[1] + 1;
        if (oh <= 0 || ow <= 0 || n * c * h * wd == 0) return null;
        if (into != null && (into.dataType() != DataType.FLOAT || !Arrays.equals(into.shape(), new long[]{n, o, oh, ow}))) return null;
        INDArray src = channelsLast(x) || !channelsLastOut && x.ordering() == 'c' && DnnlLayouts.denseRowMajor(x) ? x
                : channelsLastOut ? toScratchChannelsLast(x) : x.dup('c');
        if (w.ordering() != 'c' || !DnnlLayouts.denseRowMajor(w)) w = w.dup('c');
        if (b != null && (b.ordering() != 'c' || !DnnlLayouts.denseRowMajor(b))) b = b.dup('c');
        long[] weightDims = groups == 1 ? new long[]{o, c, kh, kw} : new long[]{groups, o / groups, c / groups, kh, kw};
        long[] dstDims = {n, o, oh, ow};
        long[] dstStrides = into != null ? into.stride() : channelsLastOut ? channelsLastStrides(dstDims) : new long[]{o * oh * ow, oh * ow, ow, 1};
        DnnlConvShape shape = new DnnlConvShape(new long[]{n, c, h, wd}, src.stride(), dstDims, dstStrides,
                weightDims, b != null, new long[]{stride[0], stride[1]}, new long[]{dilation[0], dilation[1]},
                new long[]{pad[0], pad[2]}, new long[]{pad[1], pad[3]}, act, residual != null, false);
        DnnlWinograd.Batched wino = DnnlWinograd.eligible(c, o, kh, kw, stride, dilation, groups)
                ? DnnlWinograd.plan(shape) : null; // issue 11 (wino): null where it cannot be made
        boolean alone = wino == null && DnnlThreads.alone(n * o * oh * ow * (c / groups) * kh * kw); // issue 11 (small)
        DnnlConvPrimitive p = wino != null ? null : alone ? DnnlPrimitiveCache.getAlone(shape) : DnnlPrimitiveCache.get(shape); // issue 11 (small)
        if (p == null && wino == null) return null;
        INDArray weights = p == null ? w : DnnlWeights.forPrimitive(w, p);
        INDArray view = into != null ? into : channelsLastOut ? newOutput(n, oh, ow, o).permute(0, 3, 1, 2) : newOutput(n, o, oh, ow);
        if (residual != null) copyInto(view, residual);
        if (wino != null) wino.execute(w, address(src), b == null ? null : address(b), address(view)); // issue 11 (wino)
        else if (alone) executeAlone(p, src, weights, b, view); // issue 11 (small)
        else p.execute(address(src), address(weights), b == null ? null : address(b), address(view));
        return view;
    }

    /** issue 11 (small): a primitive {@link DnnlPrimitiveCache#getAlone} made, run with the calling thread's OpenMP regions at one thread. */
    private static void executeAlone(DnnlConvPrimitive p, INDArray src, INDArray weights, INDArray b, INDArray dst) {
        int threads = DnnlThreads.single();
        try {
            p.execute(address(src), address(weights), b == null ? null : address(b), address(dst));
        } finally {
            DnnlThreads.restore(threads);
        }
    }

    private static boolean applies(INDArray x, INDArray w, INDArray b, INDArray residual) {
        if (!enabled()) return false;
        if (x.rank() != 4 || w.rank() != 4 || x.dataType() != DataType.FLOAT || w.dataType() != DataType.FLOAT) return false;
        if (b != null && b.dataType() != DataType.FLOAT) return false;
        if (residual != null && residual.dataType() != DataType.FLOAT) return false;
        return true;
    }

    /** Every buffer this path hands out is made here (one place to swap for a pool). */
    private static INDArray newOutput(long... shape) {
        return NativeBuffers.uninitialized(DataType.FLOAT, shape);
    }

    /** True when a 4-D [N, C, H, W] array is laid out as a dense [N, H, W, C] buffer. */
    public static boolean channelsLast(INDArray x) {
        if (x.rank() != 4) return false;
        long[] s = x.stride(), d = x.shape();
        return s[1] == 1 && s[3] == d[1] && s[2] == d[1] * d[3] && s[0] == d[1] * d[2] * d[3]
                || x.length() == 1;
    }

    /**
     * True for a 4-D [N, C, H, W] view of channels-last memory in which channels are adjacent and
     * pixels P ≥ C floats apart: a dense channels-last array (P = C) or a channel slice of a wider one.
     */
    public static boolean channelsLastStrided(INDArray x) {
        if (x == null || x.rank() != 4) return false;
        long[] s = x.stride(), d = x.shape();
        if (d[1] > 1 && s[1] != 1) return false;
        long pixel = s[3];
        if (pixel < d[1]) return false;
        return (d[2] == 1 || s[2] == pixel * d[3]) && (d[0] == 1 || s[0] == pixel * d[3] * d[2]);
    }

    /** The [N, C, H, W] view of a new, uninitialised channels-last float buffer. */
    public static INDArray newChannelsLast(long n, long c, long h, long w) {
        return newOutput(n, h, w, c).permute(0, 3, 1, 2);
    }

    /** Copies values into a view of any layout (oneDNN's reorder between plain strided layouts). */
    public static void copy(INDArray values, INDArray into) {
        if (values.dataType() != DataType.FLOAT || into.dataType() != DataType.FLOAT || !Dnnl.available()) {
            into.assign(values);
            return;
        }
        long[] dims = values.shape();
        DnnlWeights.runStrided(dims, values.stride(), into.stride(), address(values), address(into)); // issue 11 (dense): compiled once
    }

    private static long[] channelsLastStrides(long[] nchw) {
        long c = nchw[1], h = nchw[2], w = nchw[3];
        return new long[]{c * h * w, 1, w * c, c};
    }

    /** A channels-last copy of x in scratch slot 0: only for an input that is read once, right away. */
    private static INDArray toScratchChannelsLast(INDArray x) {
        INDArray view = scratchChannelsLast(0, x.size(0), x.size(1), x.size(2), x.size(3));
        copy(x, view);
        return view;
    }

    private static final ThreadLocal<INDArray[]> SCRATCH = ThreadLocal.withInitial(() -> new INDArray[2]);

    /**
     * An [N, C, H, W] view of a reused channels-last buffer (per thread, grown as needed) for a
     * temporary that never leaves this class: slot 0 a reordered input, slot 1 a result that is
     * copied on at once. Saves an allocation (and its first-touch page faults) per call.
     */
    private static INDArray scratchChannelsLast(int slot, long n, long c, long h, long w) {
        long length = n * c * h * w;
        INDArray[] slots = SCRATCH.get();
        if (slots[slot] == null || slots[slot].length() < length) slots[slot] = newOutput(length);
        return Nd4j.create(slots[slot].data(), new long[]{n, h, w, c}, new long[]{h * w * c, w * c, c, 1}, 0, 'c')
                .permute(0, 3, 1, 2);
    }

    private static void copyInto(INDArray channelsLastView, INDArray values) {
        if (Arrays.equals(values.stride(), channelsLastView.stride()) && (channelsLast(values) || values.ordering() == 'c' && DnnlLayouts.denseRowMajor(values))) {
            Pointer.memcpy(address(channelsLastView), address(values), values.length() * 4);
        } else if (values.ordering() == 'c' && DnnlLayouts.denseRowMajor(values)) {
            long[] dims = values.shape();
            DnnlWeights.runStrided(dims, values.stride(), channelsLastView.stride(), address(values), address(channelsLastView));
        } else {
            channelsLastView.assign(values);
        }
    }

    /**
     * The native address of an array's first element. A view's data() is itself a view buffer
     * whose address already includes the view's offset (so a.offset() is not added again).
     */
    static Pointer address(INDArray a) {
        Pointer base = a.data().addressPointer();
        long at = base.address() + base.position() * a.data().getElementSize();
        return new Pointer() { { address = at; } };
    }
}
