package dev.nnsh.models;

import static dev.nnsh.models.NearValues.assertNear;
import static dev.nnsh.models.NearValues.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.nnsh.nn.AvgPool2d;
import dev.nnsh.nn.ChannelsLastPadPool;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Sequential;
import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): MaxViT's MBConv shortcut, AvgPool2d(3, 2, 1) → 1×1 Conv2d, on a channels-last input in eval,
 * against the modules with -Dnnsh.tf.maxvitcl=off and against plain double loops.
 */
class MaxVitChannelsLastTest {
    /** avg_pool2d(x, 3, 2, 1) (zero padding counted) then a 1×1 convolution, in double loops. */
    private static double[] reference(float[] x, int n, int c, int h, int w, float[] weight, float[] bias, int out) {
        int oh = (h + 2 - 3) / 2 + 1, ow = (w + 2 - 3) / 2 + 1;
        double[] y = new double[n * out * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double[] pooled = new double[c];
                    for (int ch = 0; ch < c; ch++) {
                        double s = 0;
                        for (int di = 0; di < 3; di++) {
                            for (int dj = 0; dj < 3; dj++) {
                                int r = i * 2 - 1 + di, q = j * 2 - 1 + dj;
                                if (r >= 0 && r < h && q >= 0 && q < w) s += x[((b * c + ch) * h + r) * w + q];
                            }
                        }
                        pooled[ch] = s / 9;
                    }
                    for (int o = 0; o < out; o++) {
                        double s = bias[o];
                        for (int ch = 0; ch < c; ch++) s += weight[o * c + ch] * pooled[ch];
                        y[((b * out + o) * oh + i) * ow + j] = s;
                    }
                }
            }
        }
        return y;
    }

    @Test void pooledShortcutRunsChannelsLastAndEqualsTheModulesAndLoops() {
        Tensor.manualSeed(21);
        Conv2d conv = new Conv2d(16, 32, 1, 1);
        Sequential proj = new Sequential(new AvgPool2d(3, 2, 1), conv);
        proj.eval();
        Tensor nhwc = Tensor.randn(2, 9, 10, 16);
        Tensor x = Tensor.of(nhwc.nd().permute(0, 3, 1, 2)); // [N, C, H, W] over channels-last memory, as MBConv receives it
        long before = ChannelsLastPadPool.runs();
        Tensor fast = MaxVitChannelsLast.shortcut(proj, x);
        assertEquals(before + 1, ChannelsLastPadPool.runs(), "the padded pooling ran on oneDNN");
        assertTrue(DnnlConv.channelsLast(fast.nd()), "the result stays channels-last");
        assertArrayEquals(new long[]{2, 32, 5, 5}, fast.shape());
        double[] expected = reference(values(x), 2, 16, 9, 10, values(conv.ownParameters().get("weight").valueFor(x)),
                values(conv.ownParameters().get("bias").valueFor(x)), 32);
        assertNear(expected, values(fast), 1e-4);
        System.setProperty("nnsh.tf.maxvitcl", "off");
        try {
            long off = ChannelsLastPadPool.runs();
            Tensor slow = MaxVitChannelsLast.shortcut(proj, x);
            assertEquals(off, ChannelsLastPadPool.runs(), "switched off: the modules as before");
            assertNear(expected, values(slow), 1e-4);
        } finally {
            System.clearProperty("nnsh.tf.maxvitcl");
        }
    }

    @Test void otherPoolingsOrTrainingRunTheModules() {
        Tensor.manualSeed(22);
        Tensor x = Tensor.of(Tensor.randn(1, 8, 8, 4).nd().permute(0, 3, 1, 2));
        Sequential ceil = new Sequential(new AvgPool2d(3, 2, 1, true), new Conv2d(4, 8, 1, 1));
        ceil.eval();
        long before = ChannelsLastPadPool.runs();
        assertArrayEquals(ceil.apply(x).shape(), MaxVitChannelsLast.shortcut(ceil, x).shape());
        assertEquals(before, ChannelsLastPadPool.runs(), "ceil mode: declined");
        Sequential training = new Sequential(new AvgPool2d(3, 2, 1), new Conv2d(4, 8, 1, 1));
        MaxVitChannelsLast.shortcut(training, x);
        assertEquals(before, ChannelsLastPadPool.runs(), "train mode: declined");
    }
}
