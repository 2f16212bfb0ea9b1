package dev.nnsh.ops.fast;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The classifier Linear shapes of the seed network, vgg11 and alexnet at batch 12: ND4J's gemm
 * (mmul + bias row) against oneDNN's inner product reading the plain [out, in] weight and reading
 * it reordered into its preferred layout, alternating in one process. Not a test; prints
 * {@code RESULT shape nd4j plain blocked matmul ms}; {@code [runs] [rows in out]} times one other shape.
 */
public final class InnerProductShapesBench {
    private InnerProductShapesBench() {}

    public static void main(String[] args) {
        if (!Dnnl.available()) throw new IllegalStateException("oneDNN did not load");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long[][] shapes = args.length > 1 ? new long[][]{{Long.parseLong(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3])}}
                : new long[][]{{12, 25088, 4096}, {12, 4096, 4096}, {12, 4096, 1000}, {12, 9216, 4096}};
        for (long[] s : shapes) {
            long n = s[0], in = s[1], out = s[2];
            INDArray x = Nd4j.rand(DataType.FLOAT, n, in), w = Nd4j.rand(DataType.FLOAT, out, in).subi(0.5), b = Nd4j.rand(DataType.FLOAT, out);
            DnnlInnerProductPrimitive plain = new DnnlInnerProductPrimitive(n, in, out, true, DnnlPostOps.NONE, true);
            DnnlInnerProductPrimitive blocked = new DnnlInnerProductPrimitive(n, in, out, true, DnnlPostOps.NONE, false);
            INDArray wb = blocked.readsPlainWeights() ? w : DnnlWeights.reorder(w, blocked.plainWeights, blocked.weights);
            INDArray y1 = Nd4j.createUninitialized(DataType.FLOAT, n, out), y2 = y1.dup(), y3 = y1.dup();
            double[][] t = new double[4][runs];
            Object[] mm = matmul(n, in, out);
            INDArray y4 = y1.dup();
            for (int r = -2; r < runs; r++) {
                long a = System.nanoTime();
                INDArray ref = x.mmul(w.transpose()).addiRowVector(b);
                long c = System.nanoTime();
                plain.execute(DnnlConv.address(x), DnnlConv.address(w), DnnlConv.address(b), DnnlConv.address(y2));
                long d = System.nanoTime();
                blocked.execute(DnnlConv.address(x), DnnlConv.address(wb), DnnlConv.address(b), DnnlConv.address(y3));
                long e = System.nanoTime();
                Dnnl.execute((org.bytedeco.dnnl.dnnl_primitive) mm[0], (org.bytedeco.dnnl.dnnl_memory_desc_t) mm[1],
                        new int[]{org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC, org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS, org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS, org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST},
                        (org.bytedeco.dnnl.dnnl_memory_desc_t[]) mm[2], new org.bytedeco.javacpp.Pointer[]{DnnlConv.address(x), DnnlConv.address(w), DnnlConv.address(b), DnnlConv.address(y4)});
                long f = System.nanoTime();
                if (r >= 0) { t[0][r] = (c - a) / 1e6; t[1][r] = (d - c) / 1e6; t[2][r] = (e - d) / 1e6; t[3][r] = (f - e) / 1e6; }
                if (r == -1) {
                    y1 = ref;
                    System.out.printf("check %s maxdiff plain %.2e blocked %.2e matmul %.2e (impl %s / %s / %s)%n", Arrays.toString(s),
                            y1.sub(y2).amaxNumber().doubleValue(), y1.sub(y3).amaxNumber().doubleValue(), y1.sub(y4).amaxNumber().doubleValue(), plain.implementation, blocked.implementation, mm[3]);
                }
            }
            for (double[] row : t) Arrays.sort(row);
            System.out.printf("RESULT %dx%d->%d nd4j %.2f plain %.2f blocked %.2f matmul %.2f ms%n", n, in, out, t[0][runs / 2], t[1][runs / 2], t[2][runs / 2], t[3][runs / 2]);
        }
    }

    /** A matmul primitive reading W [out, in] as its transposed [in, out] view: {primitive, scratchpad, mds, impl}. */
    private static Object[] matmul(long n, long in, long out) {
        var src = Dnnl.taggedF32(new long[]{n, in}, org.bytedeco.dnnl.global.dnnl.dnnl_ab);
        var wt = Dnnl.stridedF32(new long[]{in, out}, new long[]{1, in});
        var bias = Dnnl.taggedF32(new long[]{1, out}, org.bytedeco.dnnl.global.dnnl.dnnl_ab);
        var dst = Dnnl.taggedF32(new long[]{n, out}, org.bytedeco.dnnl.global.dnnl.dnnl_ab);
        var desc = new org.bytedeco.dnnl.dnnl_matmul_desc_t();
        Dnnl.check(org.bytedeco.dnnl.global.dnnl.dnnl_matmul_desc_init(desc, src, wt, bias, dst), "matmul_desc_init");
        var o = new org.bytedeco.javacpp.PointerPointer<org.bytedeco.javacpp.Pointer>(1);
        var attr = Dnnl.newAttr();
        Dnnl.check(org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_create(o, new org.bytedeco.dnnl.const_dnnl_op_desc_t(desc), attr, Dnnl.engine(), null), "pd");
        var pd = new org.bytedeco.dnnl.dnnl_primitive_desc(o.get(0));
        return new Object[]{Dnnl.createPrimitive(pd), Dnnl.scratchpad(pd), new org.bytedeco.dnnl.dnnl_memory_desc_t[]{src, wt, bias, dst}, Dnnl.implementation(pd)};
    }
}
