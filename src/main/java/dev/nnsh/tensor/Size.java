package dev.nnsh.tensor;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/** A tensor's sizes as PyTorch's {@code torch.Size}: a list of longs that prints as {@code torch.Size([12, 1000])}. */
public final class Size extends AbstractList<Long> implements RandomAccess {
    private final long[] sizes;

    public Size(long... sizes) { this.sizes = sizes.clone(); }

    @Override public Long get(int index) { return sizes[Shapes.normalizeDim(index, sizes.length, "Size.get")]; }

    @Override public int size() { return sizes.length; }

    /** The product of the sizes, like {@code torch.Size.numel()}. */
    public long numel() { return Shapes.numel(sizes); }


    public long[] toLongArray() { return sizes.clone(); }

    @Override public boolean equals(Object o) {
        if (o instanceof Size s) return Arrays.equals(sizes, s.sizes);
        return super.equals(o);
    }

    @Override public int hashCode() { return super.hashCode(); }

    @Override public String toString() { return "torch.Size(" + Shapes.format(sizes) + ")"; }
}
