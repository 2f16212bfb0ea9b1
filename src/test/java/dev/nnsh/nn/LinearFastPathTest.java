package dev.nnsh.nn;

import static dev.nnsh.nn.Reference.random;
import static dev.nnsh.nn.Reference.tensor;
import static dev.nnsh.nn.Reference.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.nnsh.ops.fast.DnnlLinear;
import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.Tensor;

/**
 * Eval-mode Linear (→ ReLU/ReLU6) on oneDNN's matmul against plain double loops and against ND4J's
 * product (the path off): every input rank, with and without bias, a transposed weight view; a
 * weight changed in place or replaced is seen at once; train mode, the switches and a summary-like
 * observer see every layer; Dropout in eval is the identity (the same tensor, no copy).
 * Each test uses feature counts of its own, so a new compiled primitive shows that the path ran.
 */
class LinearFastPathTest {
    /** y[r][o] = act(Σ_i x[r][i]·W[o][i] + b[o]) in double; act 0 none, 1 ReLU, 6 ReLU6. */
    private static double[] reference(float[] x, int rows, int in, float[] w, float[] b, int out, int act) {
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double s = b == null ? 0 : b[o];
                for (int i = 0; i < in; i++) s += (double) x[r * in + i] * w[o * in + i];
                y[r * out + o] = act == 0 ? s : act == 1 ? Math.max(0, s) : Math.min(Math.max(0, s), 6);
            }
        }
        return y;
    }

    /** Within float rounding of a sum of {@code in} products: 1e-5 of the largest output, elementwise. */
    private static void assertNear(double[] expected, Tensor actual) {
        float[] a = values(actual);
        assertEquals(expected.length, a.length, "length");
        double scale = 1e-6;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - expected[i]) <= 1e-5 * scale)) fail("element " + i + ": expected " + expected[i] + ", got " + a[i]);
        }
    }

    private static Tensor nd4jPath(Supplier<Tensor> pass) {
        DnnlLinear.setEnabled(false);
        try {
            return pass.get();
        } finally {
            DnnlLinear.setEnabled(true);
        }
    }

    private static float[] weightOf(Linear fc) { return values(fc.ownParameters().get("weight").data()); }

    private static float[] biasOf(Linear fc) { return values(fc.ownParameters().get("bias").data()); }

    @Test void evalLinearRunsOnTheFastPathAndMatchesTheLoopsAndNd4j() {
        Linear fc = new Linear(37, 29);
        fc.eval();
        float[] x = random(11, 12 * 37, 1, 0.1);
        int before = DnnlLinear.compiledPrimitives();
        Tensor y = fc.apply(tensor(x, 12, 37));
        assertEquals(before + 1, DnnlLinear.compiledPrimitives(), "a primitive was compiled for [12, 37] -> 29");
        assertArrayEquals(new long[]{12, 29}, y.shape());
        assertNear(reference(x, 12, 37, weightOf(fc), biasOf(fc), 29, 0), y);
        Tensor input = tensor(x, 12, 37);
        float[] once = values(fc.apply(input));
        assertArrayEquals(new long[]{12, 37}, input.nd().shape(), "the input's own shape is left as it was");
        assertArrayEquals(new long[]{37, 1}, input.nd().stride());
        assertArrayEquals(once, values(fc.apply(input)), "the same input twice gives the same result");
        Tensor slow = nd4jPath(() -> fc.apply(tensor(x, 12, 37)));
        assertNear(reference(x, 12, 37, weightOf(fc), biasOf(fc), 29, 0), slow);
        fc.apply(tensor(x, 12, 37));
        assertEquals(before + 1, DnnlLinear.compiledPrimitives(), "the second call reuses the compiled primitive");
    }

    @Test void leadingDimensionsOneDimensionalInputAndNoBias() {
        Linear fc = new Linear(19, 23).bias(false);
        fc.eval();
        float[] x = random(12, 2 * 3 * 19, 1, 0);
        int before = DnnlLinear.compiledPrimitives();
        Tensor y = fc.apply(tensor(x, 2, 3, 19));
        assertArrayEquals(new long[]{2, 3, 23}, y.shape());
        assertNear(reference(x, 6, 19, weightOf(fc), null, 23, 0), y);
        float[] v = random(13, 19, 1, 0);
        Tensor y1 = fc.apply(tensor(v, 19));
        assertArrayEquals(new long[]{23}, y1.shape());
        assertNear(reference(v, 1, 19, weightOf(fc), null, 23, 0), y1);
        assertEquals(before + 2, DnnlLinear.compiledPrimitives(), "both ran on the fast path");
    }

    @Test void aTransposedWeightViewIsReadWhereItLies() {
        Linear fc = new Linear(17, 13);
        fc.eval();
        float[] wt = random(14, 17 * 13, 0.3, 0); // [in, out]
        fc.ownParameters().get("weight").set(tensor(wt, 17, 13).transpose(0, 1));
        float[] w = weightOf(fc);
        assertEquals(wt[1], w[17], "weight[1][0] is the transposed array's [0][1]");
        float[] x = random(15, 12 * 17, 1, 0);
        int before = DnnlLinear.compiledPrimitives();
        Tensor y = fc.apply(tensor(x, 12, 17));
        assertEquals(before + 1, DnnlLinear.compiledPrimitives());
        assertNear(reference(x, 12, 17, w, biasOf(fc), 13, 0), y);
    }

    @Test void aWeightChangedInPlaceOrReplacedIsSeenAtTheNextCall() {
        Linear fc = new Linear(21, 9);
        fc.eval();
        float[] x = random(16, 12 * 21, 1, 0);
        Tensor first = fc.apply(tensor(x, 12, 21));
        assertNear(reference(x, 12, 21, weightOf(fc), biasOf(fc), 9, 0), first);
        fc.ownParameters().get("weight").data().nd().muli(-2); // in place: the same tensor object
        fc.ownParameters().get("bias").data().nd().addi(1);
        Tensor second = fc.apply(tensor(x, 12, 21));
        assertNear(reference(x, 12, 21, weightOf(fc), biasOf(fc), 9, 0), second);
        assertTrue(Math.abs(values(second)[0] - values(first)[0]) > 1e-3, "the in-place change reached the result");
        fc.ownParameters().get("weight").set(tensor(random(17, 9 * 21, 0.2, 0), 9, 21)); // replaced
        Tensor third = fc.apply(tensor(x, 12, 21));
        assertNear(reference(x, 12, 21, weightOf(fc), biasOf(fc), 9, 0), third);
    }

    @Test void trainModeAndTheSwitchesKeepNd4jsProduct() {
        Linear fc = new Linear(31, 7);
        float[] x = random(18, 12 * 31, 1, 0);
        int before = DnnlLinear.compiledPrimitives();
        Tensor train = fc.apply(tensor(x, 12, 31)); // a new module trains
        Tensor off = nd4jPath(() -> fc.eval().apply(tensor(x, 12, 31)));
        InPlace.setEnabled(false);
        Tensor allOff;
        try {
            allOff = fc.apply(tensor(x, 12, 31));
        } finally {
            InPlace.setEnabled(true);
        }
        assertEquals(before, DnnlLinear.compiledPrimitives(), "nothing ran on oneDNN");
        assertArrayEquals(values(off), values(train), "train mode is ND4J's product, bit for bit");
        assertArrayEquals(values(off), values(allOff));
        fc.apply(tensor(x, 12, 31));
        assertEquals(before + 1, DnnlLinear.compiledPrimitives(), "eval with the switches on does use it");
    }

    @Test void aClassifierSequentialFusesLinearAndReluAndEqualsTheSeparateCalls() {
        Sequential head = new Sequential(new Linear(41, 33), new ReLU(true), new Dropout(0.5), new Linear(33, 27), new ReLU6(),
                new Dropout(), new Linear(27, 5));
        head.eval();
        float[] x = random(19, 12 * 41, 1, 0);
        int before = DnnlLinear.compiledPrimitives();
        Tensor fused = head.apply(tensor(x, 12, 41));
        assertEquals(before + 3, DnnlLinear.compiledPrimitives(), "Linear→ReLU, Linear→ReLU6 and the last Linear");
        Linear a = (Linear) head.get(0), b = (Linear) head.get(3), c = (Linear) head.get(6);
        double[] h1 = reference(x, 12, 41, weightOf(a), biasOf(a), 33, 1);
        double[] h2 = reference(toFloats(h1), 12, 33, weightOf(b), biasOf(b), 27, 6);
        assertNear(reference(toFloats(h2), 12, 27, weightOf(c), biasOf(c), 5, 0), fused);
        Tensor separate = nd4jPath(() -> head.apply(tensor(x, 12, 41)));
        float[] f = values(fused), s = values(separate);
        for (int i = 0; i < f.length; i++) assertEquals(s[i], f[i], 1e-5 * (1 + Math.abs(s[i])), "element " + i);
        a.apply(tensor(x, 12, 41));
        assertEquals(before + 4, DnnlLinear.compiledPrimitives(), "the first Linear alone is a new primitive: the pass had fused its ReLU");
    }

    @Test void aLinearAfterConvolutionsInOneSequentialIsFusedToo() {
        Sequential net = new Sequential(new Conv2d(3, 4, 3, 1, 1), new ReLU(true), new Flatten(), new Linear(4 * 5 * 5, 11), new ReLU());
        net.eval();
        ConvFusionTest.randomize(net, 3);
        float[] x = random(20, 2 * 3 * 5 * 5, 1, 0);
        int before = DnnlLinear.compiledPrimitives();
        Tensor y = net.apply(tensor(x, 2, 3, 5, 5));
        assertEquals(before + 1, DnnlLinear.compiledPrimitives());
        Tensor separate = nd4jPath(() -> net.apply(tensor(x, 2, 3, 5, 5)));
        float[] f = values(y), s = values(separate);
        for (int i = 0; i < f.length; i++) assertEquals(s[i], f[i], 1e-5 * (1 + Math.abs(s[i])), "element " + i);
    }

    @Test void aSummaryLikeObserverSeesEveryLayerOfAClassifier() {
        Sequential head = new Sequential(new Linear(43, 15), new ReLU(), new Linear(15, 4));
        head.eval();
        Tensor x = tensor(random(22, 12 * 43, 1, 0), 12, 43);
        java.util.List<String> seen = new java.util.ArrayList<>();
        CallObserver recorder = new CallObserver() {
            @Override public void before(Module module, Tensor[] inputs) { seen.add(module.typeName()); }
            @Override public void after(Module module, Tensor[] inputs, Tensor output) {}
        };
        Tensor observed;
        try (Module.ObserverScope scope = Module.observe(recorder)) {
            observed = head.apply(x);
        }
        assertEquals(java.util.List.of("Sequential", "Linear", "ReLU", "Linear"), seen);
        Linear a = (Linear) head.get(0), b = (Linear) head.get(2);
        double[] h = reference(values(x), 12, 43, weightOf(a), biasOf(a), 15, 1);
        assertNear(reference(toFloats(h), 12, 15, weightOf(b), biasOf(b), 4, 0), observed);
        float[] f = values(observed), s = values(nd4jPath(() -> head.apply(x)));
        for (int i = 0; i < f.length; i++) assertEquals(s[i], f[i], 1e-5 * (1 + Math.abs(s[i])), "element " + i);
    }

    @Test void dropoutInEvalReturnsItsInputItself() {
        Tensor x = tensor(random(21, 12 * 8, 1, 0), 12, 8);
        Dropout d = new Dropout(0.5);
        d.eval();
        assertSame(x, d.apply(x));
        Dropout inplace = new Dropout(0.3, true);
        inplace.eval();
        assertSame(x, inplace.apply(x));
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}
