package dev.nnsh.ops.fast;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * oneDNN's Winograd convolution for eval 3×3 stride-1 convolutions: F(4×4, 3×3) does a quarter of a
 * direct convolution's multiplications (F(2×2, 3×3), which oneDNN picks at batch 1–2, 1/2.25) plus
 * the tile transforms; measured 0.4–0.6 of the direct convolution's time on real layers. Its kernel ({@code jit_wino_4x3}) takes only the blocked layout
 * nChw16c for source and destination, so each run reorders the plain (NCHW or channels-last) input
 * into a blocked buffer, convolves into another, and reorders the result into the plain output the
 * caller gets: every consumer sees an ordinary strided array. A residual (sum post-op) already
 * copied into the plain output is reordered into the blocked destination first. Off with
 * {@code -Dnnsh.winograd=off}; where oneDNN cannot create it (ReLU6 as post-op, a layout or shape
 * it rejects), the direct convolution runs instead.
 */
final class DnnlWinograd {
    private DnnlWinograd() {}

    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.winograd"));

    static boolean enabled() { return enabled; }

    static void setEnabled(boolean on) { enabled = on; }

    /**
     * Whether a convolution is tried with Winograd: 3×3, stride 1, dilation 1, one group, input and
     * output channels multiples of 16 (nChw16c's block: no padded channels to reorder and convolve;
     * the seed's first convolution, with one input channel, and RGB stems stay direct). Every such
     * layer of the zoo measured faster or even at batch 12, 1 thread (16→16 at 56×56 to 512→512 at 7×7).
     */
    static boolean eligible(long inChannels, long outChannels, long kh, long kw, int[] stride, int[] dilation, int groups) {
        return enabled && kh == 3 && kw == 3 && stride[0] == 1 && stride[1] == 1 && dilation[0] == 1 && dilation[1] == 1
                && groups == 1 && inChannels > 0 && inChannels % 16 == 0 && outChannels % 16 == 0;
    }

    /**
     * Blocked source and destination bytes per Winograd run (at least one image): a batch is convolved
     * a few images at a time so that the blocked buffers and the kernel's scratchpad (transformed
     * tiles, about 2.8× the blocked buffers) stay small instead of growing with the batch (the seed
     * network's second convolution at batch 12: 115 MB of blocked buffers and a 268 MB scratchpad in
     * one run; peak RSS of its pass 1581 MiB in one run, 1319 MiB in runs of about 16 MiB, same time).
     * Fewer, longer runs matter on a busy machine: each run adds parallel regions (two reorders and
     * the kernel's), and a region waits for a descheduled thread.
     */
    static final long RUN_BYTES = Long.getLong("nnsh.winograd.runBytes", 16L << 20);
    private static volatile long runBytes = RUN_BYTES;

    /** For tests: the size a run's blocked buffers aim at (default {@link #RUN_BYTES}). */
    static void setRunBytes(long bytes) { runBytes = bytes; }

    /**
     * Smallest convolution (multiply-adds over the whole batch) tried with Winograd; 0: every eligible
     * one. On a busy machine each of Winograd's extra parallel regions waits for a descheduled thread,
     * and convolutions of about 1.4e9 multiply-adds (ResNet's, at batch 12) lost there while the seed's
     * and VGG's (5e9–2.2e10) still won; on a quiet machine the regions cost microseconds.
     */
    static final double MIN_MACS = Double.parseDouble(System.getProperty("nnsh.winograd.minMacs", "0"));
    private static volatile double minMacs = MIN_MACS;

    /** For tests: the smallest convolution tried (default {@link #MIN_MACS}). */
    static void setMinMacs(double macs) { minMacs = macs; }

    /**
     * The Winograd primitives for {@code direct}'s convolution, k images per run and the rest in a
     * last run, or null where oneDNN cannot make them (the caller then runs the direct one).
     */
    static Batched plan(DnnlConvShape direct) {
        long[] src = direct.srcDims(), dst = direct.dstDims();
        if ((double) dst[0] * dst[1] * dst[2] * dst[3] * src[1] * 9 < minMacs) return null;
        long n = src[0], perImage = 4 * (src[1] * src[2] * src[3] + dst[1] * dst[2] * dst[3]);
        long runs = Math.max(1, Math.min(n, (n * perImage + runBytes - 1) / runBytes)); // as few runs as keep near runBytes,
        long k = (n + runs - 1) / runs;                                                 // of equal size where they can be
        DnnlConvShape wino = direct.withWinograd(true);
        DnnlConvPrimitive full = DnnlPrimitiveCache.get(wino.withBatch(k));
        DnnlConvPrimitive last = n % k == 0 ? full : DnnlPrimitiveCache.get(wino.withBatch(n % k));
        return full == null || last == null ? null : new Batched(full, last, k, n, 4 * direct.srcStrides()[0], 4 * direct.dstStrides()[0]);
    }

    /** A batch's convolution as runs of {@code k} images on {@code full}, the remainder on {@code last}. */
    record Batched(DnnlConvPrimitive full, DnnlConvPrimitive last, long k, long n, long srcImageBytes, long dstImageBytes) {
        /** {@code weight} is the plain weight array (each primitive gets it in its own layout). */
        void execute(org.nd4j.linalg.api.ndarray.INDArray weight, Pointer src, Pointer bias, Pointer dst) {
            for (long at = 0; at < n; at += k) {
                DnnlConvPrimitive p = at + k <= n ? full : last;
                p.execute(offset(src, at * srcImageBytes), DnnlConv.address(DnnlWeights.forPrimitive(weight, p)), bias,
                        offset(dst, at * dstImageBytes));
            }
        }

        private static Pointer offset(Pointer p, long bytes) {
            long at = p.address() + bytes;
            return new Pointer() { { address = at; } };
        }
    }

    private static volatile Boolean supported;

    /**
     * Whether this CPU has oneDNN's f32 Winograd at all (its kernels need AVX-512; elsewhere every
     * eligible convolution falls back to direct): a small one is compiled once to find out.
     */
    static boolean supported() {
        if (supported == null) {
            long[] dims = {1, 16, 8, 8}, strides = {1024, 1, 128, 16};
            DnnlConvShape probe = new DnnlConvShape(dims, strides, dims, strides, new long[]{16, 16, 3, 3}, false, new long[]{1, 1},
                    new long[]{1, 1}, new long[]{1, 1}, new long[]{1, 1}, DnnlPostOps.NONE, false, true);
            supported = Dnnl.available() && DnnlPrimitiveCache.get(probe) != null;
        }
        return supported;
    }

    /**
     * issue 11 (mem): how Winograd gets its weights. For inference oneDNN takes them already
     * transformed (a 6×6 tile per 3×3 filter: 4× the plain weights, kept per layer: the seed network's
     * 141 MiB, wide_resnet50_2's about 700 MiB), and its reorder into that form is too slow to run per
     * call (about 0.1 s for a 512→512 layer). By default the primitive is instead made for
     * forward_training: it takes the weights blocked (OIhw16i16o, the same size as the plain ones,
     * kept per layer like the direct convolution's) and transforms them itself at each call, with its
     * vectorised parallel kernel, into its scratchpad's weight part — which the inference primitive
     * reserves too but leaves unused. Same kernel and arithmetic otherwise.
     * {@code -Dnnsh.winograd.weights=cached} keeps the transformed weights per layer instead.
     */
    static final boolean WEIGHTS_CACHED = "cached".equals(System.getProperty("nnsh.winograd.weights"));
    private static volatile boolean weightsPerCall = !WEIGHTS_CACHED;

    static boolean weightsPerCall() { return weightsPerCall; }

    /** For A/B measurements and tests: transformed per call (true) or cached per layer (false); primitives compiled before keep their mode. */
    static void setWeightsPerCall(boolean on) { weightsPerCall = on; }

    /**
     * issue 11 (mem): the smallest transformed weights (bytes: 36·I·O floats) that are transformed per call;
     * smaller ones are kept transformed (little memory: the seed's two smallest layers 5.9 MB in all), which
     * saves their per-run transform, one more parallel region per run for layers of many short runs.
     * {@code -Dnnsh.winograd.perCallFrom} (0: every layer per call).
     */
    static final long PER_CALL_FROM = Long.getLong("nnsh.winograd.perCallFrom", 8L << 20);
    private static volatile long perCallFrom = PER_CALL_FROM;

    static long perCallFrom() { return perCallFrom; }

    /** For tests and A/B measurements (default {@link #PER_CALL_FROM}). */
    static void setPerCallFrom(long bytes) { perCallFrom = bytes; }

    /** The blocked layout of an [N, C, H, W] activation. */
    static dnnl_memory_desc_t blocked(long[] dims) { return Dnnl.taggedF32(dims, dnnl_nChw16c); }

    /** The reorders between a Winograd primitive's plain and blocked source and destination. */
    static final class Boundary {
        private final DnnlWeights.CompiledReorder srcIn, dstIn, dstOut;
        private final long srcBytes, dstBytes;
        private final String implementation;

        Boundary(String implementation, dnnl_memory_desc_t plainSrc, dnnl_memory_desc_t blockedSrc, dnnl_memory_desc_t blockedDst,
                 dnnl_memory_desc_t plainDst, boolean sum) {
            this.implementation = implementation;
            srcIn = DnnlWeights.compile(plainSrc, blockedSrc, "winograd source in");
            dstOut = DnnlWeights.compile(blockedDst, plainDst, "winograd result out");
            dstIn = sum ? DnnlWeights.compile(plainDst, blockedDst, "winograd residual in") : null;
            srcBytes = dnnl_memory_desc_get_size(blockedSrc);
            dstBytes = dnnl_memory_desc_get_size(blockedDst);
        }

        /** Reorders in, runs {@code conv} on the two blocked buffers (source, destination), reorders out. */
        void execute(Pointer plainSrc, Pointer plainDst, java.util.function.BiConsumer<Pointer, Pointer> conv) {
            synchronized (Dnnl.class) { // the blocked buffers are shared, like the scratchpad
                Pointer src = buffer(0, srcBytes), dst = buffer(1, dstBytes);
                DnnlWeights.execute(srcIn, plainSrc, src);
                if (dstIn != null) DnnlWeights.execute(dstIn, plainDst, dst);
                conv.accept(src, dst);
                RUNS.merge(implementation, 1L, Long::sum);
                DnnlWeights.execute(dstOut, dst, plainDst);
            }
        }
    }

    private static final BytePointer[] BUFFERS = new BytePointer[2];
    private static final long[] BYTES = new long[2];

    /** Shared blocked buffer {@code slot}, at least {@code bytes} long, 64-byte aligned; callers hold Dnnl's lock. */
    private static Pointer buffer(int slot, long bytes) {
        if (BUFFERS[slot] == null || BYTES[slot] < bytes) {
            if (BUFFERS[slot] != null) BUFFERS[slot].close();
            BUFFERS[slot] = new BytePointer(bytes + 64);
            BYTES[slot] = bytes;
        }
        long at = (BUFFERS[slot].address() + 63) & ~63L;
        return new Pointer() { { address = at; } };
    }

    /** issue 11 (mem): bytes of the two shared blocked buffers now allocated. */
    static long blockedBytes() {
        synchronized (Dnnl.class) { return (BUFFERS[0] == null ? 0 : BYTES[0]) + (BUFFERS[1] == null ? 0 : BYTES[1]); }
    }

    private static final java.util.Map<String, Long> RUNS = new java.util.HashMap<>();

    /** How many convolutions ran on Winograd so far (tests check which path a call took). */
    static long runs() {
        synchronized (Dnnl.class) { return RUNS.values().stream().mapToLong(Long::longValue).sum(); }
    }

    /** How many ran on the oneDNN implementation named so (jit_wino_4x3:avx512_core, jit_fp32_wino_2x3:avx512_core). */
    static long runs(String implementation) {
        synchronized (Dnnl.class) { return RUNS.getOrDefault(implementation, 0L); }
    }
}
