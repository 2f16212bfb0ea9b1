package dev.nnsh.ops.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.tensor.NativeBuffers;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * issue 11 (mobile): convolutions whose source and destination stay in oneDNN's blocked layout nChw16c
 * (channels in blocks of 16, a block's 16 values adjacent; the channel count padded up to a multiple of 16,
 * the padding zero), so a run of them (MobileNetV2's expand → depthwise → project blocks) reorders only at
 * its two ends. On AVX-512 oneDNN 2.5 runs its jit_1x1 and jit_dw kernels on this layout; for channels-last
 * it picks brgconv_1x1 and brdgmm_dw, measured slower for the depthwise convolutions of the small networks.
 * A blocked activation is a flat float buffer ({@link #blockedLength}) with its logical [N, C, H, W] dims kept
 * by the caller. Returns null where oneDNN rejects a shape.
 */
public final class DnnlBlockedConv {
    private DnnlBlockedConv() {}

    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.dnnl.blocked"));

    /** Whether runs of convolutions may stay blocked ({@code -Dnnsh.dnnl.blocked=off}: never); also needs {@link DnnlConv#enabled}. */
    public static boolean enabled() { return enabled && DnnlConv.enabled(); }

    /** For A/B measurements and tests. */
    public static void setEnabled(boolean on) { enabled = on; }

    private static volatile boolean plainExcite = !"off".equals(System.getProperty("nnsh.dnnl.blocked.plainExcite"));

    /**
     * Whether a blocked run's squeeze-excitation 1×1 convolutions read and write their [N, C, 1, 1] operands as plain rows
     * where that is the same memory ({@code -Dnnsh.dnnl.blocked.plainExcite=off}: blocked, oneDNN's jit_1x1).
     */
    public static boolean plainExcite() { return plainExcite; }

    public static void setPlainExcite(boolean on) { plainExcite = on; }

    /** Floats of a blocked [N, C, H, W] activation (C rounded up to 16). */
    public static long blockedLength(long[] dims) {
        return dims[0] * ((dims[1] + 15) / 16 * 16) * dims[2] * dims[3];
    }

    /** A new blocked buffer (from the pool) for [N, C, H, W]; every primitive here writes all of it, padding included. */
    public static INDArray newBlocked(long[] dims) {
        return NativeBuffers.uninitialized(DataType.FLOAT, blockedLength(dims));
    }

    /** x (a 4-D float array in any plain strided layout: NCHW, channels-last) into a new blocked buffer. */
    public static INDArray toBlocked(INDArray x) {
        long[] dims = x.shape();
        INDArray out = newBlocked(dims);
        CompiledPair r = reorders(dims, x.stride());
        DnnlWeights.execute(r.in, DnnlConv.address(x), DnnlConv.address(out));
        return out;
    }

    /** A blocked activation of these dims copied into {@code into}, a 4-D [N, C, H, W] view of any plain strided layout. */
    public static void fromBlocked(INDArray blocked, long[] dims, INDArray into) {
        if (!Arrays.equals(dims, into.shape())) throw new IllegalArgumentException("blocked " + Arrays.toString(dims) + " into " + Arrays.toString(into.shape()));
        CompiledPair r = reorders(dims, into.stride());
        DnnlWeights.execute(r.out, DnnlConv.address(blocked), DnnlConv.address(into));
    }

    private record CompiledPair(DnnlWeights.CompiledReorder in, DnnlWeights.CompiledReorder out) {}

    private static final Map<List<Object>, CompiledPair> REORDERS = new HashMap<>();

    private static synchronized CompiledPair reorders(long[] dims, long[] strides) {
        List<Object> key = List.of(Arrays.toString(dims), Arrays.toString(strides));
        CompiledPair p = REORDERS.get(key);
        if (p == null) {
            dnnl_memory_desc_t plain = Dnnl.stridedF32(dims, strides), blocked = Dnnl.taggedF32(dims, dnnl_nChw16c);
            p = new CompiledPair(DnnlWeights.compile(plain, blocked, "blocked in " + Arrays.toString(dims)),
                    DnnlWeights.compile(blocked, plain, "blocked out " + Arrays.toString(dims)));
            if (REORDERS.size() < DnnlPrimitiveCache.LIMIT) REORDERS.put(key, p);
        }
        return p;
    }

    /** The output dims of a convolution over src dims (pad {top, bottom, left, right}). */
    public static long[] outputDims(long[] src, long outChannels, long kh, long kw, int[] stride, int[] pad, int[] dilation) {
        long oh = (src[2] + pad[0] + pad[1] - ((kh - 1) * dilation[0] + 1)) / stride[0] + 1;
        long ow = (src[3] + pad[2] + pad[3] - ((kw - 1) * dilation[1] + 1)) / stride[1] + 1;
        return new long[]{src[0], outChannels, oh, ow};
    }

    /**
     * act(conv(src)) + residual from and into blocked buffers: src of dims {@code srcDims}, w [O, C/groups, kH, kW]
     * (a plain float array), b [O] or null, residual (null: none) a blocked activation of the output's dims.
     * Returns a new blocked buffer of {@link #outputDims}, or null where oneDNN rejects the convolution.
     */
    public static INDArray conv2d(INDArray src, long[] srcDims, INDArray w, INDArray b, int[] stride, int[] pad, int[] dilation,
                                  int groups, DnnlPostOps act, INDArray residual) {
        return conv2d(src, srcDims, null, w, b, stride, pad, dilation, groups, act, residual, true);
    }

    /**
     * As above; {@code srcStrides} non-null: src is a plain strided 4-D array (a network's input) instead of a
     * blocked buffer; {@code blockedOut} false: the result is a new channels-last [N, O, OH, OW] view instead (a
     * run's last convolution). Null where oneDNN offers no jit kernel for this combination.
     */
    public static INDArray conv2d(INDArray src, long[] srcDims, long[] srcStrides, INDArray w, INDArray b, int[] stride, int[] pad,
                                  int[] dilation, int groups, DnnlPostOps act, INDArray residual, boolean blockedOut) {
        if (w.dataType() != DataType.FLOAT || w.rank() != 4 || b != null && b.dataType() != DataType.FLOAT) return null;
        long o = w.size(0), c = srcDims[1], kh = w.size(2), kw = w.size(3);
        long[] dstDims = outputDims(srcDims, o, kh, kw, stride, pad, dilation);
        if (dstDims[2] <= 0 || dstDims[3] <= 0) return null;
        if (w.ordering() != 'c' || !DnnlLayouts.denseRowMajor(w)) w = w.dup('c');
        if (b != null && (b.ordering() != 'c' || !DnnlLayouts.denseRowMajor(b))) b = b.dup('c');
        long[] weightDims = groups == 1 ? new long[]{o, c, kh, kw} : new long[]{groups, o / groups, c / groups, kh, kw};
        Key key = new Key(srcDims.clone(), srcStrides == null ? null : srcStrides.clone(), weightDims, b != null, stride.clone(), pad.clone(),
                dilation.clone(), act, residual != null, blockedOut);
        Primitive p = primitive(key);
        if (p == null) return null;
        INDArray weights = p.weightsFor(w);
        if (residual != null && !blockedOut) return null; // not needed: a residual sum stays inside a blocked run
        INDArray dst = blockedOut ? newBlocked(dstDims) : DnnlConv.newChannelsLast(dstDims[0], dstDims[1], dstDims[2], dstDims[3]);
        if (residual != null) Pointer.memcpy(DnnlConv.address(dst), DnnlConv.address(residual), blockedLength(dstDims) * 4);
        Dnnl.executeWeighted(p.primitive, p.scratchpad, p.src, p.weights, p.bias, p.dst, DnnlConv.address(src), DnnlConv.address(weights),
                b == null ? null : DnnlConv.address(b), DnnlConv.address(dst));
        return dst;
    }

    /**
     * The oneDNN implementation for this convolution (as {@link #conv2d}'s arguments; compiled and kept), or null
     * where it is rejected: a run asks for every convolution before it starts, so it never stops half-way.
     */
    public static String implementation(long[] srcDims, long[] srcStrides, long[] weightDims4, boolean bias, int[] stride, int[] pad,
                                        int[] dilation, int groups, DnnlPostOps act, boolean sum, boolean blockedOut) {
        long o = weightDims4[0];
        long[] wd = groups == 1 ? weightDims4.clone() : new long[]{groups, o / groups, weightDims4[1], weightDims4[2], weightDims4[3]};
        Primitive p = primitive(new Key(srcDims.clone(), srcStrides == null ? null : srcStrides.clone(), wd, bias, stride.clone(), pad.clone(),
                dilation.clone(), act, sum, blockedOut));
        return p == null ? null : p.implementation;
    }

    private record Key(long[] srcDims, long[] srcStrides, long[] weightDims, boolean bias, int[] stride, int[] pad, int[] dilation,
                       DnnlPostOps act, boolean sum, boolean blockedOut) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(srcDims, k.srcDims) && Arrays.equals(srcStrides, k.srcStrides)
                    && blockedOut == k.blockedOut && Arrays.equals(weightDims, k.weightDims) && bias == k.bias
                    && Arrays.equals(stride, k.stride) && Arrays.equals(pad, k.pad) && Arrays.equals(dilation, k.dilation) && act == k.act
                    && sum == k.sum;
        }

        @Override public int hashCode() {
            return Arrays.hashCode(new int[]{Arrays.hashCode(srcDims), Arrays.hashCode(srcStrides), Boolean.hashCode(blockedOut), Arrays.hashCode(weightDims), Boolean.hashCode(bias), Arrays.hashCode(stride),
                    Arrays.hashCode(pad), Arrays.hashCode(dilation), act.hashCode(), Boolean.hashCode(sum)});
        }
    }

    private static final Map<Key, Primitive> COMPILED = new HashMap<>();
    private static final Map<Key, Boolean> REJECTED = new HashMap<>();

    private static synchronized Primitive primitive(Key key) {
        Primitive p = COMPILED.get(key);
        if (p != null || REJECTED.containsKey(key)) return p;
        try {
            p = new Primitive(key);
        } catch (DnnlException e) {
            if (Boolean.getBoolean("nnsh.dnnl.debug")) System.err.println("blocked conv " + Arrays.toString(key.srcDims) + ": " + e.getMessage());
            if (REJECTED.size() < DnnlPrimitiveCache.LIMIT) REJECTED.put(key, Boolean.TRUE);
            return null;
        }
        if (Boolean.getBoolean("nnsh.dnnl.debug")) {
            System.err.println("blocked conv src " + Arrays.toString(key.srcDims) + " weights " + Arrays.toString(key.weightDims) + " " + key.act
                    + (key.sum ? " +sum" : "") + " -> " + p.implementation);
        }
        if (COMPILED.size() < DnnlPrimitiveCache.LIMIT) COMPILED.put(key, p);
        return p;
    }

    /** One compiled inference convolution, nChw16c in and out, weights in the layout it prefers. */
    private static final class Primitive {
        final dnnl_memory_desc_t src, weights, plainWeights, bias, dst, scratchpad;
        final dnnl_primitive primitive;
        final String implementation;
        private final IdentityWeakCache<INDArray, List<INDArray>> reordered = new IdentityWeakCache<>();

        Primitive(Key k) {
            long[] wd = k.weightDims;
            long[] dstDims = outputDims(k.srcDims, wd.length == 5 ? wd[0] * wd[1] : wd[0], wd[wd.length - 2], wd[wd.length - 1], k.stride, k.pad, k.dilation);
            src = k.srcStrides != null ? Dnnl.stridedF32(k.srcDims, k.srcStrides) : Dnnl.taggedF32(k.srcDims, dnnl_nChw16c);
            dst = k.blockedOut ? Dnnl.taggedF32(dstDims, dnnl_nChw16c) : Dnnl.taggedF32(dstDims, dnnl_nhwc);
            plainWeights = Dnnl.taggedF32(wd, wd.length == 5 ? dnnl_goihw : dnnl_oihw);
            bias = k.bias ? Dnnl.taggedF32(new long[]{dstDims[1]}, dnnl_x) : null;
            dnnl_convolution_desc_t desc = new dnnl_convolution_desc_t();
            Dnnl.check(dnnl_dilated_convolution_forward_desc_init(desc, dnnl_forward_inference, dnnl_convolution_direct, src,
                    Dnnl.taggedF32(wd, dnnl_format_tag_any), bias, dst, new long[]{k.stride[0], k.stride[1]},
                    new long[]{k.dilation[0] - 1, k.dilation[1] - 1}, new long[]{k.pad[0], k.pad[2]}, new long[]{k.pad[1], k.pad[3]}),
                    "dilated_convolution_forward_desc_init");
            // act, then the sum: act(conv) + residual, as the zoo's blocks compute it (torchvision's FusedMBConv without
            // expansion activates before its residual sum; the other blocks' last convolutions have no activation)
            dnnl_primitive_desc pd = Dnnl.primitiveDesc(desc, k.act, k.sum, true);
            try {
                implementation = Dnnl.implementation(pd);
                if (implementation.startsWith("ref")) throw new DnnlException("blocked conv: only " + implementation, dnnl_unimplemented);
                weights = Dnnl.copy(dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0));
                scratchpad = Dnnl.scratchpad(pd);
                primitive = Dnnl.createPrimitive(pd);
            } finally {
                dnnl_primitive_desc_destroy(pd);
            }
        }

        /** The weight reordered once into this primitive's layout, kept while the weight array lives. */
        INDArray weightsFor(INDArray w) {
            if (dnnl_memory_desc_equal(weights, plainWeights) != 0) return w;
            List<INDArray> one = reordered.get(w, x -> new ArrayList<>());
            synchronized (one) {
                if (one.isEmpty()) one.add(DnnlWeights.reorder(w, plainWeights, weights));
                return one.get(0);
            }
        }
    }
}
