package dev.nnsh.nn;

import static dev.nnsh.nn.WindowReference.assertClose;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import dev.nnsh.nn.WindowReference.Arr;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Real forward passes of the pooling layers against {@link WindowReference}, one test per option. */
class PoolingLayersTest {
    private final Random rnd = new Random(11);

    private void checkMax(MaxPool2d pool, long[] shape, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        Arr x = Arr.random(rnd, shape);
        assertClose(WindowReference.maxPool2d(x, k, s, p, d, ceil), pool.apply(x.tensor()));
    }

    @Test void maxPool2dDefaultStrideIsTheKernel() {
        checkMax(new MaxPool2d(2), new long[]{2, 3, 8, 7}, new int[]{2, 2}, new int[]{2, 2}, new int[]{0, 0}, new int[]{1, 1}, false);
        checkMax(new MaxPool2d(3, 2), new long[]{1, 2, 9, 8}, new int[]{3, 3}, new int[]{2, 2}, new int[]{0, 0}, new int[]{1, 1}, false);
    }

    @Test void maxPool2dPaddingNeverWinsOverNegativeInputs() {
        MaxPool2d pool = new MaxPool2d(3, 2, 1);
        Tensor allNegative = Tensor.rand(1, 2, 5, 5).sub(2);
        assertTrue(pool.apply(allNegative).nd().maxNumber().doubleValue() < 0);
        checkMax(pool, new long[]{2, 2, 7, 6}, new int[]{3, 3}, new int[]{2, 2}, new int[]{1, 1}, new int[]{1, 1}, false);
    }

    @Test void maxPool2dCeilMode() {
        checkMax(new MaxPool2d(2).ceilMode(true), new long[]{1, 2, 7, 5}, new int[]{2, 2}, new int[]{2, 2}, new int[]{0, 0},
                new int[]{1, 1}, true);
        checkMax(new MaxPool2d(3, 2, 1).ceilMode(true), new long[]{1, 2, 6, 8}, new int[]{3, 3}, new int[]{2, 2},
                new int[]{1, 1}, new int[]{1, 1}, true);
        // the window that would start in the right padding is dropped: 5 → 3, not 4
        assertArrayEquals(new long[]{1, 1, 3, 3}, new MaxPool2d(2, 2, 1).ceilMode(true).apply(Tensor.rand(1, 1, 5, 5)).shape());
    }

    @Test void maxPool2dDilationAndRectangularWindows() {
        checkMax(new MaxPool2d(3, 1, 1, 2), new long[]{1, 2, 7, 7}, new int[]{3, 3}, new int[]{1, 1}, new int[]{1, 1},
                new int[]{2, 2}, false);
        checkMax(new MaxPool2d(2).kernelSize(2, 3).stride(1, 2).dilation(2, 1).ceilMode(true), new long[]{2, 1, 6, 9},
                new int[]{2, 3}, new int[]{1, 2}, new int[]{0, 0}, new int[]{2, 1}, true);
    }

    @Test void maxPool2dUnbatchedInput() {
        Arr x = Arr.random(rnd, 1, 3, 6, 6);
        Tensor y = new MaxPool2d(2).apply(x.tensor().squeeze(0));
        assertArrayEquals(new long[]{3, 3, 3}, y.shape());
        assertClose(WindowReference.maxPool2d(x, new int[]{2, 2}, new int[]{2, 2}, new int[2], new int[]{1, 1}, false), y.unsqueeze(0));
    }

    @Test void maxPool1dEachOption() {
        for (int[] c : new int[][]{{2, 2, 0, 1, 0}, {3, 2, 1, 1, 1}, {3, 1, 1, 2, 0}, {2, 3, 1, 1, 1}}) {
            MaxPool1d pool = new MaxPool1d(c[0], c[1], c[2], c[3]).ceilMode(c[4] == 1);
            Arr x = Arr.random(rnd, 2, 3, 10);
            Arr x4 = new Arr(x.data(), new long[]{2, 3, 1, 10});
            Arr expected = WindowReference.maxPool2d(x4, new int[]{1, c[0]}, new int[]{1, c[1]}, new int[]{0, c[2]},
                    new int[]{1, c[3]}, c[4] == 1);
            assertClose(new Arr(expected.data(), new long[]{2, 3, expected.shape()[3]}), pool.apply(x.tensor()));
        }
    }

    private void checkAvg(AvgPool2d pool, long[] shape, int[] k, int[] s, int[] p, boolean ceil, boolean countPad, int divisor) {
        Arr x = Arr.random(rnd, shape);
        assertClose(WindowReference.avgPool2d(x, k, s, p, ceil, countPad, divisor), pool.apply(x.tensor()));
    }

    @Test void avgPool2dDefaults() {
        checkAvg(new AvgPool2d(2), new long[]{2, 3, 6, 7}, new int[]{2, 2}, new int[]{2, 2}, new int[]{0, 0}, false, true, 0);
        checkAvg(new AvgPool2d(3, 1), new long[]{1, 2, 5, 6}, new int[]{3, 3}, new int[]{1, 1}, new int[]{0, 0}, false, true, 0);
    }

    @Test void avgPool2dCountIncludePad() {
        checkAvg(new AvgPool2d(3, 2, 1), new long[]{2, 2, 7, 6}, new int[]{3, 3}, new int[]{2, 2}, new int[]{1, 1}, false, true, 0);
        checkAvg(new AvgPool2d(3, 2, 1).countIncludePad(false), new long[]{2, 2, 7, 6}, new int[]{3, 3}, new int[]{2, 2},
                new int[]{1, 1}, false, false, 0);
    }

    @Test void avgPool2dCeilMode() {
        checkAvg(new AvgPool2d(2, 2, 0, true), new long[]{1, 2, 7, 5}, new int[]{2, 2}, new int[]{2, 2}, new int[]{0, 0}, true, true, 0);
        checkAvg(new AvgPool2d(3, 2, 1, true, true), new long[]{1, 2, 6, 8}, new int[]{3, 3}, new int[]{2, 2}, new int[]{1, 1},
                true, true, 0);
        checkAvg(new AvgPool2d(3, 2, 1, true, false), new long[]{1, 2, 6, 8}, new int[]{3, 3}, new int[]{2, 2},
                new int[]{1, 1}, true, false, 0);
        checkAvg(new AvgPool2d(2).kernelSize(3, 2).stride(2, 3).padding(1, 1).ceilMode(true), new long[]{1, 1, 8, 7},
                new int[]{3, 2}, new int[]{2, 3}, new int[]{1, 1}, true, true, 0);
    }

    @Test void avgPool2dDivisorOverride() {
        checkAvg(new AvgPool2d(3, 2, 1).divisorOverride(5), new long[]{1, 2, 6, 6}, new int[]{3, 3}, new int[]{2, 2},
                new int[]{1, 1}, false, true, 5);
    }

    @Test void adaptiveAvgPool2dNonDivisibleSizes() {
        for (int[] c : new int[][]{{7, 7, 3, 3}, {5, 7, 3, 4}, {6, 6, 1, 1}, {4, 5, 4, 5}, {3, 4, 5, 7}, {10, 9, 4, 2}}) {
            Arr x = Arr.random(rnd, 2, 3, c[0], c[1]);
            AdaptiveAvgPool2d pool = c[2] == c[3] ? new AdaptiveAvgPool2d(c[2]) : new AdaptiveAvgPool2d(c[2], c[3]);
            assertClose(WindowReference.adaptiveAvgPool2d(x, c[2], c[3]), pool.apply(x.tensor()));
        }
    }

    @Test void functionalFormsMatchTheLayers() {
        Tensor x = Tensor.rand(2, 3, 9, 9);
        assertClose(Arr.of(new MaxPool2d(3, 2, 1).apply(x)), F.maxPool2d(x, 3, 2, 1));
        assertClose(Arr.of(new AvgPool2d(3, 2, 1).apply(x)), F.avgPool2d(x, 3, 2, 1));
        assertClose(Arr.of(new AdaptiveAvgPool2d(4, 2).apply(x)), F.adaptiveAvgPool2d(x, 4, 2));
        assertClose(Arr.of(new MaxPool2d(2).apply(x)), F.maxPool2d(x, 2));
    }
}
