package dev.nnsh.tensor;

import java.util.Arrays;
import java.util.Comparator;

import org.nd4j.linalg.api.ndarray.INDArray;

/** sort, argsort and topk along a dim; ties keep their order (a stable sort). NaN sorts as the largest, as in PyTorch. */
final class Sorting {
    private Sorting() {}

    static ValuesIndices sort(Tensor x, int dim, boolean descending) {
        int d = Shapes.normalizeDim(dim, x.dim(), "sort()");
        long k = x.dim() == 0 ? 1 : x.size(d);
        return pick(x, d, k, descending, "sort()");
    }

    static ValuesIndices topk(Tensor x, long k, int dim, boolean largest, boolean sorted) {
        int d = Shapes.normalizeDim(dim, x.dim(), "topk()");
        long size = x.dim() == 0 ? 1 : x.size(d);
        if (k < 0 || k > size) {
            throw new ShapeException("topk(): selected index k (" + k + ") out of range for dimension " + d
                    + " of size " + size + " (shape " + Shapes.format(x.shape()) + ")");
        }
        return pick(x, d, k, largest, "topk()");
    }

    /** The first k of each lane along d, in sorted order (descending when {@code largest}). */
    private static ValuesIndices pick(Tensor x, int d, long k, boolean largest, String what) {
        long[] out = x.shape();
        if (x.dim() > 0) out[d] = k;
        if (x.isShapeOnly()) return new ValuesIndices(Tensor.shapeOnly(x.dtype(), out), Tensor.shapeOnly(DType.INT64, out));
        if (x.dim() == 0) return new ValuesIndices(x, x.derive(new long[0], DType.INT64, a -> org.nd4j.linalg.factory.Nd4j.scalar(0L)));
        Tensor moved = x.movedim(d, -1);
        long[] movedShape = moved.shape();
        int lanes = (int) (moved.numel() / Math.max(1, movedShape[movedShape.length - 1]));
        int n = (int) movedShape[movedShape.length - 1];
        double[] v = moved.nd().castTo(DType.FLOAT64.nd4j()).dup('c').data().asDouble();
        double[] values = new double[(int) (lanes * k)];
        long[] indices = new long[(int) (lanes * k)];
        Integer[] order = new Integer[n];
        for (int lane = 0; lane < lanes; lane++) {
            int base = lane * n;
            for (int i = 0; i < n; i++) order[i] = i;
            Comparator<Integer> asc = (p, q) -> Double.compare(v[base + p], v[base + q]);
            Arrays.sort(order, largest ? asc.reversed() : asc);
            for (int i = 0; i < k; i++) {
                values[(int) (lane * k + i)] = v[base + order[i]];
                indices[(int) (lane * k + i)] = order[i];
            }
        }
        long[] movedOut = movedShape.clone();
        movedOut[movedOut.length - 1] = k;
        INDArray valArr = org.nd4j.linalg.factory.Nd4j.createFromArray(values).reshape('c', movedOut);
        Tensor vals = Tensor.of(valArr.castTo(x.dtype().nd4j())).movedim(-1, d);
        Tensor idx = Tensor.of(Kernels.longs(indices, movedOut)).movedim(-1, d);
        return new ValuesIndices(vals, idx);
    }
}
