package dev.nnsh.tensor;

import java.util.Arrays;
import java.util.function.Supplier;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Helpers shared by the tensor operations in this package: results of several inputs, broadcasting arrays. */
final class Kernels {
    private Kernels() {}

    static boolean anyShapeOnly(Tensor... ts) {
        for (Tensor t : ts) if (t != null && t.isShapeOnly()) return true;
        return false;
    }

    /**
     * The result of an op over several tensors: shape-only when any input is (or a shape-only pass is
     * running and the op is a factory), else the computation, reshaped and cast to the checked shape/type.
     */
    static Tensor result(long[] shape, DType type, boolean shapeOnly, Supplier<INDArray> compute) {
        if (shapeOnly) return Tensor.shapeOnly(type, shape);
        MemoryGuard.checkAllocation(type, shape);
        return Tensor.computed(shape, type, compute.get());
    }

    /** The array cast to a type and broadcast (a copy) to a target shape with PyTorch's rules. */
    static INDArray broadcast(INDArray x, DType type, long[] target) {
        INDArray a = x.dataType() == type.nd4j() ? x : x.castTo(type.nd4j());
        if (Arrays.equals(a.shape(), target)) return a;
        if (Shapes.numel(target) == 0) return Nd4j.create(type.nd4j(), target);
        long[] aligned = new long[target.length];
        Arrays.fill(aligned, 1);
        long[] s = a.shape();
        System.arraycopy(s, 0, aligned, target.length - s.length, s.length);
        INDArray r = a.reshape('c', aligned);
        if (Arrays.equals(aligned, target)) return r;
        return r.broadcast(target);
    }

    static long[] broadcastAll(String what, Tensor... ts) {
        long[] out = ts[0].shape();
        for (int i = 1; i < ts.length; i++) out = Shapes.broadcast(out, ts[i].shape(), what);
        return out;
    }

    /** An int64 array of the given values and shape. */
    static INDArray longs(long[] values, long[] shape) {
        return Nd4j.createFromArray(values).reshape('c', shape);
    }
}
