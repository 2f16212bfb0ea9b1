package dev.nnsh.ops.fast;

import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.NativeBuffers;

import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * GELU (exact erf or tanh approximation) over a dense float32 array on oneDNN's eltwise primitive, in
 * one vectorised pass into a fresh array (issue 11, tf). ND4J's composition took five passes and a
 * temporary per call (45 ms on ViT-B/16's 7.3M-float MLP activation). oneDNN's erf is a polynomial
 * approximation: within 2e-6·|y| + 5e-7 (tested) of 0.5·x·(1 + erf(x/√2)) in double (the absolute
 * part in the negative tail, where 1 + erf cancels in float). Returns null where
 * it does not apply (other dtypes, non-dense layouts, empty arrays, the path off); the caller keeps
 * ND4J's kernels. Off with -Dnnsh.dnnl.eltwise=off (or -Dnnsh.dnnl=off).
 */
public final class DnnlEltwise {
    private DnnlEltwise() {}

    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.dnnl"))
            && !"off".equals(System.getProperty("nnsh.dnnl.eltwise"));

    public static boolean enabled() { return enabled && InPlace.enabled() && Dnnl.available(); }

    /** For A/B measurements and tests. */
    public static void setEnabled(boolean on) { enabled = on; }

    private record Key(long length, int algorithm) {}

    private static final CompiledPrimitives<Key, Compiled> COMPILED = new CompiledPrimitives<>(c -> "compiled");

    /** GELU of x into a new array of x's shape, or null where this path does not apply. */
    public static INDArray gelu(INDArray x, boolean tanh) {
        if (!enabled() || x.dataType() != DataType.FLOAT || x.length() == 0 || !DnnlLayouts.denseRowMajor(x)) return null;
        Compiled c = COMPILED.get(new Key(x.length(), tanh ? dnnl_eltwise_gelu_tanh : dnnl_eltwise_gelu_erf), Compiled::new);
        if (c == null) return null;
        INDArray y = NativeBuffers.uninitialized(DataType.FLOAT, x.shape().clone());
        c.run(x, y);
        return y;
    }

    /** How many eltwise primitives are compiled (tests: shows the path ran). */
    public static int compiledPrimitives() { return COMPILED.size(); }

    private static final class Compiled {
        final dnnl_memory_desc_t data;
        final dnnl_memory_desc_t scratchpad;
        final dnnl_primitive primitive;

        Compiled(Key key) {
            data = Dnnl.stridedF32(new long[]{key.length()}, new long[]{1});
            dnnl_eltwise_desc_t desc = new dnnl_eltwise_desc_t();
            Dnnl.check(dnnl_eltwise_forward_desc_init(desc, dnnl_forward_inference, key.algorithm(), data, 0f, 0f),
                    "eltwise_forward_desc_init");
            dnnl_primitive_desc pd = Dnnl.primitiveDesc(desc, DnnlPostOps.NONE, false);
            try {
                scratchpad = Dnnl.scratchpad(pd);
                primitive = Dnnl.createPrimitive(pd);
            } finally {
                dnnl_primitive_desc_destroy(pd);
            }
        }

        void run(INDArray x, INDArray y) {
            Dnnl.execute(primitive, scratchpad, new int[]{DNNL_ARG_SRC, DNNL_ARG_DST}, new dnnl_memory_desc_t[]{data, data},
                    new org.bytedeco.javacpp.Pointer[]{DnnlConv.address(x), DnnlConv.address(y)});
        }
    }
}
