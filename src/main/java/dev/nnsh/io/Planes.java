package dev.nnsh.io;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/** An image tensor [..., H, W] as float planes: the leading dims flattened to a count of planes. */
record Planes(long[] leading, int height, int width, float[] data) {
    static Planes of(Tensor image, String what) {
        if (image.isShapeOnly()) throw new IllegalArgumentException(what + ": the image is shape-only (no pixels)");
        if (image.dim() < 2) {
            throw new IllegalArgumentException(what + ": expected an image [..., H, W], got shape " + Shapes.format(image.shape()));
        }
        long[] s = image.shape();
        long[] leading = java.util.Arrays.copyOf(s, s.length - 2);
        Tensor floats = image.dtype() == DType.FLOAT32 ? image : image.to(DType.FLOAT32);
        float[] data = floats.nd().dup('c').data().asFloat();
        return new Planes(leading, Math.toIntExact(s[s.length - 2]), Math.toIntExact(s[s.length - 1]), data);
    }

    int count() { return Math.toIntExact(Shapes.numel(leading)); }

    Tensor toTensor(int newHeight, int newWidth, float[] newData) {
        long[] shape = java.util.Arrays.copyOf(leading, leading.length + 2);
        shape[leading.length] = newHeight;
        shape[leading.length + 1] = newWidth;
        return Tensor.of(newData, shape);
    }
}
