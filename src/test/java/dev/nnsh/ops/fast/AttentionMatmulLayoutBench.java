package dev.nnsh.ops.fast;

import java.util.Arrays;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_matmul_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.nnsh.tensor.Tensor;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * Issue 11 (tf): which oneDNN kernel the attention's batched q·kᵀ gets, and how fast, for the heads read
 * strided from the packed projection (as DnnlAttention does) against the heads dense [B, H, L, d]:
 * {@code AttentionMatmulLayoutBench B H L d [runs]}. A main, not a test.
 */
public final class AttentionMatmulLayoutBench {
    private AttentionMatmulLayoutBench() {}

    private static double time(long[] qd, long[] qs, long[] kd, long[] ks, long[] sd, long[] ss, INDArray q, INDArray k, INDArray s, int runs, String label) {
        dnnl_memory_desc_t src = Dnnl.stridedF32(qd, qs), wei = Dnnl.stridedF32(kd, ks), dst = Dnnl.stridedF32(sd, ss);
        dnnl_matmul_desc_t desc = new dnnl_matmul_desc_t();
        Dnnl.check(dnnl_matmul_desc_init(desc, src, wei, null, dst), "matmul_desc_init");
        PointerPointer<Pointer> out = new PointerPointer<>(1);
        Dnnl.check(dnnl_primitive_desc_create(out, new const_dnnl_op_desc_t(desc), Dnnl.newAttr(), Dnnl.engine(), null), "pd");
        dnnl_primitive_desc pd = new dnnl_primitive_desc(out.get(0));
        String impl = Dnnl.implementation(pd);
        dnnl_memory_desc_t scratch = Dnnl.scratchpad(pd);
        dnnl_primitive p = Dnnl.createPrimitive(pd);
        double[] t = new double[runs];
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            Dnnl.executeWeighted(p, scratch, src, wei, null, dst, DnnlConv.address(q), DnnlConv.address(k), null, DnnlConv.address(s));
            if (r >= 0) t[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        System.out.printf("%s: %s %.2f ms%n", label, impl, t[runs / 2]);
        return t[runs / 2];
    }

    public static void main(String[] args) {
        if (!Dnnl.available()) throw new IllegalStateException("no oneDNN");
        long b = Long.parseLong(args[0]), h = Long.parseLong(args[1]), l = Long.parseLong(args[2]), d = Long.parseLong(args[3]);
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        long e = h * d;
        INDArray packed = Tensor.rand(b, l, 3 * e).nd(), scores = Tensor.rand(b, h, l, l).nd();
        INDArray qDense = Tensor.rand(b, h, l, d).nd(), kDense = Tensor.rand(b, h, l, d).nd();
        for (int round = 0; round < 2; round++) {
            time(new long[]{b, h, l, d}, new long[]{l * 3 * e, d, 3 * e, 1}, new long[]{b, h, d, l}, new long[]{l * 3 * e, d, 1, 3 * e},
                    new long[]{b, h, l, l}, new long[]{h * l * l, l * l, l, 1}, packed, packed, scores, runs, "strided q·kT");
            time(new long[]{b, h, l, d}, new long[]{h * l * d, l * d, d, 1}, new long[]{b, h, d, l}, new long[]{h * l * d, l * d, 1, d},
                    new long[]{b, h, l, l}, new long[]{h * l * l, l * l, l, 1}, qDense, kDense, scores, runs, "dense q·kT (k as ba)");
            time(new long[]{b * h, l, d}, new long[]{l * d, d, 1}, new long[]{b * h, d, l}, new long[]{l * d, 1, d},
                    new long[]{b * h, l, l}, new long[]{l * l, l, 1}, qDense, kDense, scores, runs, "dense 3-D q·kT");
            time(new long[]{b, h, l, l}, new long[]{h * l * l, l * l, l, 1}, new long[]{b, h, l, d}, new long[]{l * 3 * e, d, 3 * e, 1},
                    new long[]{b, h, l, d}, new long[]{l * e, d, e, 1}, scores, packed, qDense, runs, "strided a·v");
            time(new long[]{b, h, l, l}, new long[]{h * l * l, l * l, l, 1}, new long[]{b, h, l, d}, new long[]{h * l * d, l * d, d, 1},
                    new long[]{b, h, l, d}, new long[]{h * l * d, l * d, d, 1}, scores, kDense, qDense, runs, "dense a·v");
        }
    }
}
