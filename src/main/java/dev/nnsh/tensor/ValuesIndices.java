package dev.nnsh.tensor;

/** What {@code max(dim)}, {@code min(dim)}, {@code sort} and {@code topk} return: values and their int64 indices. */
public record ValuesIndices(Tensor values, Tensor indices) {
    @Override public String toString() { return "values=\n" + values + "\nindices=\n" + indices; }
}
