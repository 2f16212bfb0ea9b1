package dev.nnsh.ops.fast;

import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.NativeBuffers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A linear layer's y = act(x·Wᵀ + b) on oneDNN's matmul (its brgemm kernel), float32: x a dense
 * row-major [rows, in] array (any rank, the last dim the features), W [out, in] read where it lies
 * (row-major or a transposed view), b [out] or null, ReLU/ReLU6 fused. At the classifier shapes of
 * VGG and AlexNet (batch 12, bound by reading the weight) this took 0.17-0.40 of ND4J's gemm
 * time. Shapes are checked by the caller ({@code LinearOps}); returns null where it does not apply
 * (other dtypes or layouts, empty arrays, fast paths off, oneDNN missing or rejecting the shape),
 * and the caller keeps ND4J's product. Primitives are compiled once per shape and kept.
 */
public final class DnnlLinear {
    private DnnlLinear() {}

    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.dnnl"))
            && !"off".equals(System.getProperty("nnsh.dnnl.linear"));

    /** Whether linear layers run here at all (off with -Dnnsh.dnnl=off, -Dnnsh.dnnl.linear=off or the other fast paths). */
    public static boolean enabled() { return enabled && InPlace.enabled() && Dnnl.available(); }

    /** For A/B measurements of this path alone. */
    public static void setEnabled(boolean on) { enabled = on; }

    private static final CompiledPrimitives<DnnlMatmulShape, DnnlMatmulPrimitive> COMPILED = new CompiledPrimitives<>(
            p -> p.implementation + ", scratchpad " + p.scratchpadBytes + " bytes");

    /** act(x·Wᵀ + b) with the result shaped as x with its last dim {@code out}, or null where this path does not apply. */
    public static INDArray linear(INDArray x, INDArray w, INDArray b, DnnlPostOps act) {
        if (!enabled() || x.dataType() != DataType.FLOAT || w.dataType() != DataType.FLOAT || w.rank() != 2) return null;
        if (b != null && (b.dataType() != DataType.FLOAT || b.rank() != 1 || !DnnlLayouts.denseRowMajor(b))) return null;
        if (x.rank() < 1 || !DnnlLayouts.denseRowMajor(x)) return null;
        long in = w.size(1), out = w.size(0);
        if (x.size(x.rank() - 1) != in || in == 0 || out == 0 || x.length() == 0) return null;
        long rows = x.length() / in;
        long[] ws = w.stride();
        long outStride = out == 1 ? in : ws[0], inStride = in == 1 ? 1 : ws[1];
        if (!(inStride == 1 && outStride == in || outStride == 1 && inStride == out)) return null; // a plain weight or its transpose
        DnnlMatmulPrimitive p = COMPILED.get(new DnnlMatmulShape(rows, in, out, outStride, inStride, b != null, act),
                DnnlMatmulPrimitive::new);
        if (p == null) return null;
        long[] shape = x.shape().clone(); // ND4J hands out its own shape array: never write into it
        shape[shape.length - 1] = out;
        INDArray y = NativeBuffers.uninitialized(DataType.FLOAT, shape);
        p.execute(DnnlConv.address(x), DnnlConv.address(w), b == null ? null : DnnlConv.address(b), DnnlConv.address(y));
        return y;
    }

    /** How many shapes have a compiled primitive (tests and diagnostics: shows the path ran). */
    public static int compiledPrimitives() { return COMPILED.size(); }
}
