package dev.nnsh.ops;

/**
 * Weight matrices [out, in] for one dim of {@link ResampleOps}, with PyTorch's index formulas
 * (float arithmetic, as PyTorch's CPU kernels use for float tensors).
 */
final class ResampleWeights {
    private ResampleWeights() {}

    /** Adaptive average pooling: window [⌊i·in/out⌋, ⌈(i+1)·in/out⌉). */
    static float[][] adaptiveAverage(int in, int out) {
        float[][] rows = new float[out][in];
        for (int i = 0; i < out; i++) {
            int start = (int) Math.floorDiv((long) i * in, out);
            int end = (int) -Math.floorDiv(-(long) (i + 1) * in, out);
            for (int j = start; j < end; j++) rows[i][j] = 1f / (end - start);
        }
        return rows;
    }

    /** Nearest: source ⌊i·scale⌋ (capped), scale = 1/scale_factor when given, else in/out. */
    static float[][] nearest(int in, int out, double scaleFactor) {
        float[][] rows = new float[out][in];
        float scale = scaleFactor > 0 ? (float) (1.0 / scaleFactor) : (float) in / out;
        for (int i = 0; i < out; i++) {
            int source;
            if (out == in) source = i;
            else if (out == 2 * in) source = i >> 1;
            else source = Math.min((int) Math.floor(i * scale), in - 1);
            rows[i][source] = 1f;
        }
        return rows;
    }

    /** Bilinear (one dim): source (i+½)·scale−½ clamped at 0, or i·(in−1)/(out−1) with align_corners. */
    static float[][] linear(int in, int out, double scaleFactor, boolean alignCorners) {
        float[][] rows = new float[out][in];
        if (out == in && !alignCorners) {
            for (int i = 0; i < out; i++) rows[i][i] = 1f;
            return rows;
        }
        float scale = alignCorners ? (out > 1 ? (float) (in - 1) / (out - 1) : 0f)
                : scaleFactor > 0 ? (float) (1.0 / scaleFactor) : (float) in / out;
        for (int i = 0; i < out; i++) {
            float source = alignCorners ? scale * i : Math.max(scale * (i + 0.5f) - 0.5f, 0f);
            int i0 = (int) source;
            int i1 = i0 < in - 1 ? i0 + 1 : i0;
            float lambda1 = Math.min(Math.max(source - i0, 0f), 1f);
            rows[i][i0] += 1f - lambda1;
            rows[i][i1] += lambda1;
        }
        return rows;
    }
}
