package dev.nnsh.ops.fast;

import java.util.Arrays;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_matmul_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.nnsh.tensor.Tensor;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * Issue 11 (tf): a transformer Linear shape on oneDNN's matmul with the weight as PyTorch keeps it (the
 * transposed [in, out] view of [out, in]), as a plain [in, out] copy, and in oneDNN's own blocked format
 * (format any, reordered once): {@code MatmulWeightFormatBench rows in out [runs]}. A main, not a test.
 */
public final class MatmulWeightFormatBench {
    private MatmulWeightFormatBench() {}

    private static INDArray KEEP;

    private static void time(String label, dnnl_memory_desc_t wei, Pointer weightData, long rows, long in, long out, INDArray x, INDArray y, int runs) {
        dnnl_memory_desc_t src = Dnnl.stridedF32(new long[]{rows, in}, new long[]{in, 1});
        dnnl_memory_desc_t dst = Dnnl.stridedF32(new long[]{rows, out}, new long[]{out, 1});
        dnnl_matmul_desc_t desc = new dnnl_matmul_desc_t();
        Dnnl.check(dnnl_matmul_desc_init(desc, src, wei, null, dst), "matmul_desc_init");
        PointerPointer<Pointer> o = new PointerPointer<>(1);
        Dnnl.check(dnnl_primitive_desc_create(o, new const_dnnl_op_desc_t(desc), Dnnl.newAttr(), Dnnl.engine(), null), "pd");
        dnnl_primitive_desc pd = new dnnl_primitive_desc(o.get(0));
        String impl = Dnnl.implementation(pd);
        dnnl_memory_desc_t scratch = Dnnl.scratchpad(pd);
        dnnl_memory_desc_t actual = Dnnl.copy(dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0));
        dnnl_primitive p = Dnnl.createPrimitive(pd);
        Pointer w = weightData;
        if (w == null) { // format any: reorder the plain [in, out] weight once into what oneDNN chose
            INDArray plain = Nd4j.rand(DataType.FLOAT, in, out);
            INDArray blocked = DnnlWeights.reorder(plain, Dnnl.stridedF32(new long[]{in, out}, new long[]{out, 1}), actual);
            KEEP = blocked;
            w = DnnlConv.address(blocked);
            wei = actual;
        }
        double[] t = new double[runs];
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            Dnnl.executeWeighted(p, scratch, src, wei, null, dst, DnnlConv.address(x), w, null, DnnlConv.address(y));
            if (r >= 0) t[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        System.out.printf("%-28s %-20s %.2f ms %.0f GFLOP/s%n", label, impl, t[runs / 2], 2.0 * rows * in * out / t[runs / 2] / 1e6);
    }

    public static void main(String[] args) {
        if (!Dnnl.available()) throw new IllegalStateException("no oneDNN");
        long rows = Long.parseLong(args[0]), in = Long.parseLong(args[1]), out = Long.parseLong(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        INDArray x = Tensor.rand(rows, in).nd(), y = Tensor.rand(rows, out).nd();
        INDArray torchWeight = Tensor.rand(out, in).nd(), plain = Tensor.rand(in, out).nd();
        for (int round = 0; round < 2; round++) {
            time("weight [out,in] (as torch)", Dnnl.stridedF32(new long[]{in, out}, new long[]{1, in}), DnnlConv.address(torchWeight), rows, in, out, x, y, runs);
            time("weight [in,out] plain", Dnnl.stridedF32(new long[]{in, out}, new long[]{out, 1}), DnnlConv.address(plain), rows, in, out, x, y, runs);
            dnnl_memory_desc_t any = new dnnl_memory_desc_t();
            Dnnl.check(dnnl_memory_desc_init_by_tag(any, 2, new long[]{in, out}, dnnl_f32, dnnl_format_tag_any), "md any");
            time("weight blocked (any)", any, null, rows, in, out, x, y, runs);
        }
    }
}
