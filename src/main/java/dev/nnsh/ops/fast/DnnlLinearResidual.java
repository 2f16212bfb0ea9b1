package dev.nnsh.ops.fast;

import dev.nnsh.tensor.NativeBuffers;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_matmul_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * y = (x·Wᵀ + b)·γ + r on one oneDNN matmul (issue 11, tf): a linear layer whose result is scaled per
 * output feature and added to a residual, as ConvNeXt's block ends (layer scale, then the skip
 * connection), the scale and the sum as binary post-ops, so neither takes a pass of its own. x
 * [rows, in], r and y [rows, out] dense row-major; W [out, in] read where it lies (row-major or its
 * transpose), b and γ [out]. Null where it does not apply; the caller keeps the separate steps.
 * Follows {@link DnnlLinear}'s switches.
 */
public final class DnnlLinearResidual {
    private DnnlLinearResidual() {}

    private record Key(long rows, long in, long out, long weightOutStride, long weightInStride, boolean bias, boolean scaled) {}

    private static final CompiledPrimitives<Key, Compiled> COMPILED = new CompiledPrimitives<>(c -> c.implementation);

    /** (x·Wᵀ + b)·γ + r shaped as r (γ null: no scale), or null where this path does not apply. */
    public static INDArray linear(INDArray x, INDArray w, INDArray b, INDArray gamma, INDArray r) {
        if (!DnnlLinear.enabled() || x.dataType() != DataType.FLOAT || w.dataType() != DataType.FLOAT || w.rank() != 2) return null;
        long in = w.size(1), out = w.size(0);
        if (x.length() == 0 || x.size(x.rank() - 1) != in || !DnnlLayouts.denseRowMajor(x)) return null;
        long rows = x.length() / in;
        if (!DnnlLayouts.floatVectorOrNull(b, out) || !DnnlLayouts.floatVectorOrNull(gamma, out)) return null;
        if (r.dataType() != DataType.FLOAT || r.length() != rows * out || !DnnlLayouts.denseRowMajor(r)) return null;
        long[] ws = w.stride();
        long outStride = out == 1 ? in : ws[0], inStride = in == 1 ? 1 : ws[1];
        if (!(inStride == 1 && outStride == in || outStride == 1 && inStride == out)) return null;
        Compiled c = COMPILED.get(new Key(rows, in, out, outStride, inStride, b != null, gamma != null), Compiled::new);
        if (c == null) return null;
        INDArray y = NativeBuffers.uninitialized(DataType.FLOAT, r.shape().clone());
        c.run(x, w, b, gamma, r, y);
        return y;
    }

    /** How many shapes are compiled (tests: shows the path ran). */
    public static int compiledPrimitives() { return COMPILED.size(); }

    /** The source-1 argument of post-op {@code index} (oneDNN's DNNL_ARG_ATTR_MULTIPLE_POST_OP(index) | DNNL_ARG_SRC_1). */
    private static int postOpArg(int index) { return (index + 1) * DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE | DNNL_ARG_SRC_1; }

    private static final class Compiled {
        final dnnl_memory_desc_t src, weights, bias, scale, dst, scratchpad;
        final dnnl_primitive primitive;
        final String implementation;
        final boolean scaled;

        Compiled(Key s) {
            scaled = s.scaled();
            src = Dnnl.stridedF32(new long[]{s.rows(), s.in()}, new long[]{s.in(), 1});
            weights = Dnnl.stridedF32(new long[]{s.in(), s.out()}, new long[]{s.weightInStride(), s.weightOutStride()});
            bias = s.bias() ? Dnnl.stridedF32(new long[]{1, s.out()}, new long[]{s.out(), 1}) : null;
            scale = Dnnl.stridedF32(new long[]{1, s.out()}, new long[]{s.out(), 1});
            dst = Dnnl.stridedF32(new long[]{s.rows(), s.out()}, new long[]{s.out(), 1});
            dnnl_matmul_desc_t desc = new dnnl_matmul_desc_t();
            Dnnl.check(dnnl_matmul_desc_init(desc, src, weights, bias, dst), "matmul_desc_init");
            PointerPointer<Pointer> out = new PointerPointer<>(1);
            dnnl_primitive_attr attr = Dnnl.newAttr();
            dnnl_post_ops ops = null;
            dnnl_primitive_desc pd;
            try {
                Dnnl.check(dnnl_post_ops_create(out), "post_ops_create");
                ops = new dnnl_post_ops(out.get(0));
                if (scaled) Dnnl.check(dnnl_post_ops_append_binary(ops, dnnl_binary_mul, scale), "post_ops_append_binary");
                Dnnl.check(dnnl_post_ops_append_binary(ops, dnnl_binary_add, dst), "post_ops_append_binary");
                Dnnl.check(dnnl_primitive_attr_set_post_ops(attr, ops), "primitive_attr_set_post_ops");
                Dnnl.check(dnnl_primitive_desc_create(out, new const_dnnl_op_desc_t(desc), attr, Dnnl.engine(), null), "primitive_desc_create");
                pd = new dnnl_primitive_desc(out.get(0));
            } finally {
                if (ops != null) dnnl_post_ops_destroy(ops);
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

        void run(INDArray x, INDArray w, INDArray b, INDArray gamma, INDArray r, INDArray y) {
            int n = 4 + (bias != null ? 1 : 0) + (scaled ? 1 : 0), i = 0;
            int[] ids = new int[n];
            dnnl_memory_desc_t[] mds = new dnnl_memory_desc_t[n];
            Pointer[] at = new Pointer[n];
            ids[i] = DNNL_ARG_SRC; mds[i] = src; at[i++] = DnnlConv.address(x);
            ids[i] = DNNL_ARG_WEIGHTS; mds[i] = weights; at[i++] = DnnlConv.address(w);
            if (bias != null) { ids[i] = DNNL_ARG_BIAS; mds[i] = bias; at[i++] = DnnlConv.address(b); }
            ids[i] = DNNL_ARG_DST; mds[i] = dst; at[i++] = DnnlConv.address(y);
            if (scaled) { ids[i] = postOpArg(0); mds[i] = scale; at[i++] = DnnlConv.address(gamma); }
            ids[i] = postOpArg(scaled ? 1 : 0); mds[i] = dst; at[i] = DnnlConv.address(r);
            Dnnl.execute(primitive, scratchpad, ids, mds, at);
        }
    }
}
