package dev.nnsh.nn;

import static dev.nnsh.nn.Reference.random;
import static dev.nnsh.nn.Reference.tensor;
import static dev.nnsh.nn.Reference.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.nnsh.ops.fast.DnnlEltwise;
import dev.nnsh.ops.fast.DnnlLayerNorm;
import dev.nnsh.ops.fast.DnnlLinear;
import dev.nnsh.tensor.Tensor;

/**
 * Issue 11 (tf): GELU on oneDNN's eltwise, Linear → GELU fused as a matmul post-op, and LayerNorm on
 * oneDNN's layer normalization, each against plain double loops and against ND4J's kernels (the path
 * off). Each test uses sizes of its own, so a newly compiled primitive shows that the fast path ran.
 */
class TransformerFastPathTest {
    /** |actual − expected| ≤ rel·|expected| + abs elementwise. */
    private static void assertNear(double[] expected, Tensor actual, double rel, double abs) {
        float[] a = values(actual);
        assertEquals(expected.length, a.length, "length");
        for (int i = 0; i < a.length; i++) {
            double tol = rel * Math.abs(expected[i]) + abs;
            if (!(Math.abs(a[i] - expected[i]) <= tol)) fail("element " + i + ": expected " + expected[i] + ", got " + a[i] + " (tolerance " + tol + ")");
        }
    }

    private static <T> T with(Runnable off, Runnable on, Supplier<T> pass) {
        off.run();
        try {
            return pass.get();
        } finally {
            on.run();
        }
    }

    @Test void geluExactAndTanhRunOnOneDnnWithinTolerance() {
        float[] x = random(3, 5 * 7 * 31, 2, 0.1);
        int before = DnnlEltwise.compiledPrimitives();
        Tensor exact = new GELU().apply(tensor(x, 5, 7, 31));
        Tensor tanh = new GELU("tanh").apply(tensor(x, 5, 7, 31));
        assertEquals(before + 2, DnnlEltwise.compiledPrimitives(), "an erf and a tanh primitive were compiled");
        assertArrayEquals(new long[]{5, 7, 31}, exact.shape());
        assertNear(Reference.map(x, Reference::geluExact), exact, 2e-6, 5e-7); // the negative tail: 1 + erf cancels in float
        assertNear(Reference.map(x, Reference::geluTanh), tanh, 2e-6, 5e-7);
        Tensor slow = with(() -> DnnlEltwise.setEnabled(false), () -> DnnlEltwise.setEnabled(true),
                () -> new GELU().apply(tensor(x, 5, 7, 31)));
        assertEquals(before + 2, DnnlEltwise.compiledPrimitives(), "the path off compiles nothing");
        assertNear(Reference.map(x, Reference::geluExact), slow, 2e-6, 5e-7);
    }

    @Test void geluOfATransposedViewIsRight() {
        float[] x = random(4, 9 * 13, 1.5, 0);
        Tensor view = tensor(x, 9, 13).transpose(0, 1);
        Tensor y = F.gelu(view);
        assertArrayEquals(new long[]{13, 9}, y.shape());
        assertNear(Reference.map(values(view), Reference::geluExact), y, 2e-6, 5e-7);
    }

    /** y[r][o] = gelu(Σ_i x[r][i]·W[o][i] + b[o]) in double. */
    private static double[] linearGelu(float[] x, int rows, int in, Linear fc, int out, boolean tanh) {
        float[] w = values(fc.ownParameters().get("weight").data()), b = values(fc.ownParameters().get("bias").data());
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int i = 0; i < in; i++) s += (double) x[r * in + i] * w[o * in + i];
                y[r * out + o] = tanh ? Reference.geluTanh(s) : Reference.geluExact(s);
            }
        }
        return y;
    }

    @Test void linearThenGeluInASequentialIsOneFusedMatmulInEval() {
        Linear fc = new Linear(43, 57);
        Sequential mlp = new Sequential(fc, new GELU(), new Dropout(0.1));
        mlp.eval();
        float[] x = random(5, 3 * 11 * 43, 1, 0);
        int linears = DnnlLinear.compiledPrimitives(), gelus = DnnlEltwise.compiledPrimitives();
        Tensor y = mlp.apply(tensor(x, 3, 11, 43));
        assertEquals(linears + 1, DnnlLinear.compiledPrimitives(), "one matmul with the GELU post-op");
        assertEquals(gelus, DnnlEltwise.compiledPrimitives(), "no separate GELU pass");
        assertArrayEquals(new long[]{3, 11, 57}, y.shape());
        assertNear(linearGelu(x, 33, 43, fc, 57, false), y, 1e-5, 1e-5);
        Tensor unfused = with(() -> DnnlLinear.setEnabled(false), () -> DnnlLinear.setEnabled(true),
                () -> mlp.apply(tensor(x, 3, 11, 43)));
        assertNear(linearGelu(x, 33, 43, fc, 57, false), unfused, 1e-5, 1e-5);
    }

    @Test void linearThenTanhGeluFusesTheTanhForm() {
        Linear fc = new Linear(19, 23);
        Sequential mlp = new Sequential(fc, new GELU("tanh"));
        mlp.eval();
        float[] x = random(6, 7 * 19, 1, 0);
        int linears = DnnlLinear.compiledPrimitives();
        Tensor y = mlp.apply(tensor(x, 7, 19));
        assertEquals(linears + 1, DnnlLinear.compiledPrimitives());
        assertNear(linearGelu(x, 7, 19, fc, 23, true), y, 1e-5, 1e-5);
        assertTrue(Math.abs(values(y)[0] - linearGelu(x, 7, 19, fc, 23, false)[0]) < 1e-2, "sanity: both forms are close");
    }

    @Test void linearThenGeluInTrainModeIsNotFused() {
        Linear fc = new Linear(17, 13);
        Sequential mlp = new Sequential(fc, new GELU());
        float[] x = random(7, 5 * 17, 1, 0);
        int linears = DnnlLinear.compiledPrimitives();
        Tensor y = mlp.apply(tensor(x, 5, 17));
        assertEquals(linears, DnnlLinear.compiledPrimitives(), "train mode keeps ND4J's product");
        assertNear(linearGelu(x, 5, 17, fc, 13, false), y, 1e-5, 1e-5);
    }

    /** LayerNorm over the last dim k of x in double (biased variance), weight and bias may be null. */
    private static double[] layerNorm(float[] x, int k, float[] w, float[] b, double eps) {
        double[] y = new double[x.length];
        for (int r = 0; r < x.length / k; r++) {
            double mean = 0, var = 0;
            for (int i = 0; i < k; i++) mean += x[r * k + i];
            mean /= k;
            for (int i = 0; i < k; i++) var += (x[r * k + i] - mean) * (x[r * k + i] - mean);
            var /= k;
            for (int i = 0; i < k; i++) {
                double v = (x[r * k + i] - mean) / Math.sqrt(var + eps);
                y[r * k + i] = v * (w == null ? 1 : w[i]) + (b == null ? 0 : b[i]);
            }
        }
        return y;
    }

    @Test void layerNormRunsOnOneDnnAndMatchesTheLoops() {
        LayerNorm ln = new LayerNorm(53).eps(1e-6);
        float[] w = random(8, 53, 0.5, 1), b = random(9, 53, 0.5, 0);
        ln.ownParameters().get("weight").set(tensor(w, 53));
        ln.ownParameters().get("bias").set(tensor(b, 53));
        float[] x = random(10, 4 * 6 * 53, 3, 2);
        int before = DnnlLayerNorm.compiledPrimitives();
        Tensor y = ln.apply(tensor(x, 4, 6, 53));
        assertEquals(before + 1, DnnlLayerNorm.compiledPrimitives());
        assertArrayEquals(new long[]{4, 6, 53}, y.shape());
        assertNear(layerNorm(x, 53, w, b, 1e-6), y, 1e-5, 1e-5);
        Tensor slow = with(() -> DnnlLayerNorm.setEnabled(false), () -> DnnlLayerNorm.setEnabled(true),
                () -> ln.apply(tensor(x, 4, 6, 53)));
        assertNear(layerNorm(x, 53, w, b, 1e-6), slow, 1e-5, 1e-5);
    }

    @Test void layerNormWithoutAffineAndWithoutBias() {
        float[] x = random(11, 9 * 29, 1, -1);
        int before = DnnlLayerNorm.compiledPrimitives();
        Tensor plain = new LayerNorm(29).elementwiseAffine(false).apply(tensor(x, 9, 29));
        LayerNorm noBias = new LayerNorm(29).bias(false);
        float[] w = random(12, 29, 0.3, 1);
        noBias.ownParameters().get("weight").set(tensor(w, 29));
        Tensor scaled = noBias.apply(tensor(x, 9, 29));
        assertEquals(before + 2, DnnlLayerNorm.compiledPrimitives());
        assertNear(layerNorm(x, 29, null, null, 1e-5), plain, 1e-5, 1e-5);
        assertNear(layerNorm(x, 29, w, null, 1e-5), scaled, 1e-5, 1e-5);
    }

    @Test void layerNormOverTwoTrailingDimsAndOnAView() {
        float[] x = random(13, 3 * 4 * 5, 1, 0);
        Tensor two = new LayerNorm(4, 5).apply(tensor(x, 3, 4, 5));
        assertNear(layerNorm(x, 20, null, null, 1e-5), two, 1e-5, 1e-5);
        Tensor view = tensor(x, 15, 4).transpose(0, 1);
        Tensor y = new LayerNorm(15).apply(view);
        assertNear(layerNorm(values(view), 15, null, null, 1e-5), y, 1e-5, 1e-5);
    }
}
