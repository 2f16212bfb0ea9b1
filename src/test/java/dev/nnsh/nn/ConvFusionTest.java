package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.nnsh.ops.fast.DnnlConv;
import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.Tensor;

/**
 * Conv2d → BatchNorm2d → ReLU/ReLU6 fused into one convolution against the separate module calls
 * with every fast path off (ND4J's kernels, BatchNorm's four-pass formula), with random batch-norm
 * statistics and affine parameters; the fold's cache against every way the values can change;
 * no fusion while a summary-like observer watches, fusion beside the progress line.
 */
class ConvFusionTest {
    private static Sequential block(Module act, boolean bias, int groups) {
        Conv2d conv = new Conv2d(6, 6, 3, 1, 1, 1, groups, bias);
        Sequential s = act == null ? new Sequential(conv, new BatchNorm2d(6)) : new Sequential(conv, new BatchNorm2d(6), act);
        randomize(s, 1);
        s.eval();
        return s;
    }

    /** Random values for every parameter and buffer (variances positive), through loadStateDict. */
    static void randomize(Module m, long seed) {
        Tensor.manualSeed(seed);
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (var e : m.stateDict().entrySet()) {
            Tensor t = e.getValue();
            if (!t.dtype().isFloatingPoint()) { state.put(e.getKey(), t); continue; }
            Tensor r = Tensor.randn(t.shape());
            if (e.getKey().endsWith("running_var")) r = Tensor.rand(t.shape()).add(0.5);
            else if (e.getKey().endsWith("running_mean") || e.getKey().endsWith("bias")) r = r.mul(0.5);
            else if (e.getKey().endsWith("weight") && t.dim() == 1) r = Tensor.rand(t.shape()).add(0.5);
            else r = r.mul(0.3);
            state.put(e.getKey(), r);
        }
        m.loadStateDict(state);
    }

    static Tensor unfused(Supplier<Tensor> pass) {
        InPlace.setEnabled(false);
        try {
            return pass.get();
        } finally {
            InPlace.setEnabled(true);
        }
    }

    static void assertClose(Tensor expected, Tensor actual, String what) {
        float[] e = expected.nd().dup('c').data().asFloat(), a = actual.nd().dup('c').data().asFloat();
        assertEquals(e.length, a.length, what);
        double scale = 0;
        for (float v : e) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= 1e-5 * Math.max(Math.abs(e[i]), 0.1 * scale) + 1e-6)) {
                fail(what + ": element " + i + " expected " + e[i] + ", got " + a[i]);
            }
        }
    }

    private static boolean fused(Tensor out) { return DnnlConv.channelsLast(out.nd()); }

    @Test void fusedRunsMatchTheSeparateCalls() {
        Tensor x = Tensor.randn(2, 6, 9, 8);
        Object[][] cases = {{new ReLU(), true, 1}, {new ReLU(true), false, 1}, {new ReLU6(), true, 1}, {new ReLU6(true), false, 3},
                {null, true, 1}, {new ReLU(), false, 6}};
        for (Object[] c : cases) {
            Sequential s = block((Module) c[0], (Boolean) c[1], (Integer) c[2]);
            Tensor want = unfused(() -> s.apply(x));
            Tensor got = s.apply(x);
            assertTrue(fused(got), "fused: " + s);
            assertClose(want, got, s.toString());
        }
        // ReLU6 clips at 6: scale the weights so that many outputs pass 6
        Sequential s = block(new ReLU6(), true, 1);
        Tensor big = x.mul(5);
        Tensor want = unfused(() -> s.apply(big));
        assertTrue(want.nd().maxNumber().doubleValue() == 6.0);
        assertClose(want, s.apply(big), "ReLU6 at its upper bound");
    }

    @Test void convReluWithoutBatchNormAndBatchNormWithoutAffine() {
        Tensor x = Tensor.randn(1, 4, 7, 7);
        Sequential vggLike = new Sequential(new Conv2d(4, 5, 3, 1, 1), new ReLU(true), new Conv2d(5, 3, 1));
        randomize(vggLike, 2);
        vggLike.eval();
        assertClose(unfused(() -> vggLike.apply(x)), vggLike.apply(x), "conv, relu, conv");
        Sequential plainBn = new Sequential(new Conv2d(4, 4, 3).bias(false), new BatchNorm2d(4).affine(false), new ReLU());
        randomize(plainBn, 3);
        plainBn.eval();
        Tensor got = plainBn.apply(x);
        assertTrue(fused(got));
        assertClose(unfused(() -> plainBn.apply(x)), got, "affine=False");
    }

    @Test void maxPoolingAChannelsLastResult() {
        MaxPool2d[] pools = {new MaxPool2d(3, 2, 1), new MaxPool2d(3, 2).ceilMode(true), new MaxPool2d(2), new MaxPool2d(3, 1, 1, 2),
                new MaxPool2d(2, 3).ceilMode(true)};
        Tensor x = Tensor.randn(2, 4, 11, 10);
        for (MaxPool2d pool : pools) {
            Sequential s = new Sequential(new Conv2d(4, 6, 3, 1, 1), new ReLU(), pool, new Conv2d(6, 5, 1));
            randomize(s, 6);
            s.eval();
            Tensor got = s.apply(x);
            assertTrue(fused(got), pool.toString());
            assertClose(unfused(() -> s.apply(x)), got, pool.toString());
        }
    }

    @Test void averagePoolingAChannelsLastResult() { // issue 11 (dense)
        Tensor x = Tensor.randn(2, 4, 11, 10);
        AvgPool2d[] onDnnl = {new AvgPool2d(2, 2), new AvgPool2d(3, 2), new AvgPool2d(2).countIncludePad(false), new AvgPool2d(3, 1).kernelSize(3, 2)};
        AvgPool2d[] inNd4j = {new AvgPool2d(3, 2, 1), new AvgPool2d(3, 2).ceilMode(true), new AvgPool2d(2).divisorOverride(3),
                new AvgPool2d(3, 2, 1, true, false)};
        for (AvgPool2d[] pools : new AvgPool2d[][]{onDnnl, inNd4j}) {
            for (AvgPool2d pool : pools) {
                Sequential s = new Sequential(new Conv2d(4, 6, 3, 1, 1), new ReLU(), pool);
                randomize(s, 7);
                s.eval();
                Tensor got = s.apply(x);
                if (pools == onDnnl) assertTrue(fused(got), pool.toString());
                assertClose(unfused(() -> s.apply(x)), got, pool.toString());
            }
        }
    }

    @Test void adaptiveAveragePoolingAChannelsLastResult() {
        Tensor x = Tensor.randn(2, 4, 12, 8);
        for (int[] size : new int[][]{{1, 1}, {3, 2}, {5, 3}}) { // the last does not divide: ND4J's kernel
            Sequential s = new Sequential(new Conv2d(4, 6, 3, 1, 1), new ReLU(), new AdaptiveAvgPool2d(size[0], size[1]));
            randomize(s, 8);
            s.eval();
            Tensor got = s.apply(x);
            assertEquals(size[0] * size[1] > 6 ? false : true, fused(got), java.util.Arrays.toString(size));
            assertClose(unfused(() -> s.apply(x)), got, java.util.Arrays.toString(size));
        }
    }

    @Test void theFoldFollowsEveryChange() {
        Tensor x = Tensor.randn(2, 6, 6, 6);
        Sequential s = block(new ReLU(), true, 1);
        assertClose(unfused(() -> s.apply(x)), s.apply(x), "first");
        randomize(s, 9); // loadStateDict: new tensors
        assertClose(unfused(() -> s.apply(x)), s.apply(x), "after loadStateDict");
        ((BatchNorm2d) s.get(1)).ownBuffers().get("running_var").set(Tensor.rand(6).add(2));
        assertClose(unfused(() -> s.apply(x)), s.apply(x), "after setting running_var");
        ((Conv2d) s.get(0)).ownParameters().get("weight").set(Tensor.randn(6, 6, 3, 3));
        assertClose(unfused(() -> s.apply(x)), s.apply(x), "after setting the conv weight");
        ((BatchNorm2d) s.get(1)).eps(0.5);
        assertClose(unfused(() -> s.apply(x)), s.apply(x), "after eps");
        s.train();
        Tensor trainOut = s.apply(x.mul(3).add(1)); // a training step: running statistics move in place
        assertFalse(fused(trainOut), "train mode is not fused");
        s.eval();
        Tensor afterStep = s.apply(x);
        assertTrue(fused(afterStep));
        assertClose(unfused(() -> s.apply(x)), afterStep, "after a training step");
        s.train();
        assertClose(unfused(() -> s.apply(x)), s.apply(x), "train mode itself");
    }

    @Test void noFusionWhileEveryCallIsObserved() {
        Sequential s = block(new ReLU(), true, 1);
        Tensor x = Tensor.randn(1, 6, 5, 5);
        List<String> seen = new ArrayList<>();
        CallObserver recorder = new CallObserver() {
            @Override public void before(Module module, Tensor[] inputs) { seen.add(module.typeName()); }
            @Override public void after(Module module, Tensor[] inputs, Tensor output) {}
        };
        Tensor out;
        try (Module.ObserverScope scope = Module.observe(recorder)) {
            out = s.apply(x);
        }
        assertEquals(List.of("Sequential", "Conv2d", "BatchNorm2d", "ReLU"), seen);
        assertFalse(fused(out));
        assertClose(unfused(() -> s.apply(x)), out, "observed pass");
    }

    @Test void fusionStaysOnBesideTheProgressLine() {
        String before = System.getProperty("nnsh.progress"), delay = System.getProperty("nnsh.progress.afterMillis");
        System.setProperty("nnsh.progress", "on");
        System.setProperty("nnsh.progress.afterMillis", "3600000");
        try {
            Sequential s = block(new ReLU(), true, 1);
            Tensor x = Tensor.randn(1, 6, 5, 5);
            boolean[] progressInstalled = {false};
            Sequential outer = new Sequential(new Module() {
                @Override public Tensor forward(Tensor t) {
                    progressInstalled[0] = !Module.everyCallObserved();
                    return s.apply(t);
                }
            });
            Tensor out = outer.apply(x);
            assertTrue(progressInstalled[0]);
            assertTrue(fused(out), "the progress line does not turn fusion off");
        } finally {
            restore("nnsh.progress", before);
            restore("nnsh.progress.afterMillis", delay);
        }
    }

    @Test void shapeErrorsAreTheSeparateCallsOnes() {
        Sequential s = block(new ReLU(), true, 1);
        Tensor wrong = Tensor.randn(1, 5, 5, 5);
        String fusedMessage = message(() -> s.apply(wrong));
        String plainMessage = message(() -> unfused(() -> s.apply(wrong)));
        assertEquals(plainMessage, fusedMessage);
        assertTrue(fusedMessage.contains("0"), fusedMessage);
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        return fail("no error");
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
