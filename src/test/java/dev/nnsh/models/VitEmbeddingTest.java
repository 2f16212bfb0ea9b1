package dev.nnsh.models;

import static dev.nnsh.models.NearValues.assertNear;
import static dev.nnsh.models.NearValues.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Dropout;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): ViT's eval input, cat(class token, patches) + position embedding in one pass from a
 * channels-last patch convolution, against plain double loops, and the whole network against
 * itself with -Dnnsh.tf.vitembed=off.
 */
class VitEmbeddingTest {
    @Test void embeddingEqualsConvolutionConcatenationAndAddInLoops() {
        Tensor.manualSeed(31);
        int n = 2, c = 3, size = 16, p = 4, d = 8, g = size / p, patches = g * g;
        Conv2d conv = new Conv2d(c, d, p, p);
        conv.eval();
        Dropout dropout = new Dropout(0.0);
        dropout.eval();
        Tensor x = Tensor.randn(n, c, size, size), token = Tensor.randn(1, 1, d), pos = Tensor.randn(1, patches + 1, d);
        Tensor seq = VitEmbedding.embedded(conv, token, pos, dropout, x, d);
        assertNotNull(seq, "the path applies in eval");
        assertArrayEquals(new long[]{n, patches + 1, d}, seq.shape());
        float[] xs = values(x), w = values(conv.ownParameters().get("weight").valueFor(x)), b = values(conv.ownParameters().get("bias").valueFor(x));
        float[] t = values(token), e = values(pos);
        double[] expected = new double[n * (patches + 1) * d];
        for (int img = 0; img < n; img++) {
            for (int k = 0; k < d; k++) expected[(img * (patches + 1)) * d + k] = t[k] + e[k];
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    int row = 1 + i * g + j;
                    for (int o = 0; o < d; o++) {
                        double s = b[o];
                        for (int ch = 0; ch < c; ch++) {
                            for (int ky = 0; ky < p; ky++) {
                                for (int kx = 0; kx < p; kx++) {
                                    s += (double) w[((o * c + ch) * p + ky) * p + kx] * xs[((img * c + ch) * size + i * p + ky) * size + j * p + kx];
                                }
                            }
                        }
                        expected[(img * (patches + 1) + row) * d + o] = s + e[row * d + o];
                    }
                }
            }
        }
        assertNear(expected, values(seq), 1e-4);
        dropout.train();
        assertNull(VitEmbedding.embedded(conv, token, pos, dropout, x, d), "a training dropout: the modules run");
        dropout.eval();
        System.setProperty("nnsh.tf.vitembed", "off");
        try {
            assertNull(VitEmbedding.embedded(conv, token, pos, dropout, x, d), "switched off");
        } finally {
            System.clearProperty("nnsh.tf.vitembed");
        }
    }

    @Test void networkEqualsTheModulePath() {
        Tensor.manualSeed(32);
        VisionTransformer net = new VisionTransformer(32, 8, 2, 2, 16, 32, 0.0, 0.0, 10);
        net.class_token.set(Tensor.randn(1, 1, 16));
        net.eval();
        Tensor x = Tensor.randn(3, 3, 32, 32);
        float[] fast = values(net.apply(x));
        System.setProperty("nnsh.tf.vitembed", "off");
        float[] slow;
        try {
            slow = values(net.apply(x));
        } finally {
            System.clearProperty("nnsh.tf.vitembed");
        }
        double[] expected = new double[slow.length];
        for (int i = 0; i < slow.length; i++) expected[i] = slow[i];
        assertNear(expected, fast, 1e-5);
    }
}
