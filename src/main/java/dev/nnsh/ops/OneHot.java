package dev.nnsh.ops;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/** {@code F.one_hot(indices, num_classes)}: int64 of shape indices.shape + [num_classes]. */
public final class OneHot {
    private OneHot() {}

    public static Tensor oneHot(Tensor indices, long numClasses) {
        if (indices.dtype() != DType.INT64 && indices.dtype() != DType.INT32) {
            throw new IllegalArgumentException("one_hot(): is only applicable to index tensors (int64), got " + indices.dtype());
        }
        long classes = numClasses;
        if (classes < 0) {
            if (indices.isShapeOnly()) {
                throw new IllegalArgumentException("one_hot(): num_classes = -1 needs the values of the indices; a shape-only "
                        + "tensor has none (give num_classes)");
            }
            classes = indices.numel() == 0 ? 0 : (long) indices.max().item() + 1;
        }
        if (!indices.isShapeOnly() && indices.numel() > 0) {
            long min = (long) indices.min().item(), max = (long) indices.max().item();
            if (min < 0) throw new IllegalArgumentException("one_hot(): class values must be non-negative, got " + min);
            if (max >= classes) throw new IllegalArgumentException("one_hot(): class values must be smaller than num_classes ("
                    + classes + "), got " + max);
        }
        return indices.toLong().unsqueeze(-1).eq(Tensor.arange(classes)).toLong();
    }
}
