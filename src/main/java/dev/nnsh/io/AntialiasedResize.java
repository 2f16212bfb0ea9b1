package dev.nnsh.io;

/**
 * Bilinear resizing with antialiasing, as PyTorch's interpolate(mode="bilinear", antialias=True,
 * align_corners=False) that torchvision's tensor Resize uses: separable, each output pixel a
 * normalised triangle-filter average whose support widens by the scale factor when shrinking.
 */
final class AntialiasedResize {
    private AntialiasedResize() {}

    /** Per output index: the first input index and the normalised weights. */
    private record Taps(int[] first, double[][] weights) {}

    private static Taps taps(int in, int out) {
        double scale = (double) in / out;
        double support = scale >= 1 ? scale : 1.0;
        double invScale = scale >= 1 ? 1 / scale : 1.0;
        int[] first = new int[out];
        double[][] weights = new double[out][];
        for (int i = 0; i < out; i++) {
            double center = scale * (i + 0.5);
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xsize = Math.min((int) (center + support + 0.5), in) - xmin;
            double[] w = new double[Math.max(xsize, 0)];
            double total = 0;
            for (int j = 0; j < w.length; j++) {
                double x = Math.abs((j + xmin - center + 0.5) * invScale);
                w[j] = x < 1 ? 1 - x : 0;
                total += w[j];
            }
            if (total != 0) for (int j = 0; j < w.length; j++) w[j] /= total;
            first[i] = xmin;
            weights[i] = w;
        }
        return new Taps(first, weights);
    }

    static float[] resize(Planes p, int outH, int outW) {
        int h = p.height(), w = p.width();
        Taps across = taps(w, outW);
        Taps down = taps(h, outH);
        float[] out = new float[p.count() * outH * outW];
        double[] rows = new double[h * outW];
        for (int plane = 0; plane < p.count(); plane++) {
            int base = plane * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < outW; x++) {
                    double[] wt = across.weights()[x];
                    int x0 = across.first()[x];
                    double sum = 0;
                    for (int j = 0; j < wt.length; j++) sum += wt[j] * p.data()[base + y * w + x0 + j];
                    rows[y * outW + x] = sum;
                }
            }
            int outBase = plane * outH * outW;
            for (int y = 0; y < outH; y++) {
                double[] wt = down.weights()[y];
                int y0 = down.first()[y];
                for (int x = 0; x < outW; x++) {
                    double sum = 0;
                    for (int j = 0; j < wt.length; j++) sum += wt[j] * rows[(y0 + j) * outW + x];
                    out[outBase + y * outW + x] = (float) sum;
                }
            }
        }
        return out;
    }
}
