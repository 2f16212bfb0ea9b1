package dev.nnsh.io;

import dev.nnsh.tensor.Tensor;

/** One step of an image pipeline, as a torchvision transform: a tensor in, a tensor out. */
@FunctionalInterface
public interface Transform {
    Tensor apply(Tensor image);

    /** This step, then {@code next}. */
    default Transform then(Transform next) { return x -> next.apply(apply(x)); }
}
