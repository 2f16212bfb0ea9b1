package dev.nnsh.nn;

import static dev.nnsh.nn.WindowReference.assertClose;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import dev.nnsh.nn.WindowReference.Arr;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Upsample / F.interpolate against {@link WindowReference}'s PyTorch index formulas, and F.pad. */
class ResamplingTest {
    private final Random rnd = new Random(5);

    @Test void nearestBySize() {
        for (int[] c : new int[][]{{4, 5, 8, 10}, {4, 5, 7, 3}, {3, 3, 3, 3}, {5, 7, 11, 13}, {6, 6, 2, 4}}) {
            Arr x = Arr.random(rnd, 2, 3, c[0], c[1]);
            assertClose(WindowReference.nearest2d(x, c[2], c[3], -1, -1), new Upsample().size(c[2], c[3]).apply(x.tensor()));
        }
    }

    @Test void nearestByScaleFactorUsesTheGivenScale() {
        for (double s : new double[]{2, 3, 1.7, 0.5, 2.5, 1.3}) {
            Arr x = Arr.random(rnd, 1, 2, 5, 7);
            int oh = (int) Math.floor(5 * s), ow = (int) Math.floor(7 * s);
            assertClose(WindowReference.nearest2d(x, oh, ow, s, s), new Upsample().scaleFactor(s).apply(x.tensor()));
        }
        Arr x = Arr.random(rnd, 1, 1, 4, 6);
        assertClose(WindowReference.nearest2d(x, 6, 4, 1.5, 0.75), F.interpolate(x.tensor(), null, new double[]{1.5, 0.75}, "nearest", false));
    }

    @Test void nearestOn3dInput() {
        Arr x = Arr.random(rnd, 2, 3, 5);
        Tensor y = F.interpolate(x.tensor(), 8, "nearest");
        Arr expected = WindowReference.nearest2d(new Arr(x.data(), new long[]{2, 3, 1, 5}), 1, 8, -1, -1);
        assertClose(new Arr(expected.data(), new long[]{2, 3, 8}), y);
    }

    @Test void bilinearWithoutAlignCorners() {
        for (int[] c : new int[][]{{4, 5, 8, 10}, {5, 4, 7, 9}, {6, 7, 3, 4}, {4, 4, 4, 4}, {1, 3, 4, 5}}) {
            Arr x = Arr.random(rnd, 2, 2, c[0], c[1]);
            assertClose(WindowReference.bilinear2d(x, c[2], c[3], -1, -1, false),
                    new Upsample().size(c[2], c[3]).mode("bilinear").apply(x.tensor()));
        }
        for (double s : new double[]{2, 1.5, 0.6}) {
            Arr x = Arr.random(rnd, 1, 2, 5, 6);
            int oh = (int) Math.floor(5 * s), ow = (int) Math.floor(6 * s);
            assertClose(WindowReference.bilinear2d(x, oh, ow, s, s, false), F.interpolate(x.tensor(), s, "bilinear"));
        }
    }

    @Test void bilinearWithAlignCorners() {
        for (int[] c : new int[][]{{4, 5, 8, 10}, {5, 4, 7, 9}, {6, 7, 3, 4}, {4, 4, 4, 4}, {3, 3, 1, 5}}) {
            Arr x = Arr.random(rnd, 2, 2, c[0], c[1]);
            assertClose(WindowReference.bilinear2d(x, c[2], c[3], -1, -1, true),
                    new Upsample().size(c[2], c[3]).mode("bilinear").alignCorners(true).apply(x.tensor()));
        }
        Arr x = Arr.random(rnd, 1, 1, 3, 4);
        assertClose(WindowReference.bilinear2d(x, 6, 8, 2, 2, true), F.interpolate(x.tensor(), 2.0, "bilinear", true));
    }

    @Test void upsampleArgumentErrors() {
        var both = assertThrows(IllegalArgumentException.class, () -> new Upsample(4).scaleFactor(2));
        assertTrue(both.getMessage().contains("only one of size or scale_factor"), both.getMessage());
        var align = assertThrows(IllegalArgumentException.class, () -> new Upsample(4).alignCorners(true));
        assertTrue(align.getMessage().startsWith("Upsample: align_corners"), align.getMessage());
        var mode = assertThrows(IllegalArgumentException.class, () -> new Upsample(4).mode("bicubic"));
        assertTrue(mode.getMessage().contains("mode"), mode.getMessage());
        var neither = assertThrows(ModuleException.class, () -> new Upsample().apply(Tensor.shapeOnly(1, 1, 4, 4)));
        assertTrue(neither.getMessage().contains("either size or scale_factor"), neither.getMessage());
        var dims = assertThrows(ModuleException.class, () -> new Upsample(4, "bilinear").apply(Tensor.shapeOnly(1, 4, 4)));
        assertTrue(dims.getMessage().contains("needs 4-D input, got shape [1, 4, 4]"), dims.getMessage());
    }

    @Test void upsampleReprIsPyTorchs() {
        assertEquals("scale_factor=2.0, mode='nearest'", new Upsample().scaleFactor(2).extraRepr());
        assertEquals("size=7, mode='bilinear'", new Upsample(7, "bilinear").extraRepr());
        assertEquals("size=(4, 5), mode='nearest'", new Upsample().size(4, 5).extraRepr());
    }

    @Test void padConstantLastDimFirst() {
        Arr x = Arr.random(rnd, 1, 2, 3, 4);
        Tensor y = F.pad(x.tensor(), 1, 2, 3, 0);
        assertArrayEquals(new long[]{1, 2, 6, 7}, y.shape());
        float[] got = Arr.of(y).data();
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < 7; j++) {
                    int si = i - 3, sj = j - 1;
                    float expected = si >= 0 && si < 3 && sj >= 0 && sj < 4 ? x.data()[(c * 3 + si) * 4 + sj] : 0f;
                    assertEquals(expected, got[(c * 6 + i) * 7 + j]);
                }
    }

    @Test void padWithValueAndNegativePaddingCrops() {
        Arr x = Arr.random(rnd, 2, 5);
        Tensor y = F.pad(x.tensor(), new int[]{-1, 2, 1, 0}, "constant", 9);
        assertArrayEquals(new long[]{3, 6}, y.shape());
        float[] got = Arr.of(y).data();
        for (int j = 0; j < 6; j++) assertEquals(9f, got[j]);
        for (int r = 0; r < 2; r++)
            for (int j = 0; j < 6; j++) assertEquals(j < 4 ? x.data()[r * 5 + j + 1] : 9f, got[(r + 1) * 6 + j]);
        var e = assertThrows(IllegalArgumentException.class, () -> F.pad(x.tensor(), 1, 1, 1));
        assertTrue(e.getMessage().contains("divisible by 2"), e.getMessage());
        assertThrows(RuntimeException.class, () -> F.pad(Tensor.shapeOnly(2, 5), -3, -2));
    }
}
