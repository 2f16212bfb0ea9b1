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

    /** Swin's scores as a 5-D matmul [B, W, h, l, l] with the additive [1, W, h, l, l] as a binary post-op: which kernel, how fast. */
    static void additivePostOp(long b, long windows, long h, long l, long d, int runs) {
        long c3 = 3 * h * d, n = l;
        long[] qd = {b, windows, h, l, d}, qs = {windows * n * c3, n * c3, d, c3, 1};
        long[] kd = {b, windows, h, d, l}, ks = {windows * n * c3, n * c3, d, 1, c3};
        long[] sd = {b, windows, h, l, l}, ss = {windows * h * l * l, h * l * l, l * l, l, 1};
        long[] ad = {1, windows, h, l, l};
        dnnl_memory_desc_t src = Dnnl.stridedF32(qd, qs), wei = Dnnl.stridedF32(kd, ks), dst = Dnnl.stridedF32(sd, ss), add = Dnnl.stridedF32(ad, ss);
        dnnl_matmul_desc_t desc = new dnnl_matmul_desc_t();
        Dnnl.check(dnnl_matmul_desc_init(desc, src, wei, null, dst), "matmul_desc_init");
        PointerPointer<Pointer> out = new PointerPointer<>(1);
        org.bytedeco.dnnl.dnnl_primitive_attr attr = Dnnl.newAttr();
        Dnnl.check(dnnl_post_ops_create(out), "post_ops_create");
        org.bytedeco.dnnl.dnnl_post_ops ops = new org.bytedeco.dnnl.dnnl_post_ops(out.get(0));
        Dnnl.check(dnnl_post_ops_append_binary(ops, dnnl_binary_add, add), "append_binary");
        Dnnl.check(dnnl_primitive_attr_set_post_ops(attr, ops), "set_post_ops");
        int status = dnnl_primitive_desc_create(out, new const_dnnl_op_desc_t(desc), attr, Dnnl.engine(), null);
        if (status != dnnl_success) {
            System.out.println("5-D scores + additive post-op: rejected, status " + status);
            return;
        }
        dnnl_primitive_desc pd = new dnnl_primitive_desc(out.get(0));
        String impl = Dnnl.implementation(pd);
        dnnl_memory_desc_t scratch = Dnnl.scratchpad(pd);
        dnnl_primitive p = Dnnl.createPrimitive(pd);
        INDArray packed = Tensor.rand(b * windows, l, c3).nd(), scores = Tensor.rand(b * windows, h, l, l).nd(), additive = Tensor.rand(windows, h, l, l).nd();
        Pointer base = DnnlConv.address(packed);
        long kAt = base.address() + h * d * 4;
        Pointer k = new Pointer() { { address = kAt; } };
        int arg = DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE | DNNL_ARG_SRC_1;
        double[] t = new double[runs];
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            Dnnl.execute(p, scratch, new int[]{DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST, arg}, new dnnl_memory_desc_t[]{src, wei, dst, add},
                    new Pointer[]{base, k, DnnlConv.address(scores), DnnlConv.address(additive)});
            if (r >= 0) t[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        System.out.printf("5-D scores + additive post-op: %s %.2f ms%n", impl, t[runs / 2]);
    }

    public static void main(String[] args) {
        if (args[0].equals("swin")) {
            if (!Dnnl.available()) throw new IllegalStateException("no oneDNN");
            for (int i = 0; i < 2; i++) additivePostOp(12, 64, 3, 49, 32, 7);
            return;
        }
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
