package dev.nnsh.nn;

import static dev.nnsh.nn.Reference.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private static final int ROWS = 200, COLS = 500;

    @Test void trainingZeroesAboutPAndScalesSurvivorsByOneOverOneMinusP() {
        double p = 0.3;
        float[] x = random(1, ROWS * COLS, 1, 3);
        Tensor.manualSeed(42);
        float[] y = values(new Dropout(p).apply(tensor(x, ROWS, COLS)));
        int zeros = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 0) zeros++;
            else assertEquals(x[i] / (1 - p), y[i], 1e-5 * Math.abs(x[i] / (1 - p)), "survivor " + i);
        }
        double fraction = (double) zeros / y.length;
        double sigma = Math.sqrt(p * (1 - p) / y.length);
        assertEquals(p, fraction, 5 * sigma, "fraction of zeroed elements");
    }

    @Test void sameSeedSameMask() {
        float[] x = random(2, 1000, 1, 3);
        Tensor.manualSeed(7);
        float[] first = values(F.dropout(tensor(x, 1000), 0.5, true));
        Tensor.manualSeed(7);
        float[] second = values(F.dropout(tensor(x, 1000), 0.5, true));
        assertArrayEquals(first, second);
        float[] third = values(F.dropout(tensor(x, 1000), 0.5, true));
        assertFalse(java.util.Arrays.equals(first, third), "the next call draws a new mask");
    }

    @Test void evalModeIsTheIdentity() {
        float[] x = random(3, 60, 1, 0);
        var dropout = new Dropout(0.9);
        dropout.eval();
        assertArrayEquals(x, values(dropout.apply(tensor(x, 3, 4, 5))));
        var dropout2d = new Dropout2d(0.9);
        dropout2d.eval();
        assertArrayEquals(x, values(dropout2d.apply(tensor(x, 3, 4, 5))));
        assertArrayEquals(x, values(F.dropout(tensor(x, 60), 0.5, false)));
    }

    @Test void probabilityZeroKeepsEverythingAndOneZeroesEverything() {
        float[] x = random(4, 100, 1, 3);
        assertArrayEquals(x, values(new Dropout(0).apply(tensor(x, 100))));
        assertArrayEquals(new float[100], values(new Dropout(1).apply(tensor(x, 100))));
    }

    @Test void dropout2dZeroesWholeChannels() {
        double p = 0.3;
        int n = 50, c = 40, hw = 9;
        float[] x = random(5, n * c * hw, 1, 3);
        Tensor.manualSeed(3);
        float[] y = values(new Dropout2d(p).apply(tensor(x, n, c, 3, 3)));
        int zeroChannels = 0;
        for (int ch = 0; ch < n * c; ch++) {
            boolean dropped = y[ch * hw] == 0;
            if (dropped) zeroChannels++;
            for (int i = ch * hw; i < (ch + 1) * hw; i++) {
                double expected = dropped ? 0 : x[i] / (1 - p);
                assertEquals(expected, y[i], 1e-5 * Math.abs(expected), "channel " + ch + " element " + i);
            }
        }
        double sigma = Math.sqrt(p * (1 - p) / (n * c));
        assertEquals(p, (double) zeroChannels / (n * c), 5 * sigma, "fraction of zeroed channels");
    }

    @Test void invalidProbabilityAndRankAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
        assertEquals("Dropout: p (dropout probability) must be between 0 and 1, got 1.5", e.getMessage());
        var m = assertThrows(ModuleException.class, () -> new Dropout2d().apply(Tensor.shapeOnly(4, 10)));
        assertEquals("Dropout2d: expected 3-D [N, C, L] or 4-D [N, C, H, W] input, got 2-D input of shape [4, 10]",
                m.getMessage());
    }

    @Test void shapeOnlyPassesThrough() {
        Tensor out = new Dropout().apply(Tensor.shapeOnly(100000, 4096));
        assertTrue(out.isShapeOnly());
        assertArrayEquals(new long[]{100000, 4096}, out.shape());
    }

    @Test void printedLikePyTorch() {
        assertEquals("Dropout(p=0.5, inplace=False)", new Dropout().toString());
        assertEquals("Dropout(p=0.1, inplace=True)", new Dropout(0.1, true).toString());
        assertEquals("Dropout2d(p=0.2, inplace=False)", new Dropout2d(0.2).toString());
    }
}
