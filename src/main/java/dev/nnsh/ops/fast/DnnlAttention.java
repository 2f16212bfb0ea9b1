package dev.nnsh.ops.fast;

import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_matmul_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_softmax_desc_t;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * The core of multi-head attention in eval, softmax(scale·q·kᵀ + additive)·v per head, on oneDNN
 * (issue 11, tf): q, k and v read where the packed in-projection left them (no head split copies),
 * q·kᵀ as one batched matmul over all batches and heads with the scale as its output scale, the
 * softmax in place on oneDNN's softmax, and the product with v written straight into the merged
 * [.., heads·headDim] layout the out-projection reads (no head merge copy). ND4J's path took a
 * reshape copy per head split, a scale pass, a batched gemm, a softmax into a new array, another
 * gemm and a transpose copy. Off with -Dnnsh.dnnl.attention=off (or -Dnnsh.dnnl=off).
 */
public final class DnnlAttention {
    private DnnlAttention() {}

    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.dnnl"))
            && !"off".equals(System.getProperty("nnsh.dnnl.attention"));

    public static boolean enabled() { return enabled && InPlace.enabled() && Dnnl.available(); }

    /** For A/B measurements and tests. */
    public static void setEnabled(boolean on) { enabled = on; }

    /**
     * Where the packed projection and the merged output lie: element (b, l, part, h, j) of qkv (part 0
     * q, 1 k, 2 v) at {@code b·bStride + l·lStride + part·E + h·d + j} (E = heads·d), element (b, l, h, j)
     * of the output at {@code b·outBStride + l·outLStride + h·d + j}.
     */
    public record Layout(long batch, long length, long heads, long headDim, long bStride, long lStride,
                         long outBStride, long outLStride) {
        long embed() { return heads * headDim; }
    }

    private record Key(Layout layout, float scale) {}

    private static final CompiledPrimitives<Key, Compiled> COMPILED = new CompiledPrimitives<>(c -> c.scores.implementation + ", " + c.weighted.implementation);

    /**
     * The merged attention output as a new dense array of {@code outShape} (laid out as {@code layout}
     * says), or null where this path does not apply. qkv a float32 array holding the packed projection;
     * {@code additive} null or a dense float32 [G, heads, L, L] added to the scaled scores of batch b
     * at b mod G (a relative position bias, a shifted-window mask).
     */
    public static INDArray attend(INDArray qkv, Layout layout, float scale, INDArray additive, long[] outShape) {
        if (!enabled() || qkv.dataType() != DataType.FLOAT || !DnnlLayouts.denseRowMajor(qkv)) return null;
        long b = layout.batch(), h = layout.heads(), l = layout.length();
        if (additive != null && (additive.dataType() != DataType.FLOAT || !DnnlLayouts.denseRowMajor(additive)
                || additive.rank() != 4 || additive.size(1) != h || additive.size(2) != l || additive.size(3) != l
                || b % additive.size(0) != 0)) return null;
        Compiled c = COMPILED.get(new Key(layout, scale), Compiled::new);
        if (c == null) return null;
        INDArray scores = NativeBuffers.uninitialized(DataType.FLOAT, b, h, l, l);
        INDArray out = NativeBuffers.uninitialized(DataType.FLOAT, outShape);
        Pointer base = DnnlConv.address(qkv);
        long e = layout.embed();
        c.scores.execute(at(base, 0), at(base, e), null, DnnlConv.address(scores));
        if (additive != null) {
            long g = additive.size(0);
            INDArray s5 = scores.reshape('c', b / g, g, h, l, l);
            Nd4j.exec(new AddOp(s5, additive.reshape('c', 1, g, h, l, l), s5));
        }
        c.softmax(scores);
        c.weighted.execute(DnnlConv.address(scores), at(base, 2 * e), null, DnnlConv.address(out));
        NativeBuffers.release(Tensor.of(scores), "attention scores");
        return out;
    }

    private static Pointer at(Pointer base, long floats) {
        long to = base.address() + floats * 4; // not named "address": Pointer's own field would shadow it
        return new Pointer() { { address = to; } };
    }

    /** How many attention shapes are compiled (tests: shows the path ran). */
    public static int compiledPrimitives() { return COMPILED.size(); }

    /** A batched matmul over [B, H] of strided operands, optionally with an output scale. */
    private static final class Matmul {
        final dnnl_memory_desc_t src, weights, dst, scratchpad;
        final dnnl_primitive primitive;
        final String implementation;

        Matmul(dnnl_memory_desc_t src, dnnl_memory_desc_t weights, dnnl_memory_desc_t dst, float scale) {
            this.src = src;
            this.weights = weights;
            this.dst = dst;
            dnnl_matmul_desc_t desc = new dnnl_matmul_desc_t();
            Dnnl.check(dnnl_matmul_desc_init(desc, src, weights, null, dst), "matmul_desc_init");
            PointerPointer<Pointer> out = new PointerPointer<>(1);
            dnnl_primitive_attr attr = Dnnl.newAttr();
            dnnl_primitive_desc pd;
            try {
                if (scale != 1f) Dnnl.check(dnnl_primitive_attr_set_output_scales(attr, 1, 0, new float[]{scale}), "primitive_attr_set_output_scales");
                Dnnl.check(dnnl_primitive_desc_create(out, new const_dnnl_op_desc_t(desc), attr, Dnnl.engine(), null), "primitive_desc_create");
                pd = new dnnl_primitive_desc(out.get(0));
            } finally {
                dnnl_primitive_attr_destroy(attr);
            }
            try {
                implementation = Dnnl.implementation(pd);
                if (implementation.startsWith("ref")) throw new DnnlException("matmul: only a reference implementation (" + implementation + ")", dnnl_unimplemented);
                scratchpad = Dnnl.scratchpad(pd);
                primitive = Dnnl.createPrimitive(pd);
            } finally {
                dnnl_primitive_desc_destroy(pd);
            }
        }

        void execute(Pointer srcData, Pointer weightData, Pointer unused, Pointer dstData) {
            Dnnl.executeWeighted(primitive, scratchpad, src, weights, null, dst, srcData, weightData, null, dstData);
        }
    }

    private static final class Compiled {
        final Matmul scores, weighted;
        final dnnl_memory_desc_t rows, softmaxScratch;
        final dnnl_primitive softmax;

        Compiled(Key key) {
            Layout t = key.layout();
            long b = t.batch(), h = t.heads(), l = t.length(), d = t.headDim();
            long[] qDims = {b, h, l, d}, qStrides = {t.bStride(), d, t.lStride(), 1};
            long[] kDims = {b, h, d, l}, kStrides = {t.bStride(), d, 1, t.lStride()};
            long[] sDims = {b, h, l, l}, sStrides = {h * l * l, l * l, l, 1};
            long[] oStrides = {t.outBStride(), d, t.outLStride(), 1};
            scores = new Matmul(Dnnl.stridedF32(qDims, qStrides), Dnnl.stridedF32(kDims, kStrides), Dnnl.stridedF32(sDims, sStrides), key.scale());
            weighted = new Matmul(Dnnl.stridedF32(sDims, sStrides), Dnnl.stridedF32(qDims, qStrides), Dnnl.stridedF32(qDims, oStrides), 1f);
            rows = Dnnl.stridedF32(new long[]{b * h * l, l}, new long[]{l, 1});
            dnnl_softmax_desc_t desc = new dnnl_softmax_desc_t();
            Dnnl.check(dnnl_softmax_forward_desc_init(desc, dnnl_forward_inference, rows, 1), "softmax_forward_desc_init");
            dnnl_primitive_desc pd = Dnnl.primitiveDesc(desc, DnnlPostOps.NONE, false);
            try {
                softmaxScratch = Dnnl.scratchpad(pd);
                softmax = Dnnl.createPrimitive(pd);
            } finally {
                dnnl_primitive_desc_destroy(pd);
            }
        }

        /** Softmax along the last dim, in place. */
        void softmax(INDArray scores) {
            Pointer p = DnnlConv.address(scores);
            Dnnl.execute(softmax, softmaxScratch, new int[]{DNNL_ARG_SRC, DNNL_ARG_DST}, new dnnl_memory_desc_t[]{rows, rows}, new Pointer[]{p, p});
        }
    }
}
