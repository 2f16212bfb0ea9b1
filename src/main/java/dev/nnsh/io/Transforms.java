package dev.nnsh.io;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * torchvision's transforms, with its names and semantics, on image tensors [..., C, H, W]:
 * {@code compose(resize(256), centerCrop(224), normalize(Models.IMAGENET_MEAN, Models.IMAGENET_STD))}.
 */
public final class Transforms {
    private Transforms() {}

    /** The steps in order, as transforms.Compose. */
    public static Transform compose(Transform... steps) {
        return x -> {
            for (Transform t : steps) x = t.apply(x);
            return x;
        };
    }

    /**
     * Resize(size): the shorter side becomes {@code size}, the longer keeps the aspect ratio (truncated,
     * as torchvision computes it); bilinear with antialias.
     */
    public static Transform resize(int size) {
        positive(size, "resize");
        return x -> {
            Planes p = Planes.of(x, "resize(" + size + ")");
            int shorter = Math.min(p.height(), p.width()), longer = Math.max(p.height(), p.width());
            int newLong = (int) ((long) size * longer / shorter);
            boolean wide = p.width() > p.height();
            return resized(p, wide ? size : newLong, wide ? newLong : size);
        };
    }

    /** Resize([height, width]): exactly that size, bilinear with antialias. */
    public static Transform resize(int height, int width) {
        positive(height, "resize");
        positive(width, "resize");
        return x -> resized(Planes.of(x, "resize(" + height + ", " + width + ")"), height, width);
    }

    private static Tensor resized(Planes p, int h, int w) {
        return p.toTensor(h, w, AntialiasedResize.resize(p, h, w));
    }

    /** CenterCrop(size): a size×size crop from the centre (zero-padded first where the image is smaller). */
    public static Transform centerCrop(int size) { return centerCrop(size, size); }

    public static Transform centerCrop(int height, int width) {
        positive(height, "centerCrop");
        positive(width, "centerCrop");
        return x -> {
            Planes p = Planes.of(x, "centerCrop");
            int padTop = height > p.height() ? (height - p.height()) / 2 : 0;
            int padLeft = width > p.width() ? (width - p.width()) / 2 : 0;
            int h = Math.max(p.height(), height), w = Math.max(p.width(), width);
            // Python's round() rounds halves to even, as Math.rint does
            int top = (int) Math.rint((h - height) / 2.0) - padTop;
            int left = (int) Math.rint((w - width) / 2.0) - padLeft;
            float[] out = new float[p.count() * height * width];
            for (int plane = 0; plane < p.count(); plane++) {
                for (int y = 0; y < height; y++) {
                    int sy = top + y;
                    if (sy < 0 || sy >= p.height()) continue;
                    for (int xx = 0; xx < width; xx++) {
                        int sx = left + xx;
                        if (sx < 0 || sx >= p.width()) continue;
                        out[(plane * height + y) * width + xx] = p.data()[(plane * p.height() + sy) * p.width() + sx];
                    }
                }
            }
            return p.toTensor(height, width, out);
        };
    }

    /** Normalize(mean, std): (x − mean[c]) / std[c] for each channel c of [..., C, H, W]. */
    public static Transform normalize(double[] mean, double[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("normalize: " + mean.length + " means but " + std.length + " stds");
        }
        for (double s : std) {
            if (s == 0) throw new IllegalArgumentException("normalize: std evaluated to zero, leading to division by zero");
        }
        double[] m = mean.clone(), s = std.clone();
        return x -> {
            if (x.dim() < 3 || x.size(-3) != m.length) {
                throw new IllegalArgumentException("normalize: expected [..., " + m.length + ", H, W], got shape "
                        + Shapes.format(x.shape()));
            }
            Planes p = Planes.of(x, "normalize");
            float[] out = p.data().clone();
            int area = p.height() * p.width();
            for (int plane = 0; plane < p.count(); plane++) {
                int c = plane % m.length;
                for (int i = plane * area; i < (plane + 1) * area; i++) out[i] = (float) ((out[i] - m[c]) / s[c]);
            }
            return p.toTensor(p.height(), p.width(), out);
        };
    }

    /** ToTensor: uint8 pixels 0..255 (Image.loadUint8) become float32 in [0, 1]; float images pass unchanged. */
    public static Transform toTensor() {
        return x -> {
            if (x.dtype() == DType.FLOAT32) return x;
            if (x.dtype() != DType.UINT8) {
                throw new IllegalArgumentException("toTensor: expected uint8 pixels or a float32 image, got " + x.dtype());
            }
            return x.to(DType.FLOAT32).div(255.0);
        };
    }

    private static void positive(int size, String what) {
        if (size <= 0) throw new IllegalArgumentException(what + ": size must be positive, got " + size);
    }
}
