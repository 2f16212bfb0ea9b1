package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import dev.nnsh.tensor.Tensor;

/**
 * Plain-Java loops over float arrays that follow PyTorch's definitions directly, independent of the
 * ND4J code under test: what each layer's real forward pass is compared with.
 */
final class WindowReference {
    private WindowReference() {}

    /** A dense row-major array with its shape. */
    record Arr(float[] data, long[] shape) {
        static Arr of(Tensor t) { return new Arr(t.nd().dup('c').data().asFloat(), t.shape()); }

        static Arr random(Random rnd, long... shape) {
            int n = 1;
            for (long s : shape) n *= (int) s;
            float[] d = new float[n];
            for (int i = 0; i < n; i++) d[i] = rnd.nextFloat() * 2 - 1;
            return new Arr(d, shape);
        }

        Tensor tensor() { return Tensor.of(data.clone(), shape); }

        int dim(int i) { return (int) shape[i]; }
    }

    static void assertClose(Arr expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        float[] got = Arr.of(actual).data();
        for (int i = 0; i < got.length; i++) {
            float e = expected.data()[i];
            if (!(Math.abs(got[i] - e) <= 1e-5 * Math.max(1, Math.abs(e)))) {
                fail("element " + i + ": expected " + e + ", got " + got[i]);
            }
        }
    }

    /** PyTorch's conv2d: pad {top, bottom, left, right}; weight [O, C/groups, kH, kW]. */
    static Arr conv2d(Arr x, Arr w, Arr b, int[] stride, int[] pad, int[] dilation, int groups) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3);
        int o = w.dim(0), cg = w.dim(1), kh = w.dim(2), kw = w.dim(3), og = o / groups;
        int oh = (h + pad[0] + pad[1] - dilation[0] * (kh - 1) - 1) / stride[0] + 1;
        int ow = (wd + pad[2] + pad[3] - dilation[1] * (kw - 1) - 1) / stride[1] + 1;
        float[] out = new float[n * o * oh * ow];
        for (int in = 0; in < n; in++)
            for (int oc = 0; oc < o; oc++) {
                int g = oc / og;
                for (int y = 0; y < oh; y++)
                    for (int xx = 0; xx < ow; xx++) {
                        double sum = b == null ? 0 : b.data()[oc];
                        for (int ci = 0; ci < cg; ci++)
                            for (int i = 0; i < kh; i++)
                                for (int j = 0; j < kw; j++) {
                                    int sy = y * stride[0] - pad[0] + i * dilation[0];
                                    int sx = xx * stride[1] - pad[2] + j * dilation[1];
                                    if (sy < 0 || sy >= h || sx < 0 || sx >= wd) continue;
                                    int ch = g * cg + ci;
                                    sum += (double) x.data()[((in * c + ch) * h + sy) * wd + sx]
                                            * w.data()[((oc * cg + ci) * kh + i) * kw + j];
                                }
                        out[((in * o + oc) * oh + y) * ow + xx] = (float) sum;
                    }
            }
        return new Arr(out, new long[]{n, o, oh, ow});
    }

    /** PyTorch's conv1d: pad {left, right}; weight [O, C/groups, k]. */
    static Arr conv1d(Arr x, Arr w, Arr b, int stride, int[] pad, int dilation, int groups) {
        int n = x.dim(0), c = x.dim(1), l = x.dim(2);
        int o = w.dim(0), cg = w.dim(1), k = w.dim(2), og = o / groups;
        int ol = (l + pad[0] + pad[1] - dilation * (k - 1) - 1) / stride + 1;
        float[] out = new float[n * o * ol];
        for (int in = 0; in < n; in++)
            for (int oc = 0; oc < o; oc++)
                for (int t = 0; t < ol; t++) {
                    double sum = b == null ? 0 : b.data()[oc];
                    for (int ci = 0; ci < cg; ci++)
                        for (int i = 0; i < k; i++) {
                            int s = t * stride - pad[0] + i * dilation;
                            if (s >= 0 && s < l) {
                                sum += (double) x.data()[(in * c + (oc / og) * cg + ci) * l + s] * w.data()[(oc * cg + ci) * k + i];
                            }
                        }
                    out[(in * o + oc) * ol + t] = (float) sum;
                }
        return new Arr(out, new long[]{n, o, ol});
    }

    /** PyTorch's conv_transpose2d as its definition: each input pixel scatters kernel·value into the output. */
    static Arr convTranspose2d(Arr x, Arr w, Arr b, int[] stride, int[] pad, int[] outputPad, int groups, int[] dilation) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3);
        int cg = c / groups, og = w.dim(1), o = og * groups, kh = w.dim(2), kw = w.dim(3);
        int oh = (h - 1) * stride[0] - 2 * pad[0] + dilation[0] * (kh - 1) + outputPad[0] + 1;
        int ow = (wd - 1) * stride[1] - 2 * pad[1] + dilation[1] * (kw - 1) + outputPad[1] + 1;
        double[] acc = new double[n * o * oh * ow];
        for (int in = 0; in < n; in++)
            for (int ci = 0; ci < c; ci++) {
                int g = ci / cg;
                for (int y = 0; y < h; y++)
                    for (int xx = 0; xx < wd; xx++) {
                        float v = x.data()[((in * c + ci) * h + y) * wd + xx];
                        for (int oj = 0; oj < og; oj++)
                            for (int i = 0; i < kh; i++)
                                for (int j = 0; j < kw; j++) {
                                    int ty = y * stride[0] - pad[0] + i * dilation[0];
                                    int tx = xx * stride[1] - pad[1] + j * dilation[1];
                                    if (ty < 0 || ty >= oh || tx < 0 || tx >= ow) continue;
                                    int oc = g * og + oj;
                                    acc[((in * o + oc) * oh + ty) * ow + tx] += v * w.data()[((ci * og + oj) * kh + i) * kw + j];
                                }
                    }
            }
        float[] out = new float[acc.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) (acc[i] + (b == null ? 0 : b.data()[(i / (oh * ow)) % o]));
        return new Arr(out, new long[]{n, o, oh, ow});
    }

    /** Output length of a pooling window in PyTorch, incl. the ceil-mode rule (last window must start inside). */
    static int pooledSize(int in, int k, int s, int p, int d, boolean ceil) {
        int span = d * (k - 1) + 1;
        int num = in + 2 * p - span;
        int out = (ceil ? (num + s - 1) / s : num / s) + 1;
        if (ceil && (out - 1) * s >= in + p) out--;
        return out;
    }

    /** PyTorch's max_pool2d on [N, C, H, W]: the max over the window's in-bounds elements (padding never wins). */
    static Arr maxPool2d(Arr x, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        int oh = pooledSize(h, k[0], s[0], p[0], d[0], ceil), ow = pooledSize(w, k[1], s[1], p[1], d[1], ceil);
        float[] out = new float[n * c * oh * ow];
        for (int plane = 0; plane < n * c; plane++)
            for (int y = 0; y < oh; y++)
                for (int xx = 0; xx < ow; xx++) {
                    float best = Float.NEGATIVE_INFINITY;
                    for (int i = 0; i < k[0]; i++)
                        for (int j = 0; j < k[1]; j++) {
                            int sy = y * s[0] - p[0] + i * d[0], sx = xx * s[1] - p[1] + j * d[1];
                            if (sy >= 0 && sy < h && sx >= 0 && sx < w) best = Math.max(best, x.data()[(plane * h + sy) * w + sx]);
                        }
                    out[(plane * oh + y) * ow + xx] = best;
                }
        return new Arr(out, new long[]{n, c, oh, ow});
    }

    /** PyTorch's avg_pool2d kernel loop (divisor: window clipped to input+padding, or to the input). */
    static Arr avgPool2d(Arr x, int[] k, int[] s, int[] p, boolean ceil, boolean countIncludePad, int divisorOverride) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        int oh = pooledSize(h, k[0], s[0], p[0], 1, ceil), ow = pooledSize(w, k[1], s[1], p[1], 1, ceil);
        float[] out = new float[n * c * oh * ow];
        for (int plane = 0; plane < n * c; plane++)
            for (int y = 0; y < oh; y++)
                for (int xx = 0; xx < ow; xx++) {
                    int hs = y * s[0] - p[0], ws = xx * s[1] - p[1];
                    int he = Math.min(hs + k[0], h + p[0]), we = Math.min(ws + k[1], w + p[1]);
                    int poolSize = (he - hs) * (we - ws);
                    hs = Math.max(hs, 0);
                    ws = Math.max(ws, 0);
                    he = Math.min(he, h);
                    we = Math.min(we, w);
                    double sum = 0;
                    for (int i = hs; i < he; i++)
                        for (int j = ws; j < we; j++) sum += x.data()[(plane * h + i) * w + j];
                    int divisor = divisorOverride > 0 ? divisorOverride : countIncludePad ? poolSize : (he - hs) * (we - ws);
                    out[(plane * oh + y) * ow + xx] = (float) (sum / divisor);
                }
        return new Arr(out, new long[]{n, c, oh, ow});
    }

    /** PyTorch's adaptive_avg_pool2d: window [floor(i·in/out), ceil((i+1)·in/out)). */
    static Arr adaptiveAvgPool2d(Arr x, int oh, int ow) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        float[] out = new float[n * c * oh * ow];
        for (int plane = 0; plane < n * c; plane++)
            for (int y = 0; y < oh; y++)
                for (int xx = 0; xx < ow; xx++) {
                    int hs = (int) Math.floor((double) y * h / oh), he = (int) Math.ceil((double) (y + 1) * h / oh);
                    int ws = (int) Math.floor((double) xx * w / ow), we = (int) Math.ceil((double) (xx + 1) * w / ow);
                    double sum = 0;
                    for (int i = hs; i < he; i++)
                        for (int j = ws; j < we; j++) sum += x.data()[(plane * h + i) * w + j];
                    out[(plane * oh + y) * ow + xx] = (float) (sum / ((he - hs) * (we - ws)));
                }
        return new Arr(out, new long[]{n, c, oh, ow});
    }

    /** PyTorch's nearest_idx: scale = 1/scale_factor if given (scaleFactor > 0), else in/out, in float. */
    static int nearestSource(int dst, int in, int out, double scaleFactor) {
        if (out == in) return dst;
        if (out == 2 * in) return dst >> 1;
        float scale = scaleFactor > 0 ? (float) (1.0 / scaleFactor) : (float) in / out;
        return Math.min((int) Math.floor(dst * scale), in - 1);
    }

    static Arr nearest2d(Arr x, int oh, int ow, double scaleH, double scaleW) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        float[] out = new float[n * c * oh * ow];
        for (int plane = 0; plane < n * c; plane++)
            for (int y = 0; y < oh; y++)
                for (int xx = 0; xx < ow; xx++) {
                    int sy = nearestSource(y, h, oh, scaleH), sx = nearestSource(xx, w, ow, scaleW);
                    out[(plane * oh + y) * ow + xx] = x.data()[(plane * h + sy) * w + sx];
                }
        return new Arr(out, new long[]{n, c, oh, ow});
    }

    /** PyTorch's upsample_bilinear2d: source index and the two neighbours' weights per dim, then the 2×2 blend. */
    static Arr bilinear2d(Arr x, int oh, int ow, double scaleH, double scaleW, boolean alignCorners) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        float[] out = new float[n * c * oh * ow];
        for (int plane = 0; plane < n * c; plane++)
            for (int y = 0; y < oh; y++) {
                float[] hy = neighbours(y, h, oh, scaleH, alignCorners);
                for (int xx = 0; xx < ow; xx++) {
                    float[] wx = neighbours(xx, w, ow, scaleW, alignCorners);
                    int y0 = (int) hy[0], y1 = (int) hy[1], x0 = (int) wx[0], x1 = (int) wx[1];
                    float[] d = x.data();
                    int base = plane * h * w;
                    float v = hy[2] * (wx[2] * d[base + y0 * w + x0] + wx[3] * d[base + y0 * w + x1])
                            + hy[3] * (wx[2] * d[base + y1 * w + x0] + wx[3] * d[base + y1 * w + x1]);
                    out[(plane * oh + y) * ow + xx] = v;
                }
            }
        return new Arr(out, new long[]{n, c, oh, ow});
    }

    /** {index0, index1, lambda0, lambda1} for one output index. */
    private static float[] neighbours(int dst, int in, int out, double scaleFactor, boolean alignCorners) {
        if (out == in && !alignCorners) return new float[]{dst, dst, 1, 0};
        float scale;
        if (alignCorners) scale = out > 1 ? (float) (in - 1) / (out - 1) : 0;
        else scale = scaleFactor > 0 ? (float) (1.0 / scaleFactor) : (float) in / out;
        float src = alignCorners ? scale * dst : scale * (dst + 0.5f) - 0.5f;
        if (!alignCorners && src < 0) src = 0;
        int i0 = (int) src;
        int i1 = i0 + (i0 < in - 1 ? 1 : 0);
        float l1 = Math.min(Math.max(src - i0, 0), 1);
        return new float[]{i0, i1, 1 - l1, l1};
    }

    // ---------------------------------------------------------------- 3-D windows, padding, channel order

    /** PyTorch's conv3d: symmetric padding per dim; weight [O, C/groups, kD, kH, kW]. */
    static Arr conv3d(Arr x, Arr w, Arr b, int[] stride, int[] pad, int groups) {
        int n = x.dim(0), c = x.dim(1), o = w.dim(0), cg = w.dim(1), og = o / groups;
        int[] in = {x.dim(2), x.dim(3), x.dim(4)}, k = {w.dim(2), w.dim(3), w.dim(4)}, out = new int[3];
        for (int i = 0; i < 3; i++) out[i] = (in[i] + 2 * pad[i] - k[i]) / stride[i] + 1;
        float[] y = new float[n * o * out[0] * out[1] * out[2]];
        int at = 0;
        for (int bn = 0; bn < n; bn++)
            for (int oc = 0; oc < o; oc++)
                for (int od = 0; od < out[0]; od++)
                    for (int oh = 0; oh < out[1]; oh++)
                        for (int ow = 0; ow < out[2]; ow++) {
                            double sum = b == null ? 0 : b.data()[oc];
                            for (int ci = 0; ci < cg; ci++)
                                for (int i = 0; i < k[0]; i++)
                                    for (int j = 0; j < k[1]; j++)
                                        for (int l = 0; l < k[2]; l++) {
                                            int sd = od * stride[0] - pad[0] + i, sh = oh * stride[1] - pad[1] + j, sw = ow * stride[2] - pad[2] + l;
                                            if (sd < 0 || sd >= in[0] || sh < 0 || sh >= in[1] || sw < 0 || sw >= in[2]) continue;
                                            int ch = oc / og * cg + ci;
                                            sum += (double) x.data()[(((bn * c + ch) * in[0] + sd) * in[1] + sh) * in[2] + sw]
                                                    * w.data()[(((oc * cg + ci) * k[0] + i) * k[1] + j) * k[2] + l];
                                        }
                            y[at++] = (float) sum;
                        }
        return new Arr(y, new long[]{n, o, out[0], out[1], out[2]});
    }

    /** PyTorch's max_pool3d (dilation 1, floor mode): padding never wins the max. */
    static Arr maxPool3d(Arr x, int[] k, int[] stride, int[] pad) {
        int n = x.dim(0), c = x.dim(1);
        int[] in = {x.dim(2), x.dim(3), x.dim(4)}, out = new int[3];
        for (int i = 0; i < 3; i++) out[i] = (in[i] + 2 * pad[i] - k[i]) / stride[i] + 1;
        float[] y = new float[n * c * out[0] * out[1] * out[2]];
        int at = 0;
        for (int nc = 0; nc < n * c; nc++)
            for (int od = 0; od < out[0]; od++)
                for (int oh = 0; oh < out[1]; oh++)
                    for (int ow = 0; ow < out[2]; ow++) {
                        float max = Float.NEGATIVE_INFINITY;
                        for (int i = 0; i < k[0]; i++)
                            for (int j = 0; j < k[1]; j++)
                                for (int l = 0; l < k[2]; l++) {
                                    int sd = od * stride[0] - pad[0] + i, sh = oh * stride[1] - pad[1] + j, sw = ow * stride[2] - pad[2] + l;
                                    if (sd < 0 || sd >= in[0] || sh < 0 || sh >= in[1] || sw < 0 || sw >= in[2]) continue;
                                    max = Math.max(max, x.data()[((nc * in[0] + sd) * in[1] + sh) * in[2] + sw]);
                                }
                        y[at++] = max;
                    }
        return new Arr(y, new long[]{n, c, out[0], out[1], out[2]});
    }

    /**
     * Adaptive pooling over the trailing {@code size.length} dims of [N, C, ...]: output cell i of a dim
     * of length L pools input cells ⌊i·L/n⌋ ≤ j < ⌈(i+1)·L/n⌉; the mean, or the max.
     */
    static Arr adaptivePool(Arr x, int[] size, boolean max) {
        int dims = size.length, lead = x.shape().length - dims;
        int[] in = new int[dims];
        int outer = 1, cells = 1, inCells = 1;
        for (int i = 0; i < lead; i++) outer *= x.dim(i);
        for (int i = 0; i < dims; i++) {
            in[i] = x.dim(lead + i);
            cells *= size[i];
            inCells *= in[i];
        }
        float[] y = new float[outer * cells];
        long[] shape = x.shape().clone();
        for (int i = 0; i < dims; i++) shape[lead + i] = size[i];
        for (int o = 0; o < outer; o++) {
            for (int cell = 0; cell < cells; cell++) {
                int[] lo = new int[dims], hi = new int[dims];
                for (int i = dims - 1, rest = cell; i >= 0; rest /= size[i], i--) {
                    int at = rest % size[i];
                    lo[i] = at * in[i] / size[i];
                    hi[i] = ((at + 1) * in[i] + size[i] - 1) / size[i];
                }
                double acc = max ? Double.NEGATIVE_INFINITY : 0;
                int count = 0;
                for (int j = 0; j < inCells; j++) {
                    boolean inside = true;
                    for (int i = dims - 1, rest = j; i >= 0; rest /= in[i], i--) {
                        int at = rest % in[i];
                        inside &= at >= lo[i] && at < hi[i];
                    }
                    if (!inside) continue;
                    float v = x.data()[o * inCells + j];
                    acc = max ? Math.max(acc, v) : acc + v;
                    count++;
                }
                y[o * cells + cell] = (float) (max ? acc : acc / count);
            }
        }
        return new Arr(y, shape);
    }

    /** Zero padding of the last two dims by (left, right, top, bottom). */
    static Arr zeroPad2d(Arr x, int left, int right, int top, int bottom) {
        int h = x.dim(x.shape().length - 2), w = x.dim(x.shape().length - 1), planes = x.data().length / (h * w);
        int oh = h + top + bottom, ow = w + left + right;
        float[] y = new float[planes * oh * ow];
        for (int p = 0; p < planes; p++)
            for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++) y[(p * oh + i + top) * ow + j + left] = x.data()[(p * h + i) * w + j];
        long[] shape = x.shape().clone();
        shape[shape.length - 2] = oh;
        shape[shape.length - 1] = ow;
        return new Arr(y, shape);
    }

    /** Output channel j of [N, C, *] is input channel (j mod g)·(C/g) + ⌊j/g⌋ (PyTorch's channel_shuffle). */
    static Arr channelShuffle(Arr x, int groups) {
        int n = x.dim(0), c = x.dim(1), inner = x.data().length / (n * c), perGroup = c / groups;
        float[] y = new float[x.data().length];
        for (int b = 0; b < n; b++)
            for (int j = 0; j < c; j++) {
                int from = (j % groups) * perGroup + j / groups;
                System.arraycopy(x.data(), (b * c + from) * inner, y, (b * c + j) * inner, inner);
            }
        return new Arr(y, x.shape());
    }
}
