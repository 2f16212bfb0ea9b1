package dev.nnsh.ops.fast;

import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.NativeBuffers;

import org.bytedeco.dnnl.dnnl_layer_normalization_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * LayerNorm over the last dimension of a dense float32 array on oneDNN's layer normalization
 * (forward inference: statistics computed per row, weight and bias applied in the same pass; issue
 * 11, tf). ND4J's version took a mean, a variance, a subtract, a divide and two broadcasts, each a
 * pass over memory. Returns null where it does not apply (other dtypes, non-dense layouts, the path
 * off); the caller keeps ND4J's. Off with -Dnnsh.dnnl.layernorm=off (or -Dnnsh.dnnl=off).
 */
public final class DnnlLayerNorm {
    private DnnlLayerNorm() {}

    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.dnnl"))
            && !"off".equals(System.getProperty("nnsh.dnnl.layernorm"));

    public static boolean enabled() { return enabled && InPlace.enabled() && Dnnl.available(); }

    /** For A/B measurements and tests. */
    public static void setEnabled(boolean on) { enabled = on; }

    private record Key(long rows, long features, float eps, boolean scale, boolean shift) {}

    private static final CompiledPrimitives<Key, Compiled> COMPILED = new CompiledPrimitives<>(c -> c.implementation);

    /**
     * (x − mean)/√(var + eps)·weight + bias over x's last dimension {@code features} (weight and bias
     * [features] dense float32, either may be null), into a new array; null where this path does not apply.
     */
    public static INDArray layerNorm(INDArray x, long features, INDArray weight, INDArray bias, double eps) {
        if (!enabled() || x.dataType() != DataType.FLOAT || x.length() == 0 || features <= 0 || x.length() % features != 0
                || !DnnlLayouts.denseRowMajor(x)) return null;
        if (!DnnlLayouts.floatVectorOrNull(weight, features) || !DnnlLayouts.floatVectorOrNull(bias, features)) return null;
        Compiled c = COMPILED.get(new Key(x.length() / features, features, (float) eps, weight != null, bias != null), Compiled::new);
        if (c == null) return null;
        INDArray y = NativeBuffers.uninitialized(DataType.FLOAT, x.shape().clone());
        c.run(x, weight, bias, y);
        return y;
    }

    /** How many layer-norm primitives are compiled (tests: shows the path ran). */
    public static int compiledPrimitives() { return COMPILED.size(); }

    private static final class Compiled {
        final dnnl_memory_desc_t data;
        final dnnl_memory_desc_t vector;
        final dnnl_memory_desc_t scratchpad;
        final dnnl_primitive primitive;
        final String implementation;
        final boolean scale, shift;

        Compiled(Key key) {
            scale = key.scale();
            shift = key.shift();
            data = Dnnl.stridedF32(new long[]{key.rows(), key.features()}, new long[]{key.features(), 1});
            vector = Dnnl.stridedF32(new long[]{key.features()}, new long[]{1});
            int flags = (scale ? dnnl_use_scale : 0) | (shift ? dnnl_use_shift : 0);
            dnnl_layer_normalization_desc_t desc = new dnnl_layer_normalization_desc_t();
            Dnnl.check(dnnl_layer_normalization_forward_desc_init(desc, dnnl_forward_inference, data, null, key.eps(), flags),
                    "layer_normalization_forward_desc_init");
            dnnl_primitive_desc pd = Dnnl.primitiveDesc(desc, DnnlPostOps.NONE, false);
            try {
                implementation = Dnnl.implementation(pd);
                scratchpad = Dnnl.scratchpad(pd);
                primitive = Dnnl.createPrimitive(pd);
            } finally {
                dnnl_primitive_desc_destroy(pd);
            }
        }

        void run(INDArray x, INDArray weight, INDArray bias, INDArray y) {
            int n = 2 + (scale ? 1 : 0) + (shift ? 1 : 0);
            int[] ids = new int[n];
            dnnl_memory_desc_t[] mds = new dnnl_memory_desc_t[n];
            Pointer[] at = new Pointer[n];
            int i = 0;
            ids[i] = DNNL_ARG_SRC; mds[i] = data; at[i++] = DnnlConv.address(x);
            ids[i] = DNNL_ARG_DST; mds[i] = data; at[i++] = DnnlConv.address(y);
            if (scale) { ids[i] = DNNL_ARG_SCALE; mds[i] = vector; at[i++] = DnnlConv.address(weight); }
            if (shift) { ids[i] = DNNL_ARG_SHIFT; mds[i] = vector; at[i] = DnnlConv.address(bias); }
            Dnnl.execute(primitive, scratchpad, ids, mds, at);
        }
    }
}
