package dev.nnsh.nn;

import dev.nnsh.tensor.PyFormat;
import dev.nnsh.tensor.ShapeException;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** Splits one dim into several, {@code nn.Unflatten(dim, unflattened_size)}; one size may be -1. */
public class Unflatten extends Module {
    private final int dim;
    private final long[] sizes;

    public Unflatten(int dim, long... unflattenedSize) {
        if (unflattenedSize.length == 0) throw new IllegalArgumentException("Unflatten: unflattened_size must not be empty");
        this.dim = dim;
        this.sizes = unflattenedSize.clone();
    }

    @Override public Tensor forward(Tensor x) {
        int d = Shapes.normalizeDim(dim, x.dim(), "Unflatten");
        long[] in = x.shape();
        long known = 1;
        int inferred = -1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1 && inferred < 0) inferred = i;
            else known *= sizes[i];
        }
        long[] parts = sizes.clone();
        if (inferred >= 0 && known != 0) parts[inferred] = in[d] / known;
        if (Shapes.numel(parts) != in[d]) {
            throw new ShapeException("Unflatten: unflattened_size " + Shapes.format(sizes) + " does not multiply to dim " + d
                    + " of size " + in[d] + " (input shape " + Shapes.format(in) + ")");
        }
        long[] out = new long[in.length - 1 + parts.length];
        System.arraycopy(in, 0, out, 0, d);
        System.arraycopy(parts, 0, out, d, parts.length);
        System.arraycopy(in, d + 1, out, d + parts.length, in.length - d - 1);
        return x.reshape(out);
    }

    @Override public String extraRepr() { return "dim=" + dim + ", unflattened_size=" + PyFormat.tuple(sizes); }
}
