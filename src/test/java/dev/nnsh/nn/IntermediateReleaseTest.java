package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/** Issue 11 (mem): a Sequential frees its provably dead intermediates, and nothing else. */
class IntermediateReleaseTest {
    /** 1×4×128×128 float32 = 256 KiB: conv and pool outputs of this size come from the pool. */
    private static Tensor input() {
        Tensor.manualSeed(11);
        return Tensor.rand(1, 4, 128, 128);
    }

    private static Conv2d conv() { return new Conv2d(4, 4, 3, 1, 1); }

    private static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    /** The same children applied one by one outside the Sequential: nothing is freed there. */
    private static float[] byHand(Tensor x, Module... children) {
        for (Module m : children) x = m.apply(x);
        return values(x);
    }

    @Test void intermediatesAreFreedAndTheOutputIsRight() {
        Conv2d a = conv(), b = conv(), c = conv();
        Sequential net = new Sequential(a, b, c);
        Tensor x = input();
        float[] expected = byHand(x, a, b, c);
        long before = IntermediateRelease.releasedCount();
        Tensor out = net.apply(x);
        assertEquals(2, IntermediateRelease.releasedCount() - before, "the outputs of children 0 and 1");
        assertArrayEquals(expected, values(out));
        Tensor again = net.apply(x);
        assertArrayEquals(expected, values(again));
        assertArrayEquals(expected, values(out), "the first pass's output changed during the second");
    }

    @Test void theUsersInputIsNeverFreedEvenWhenPooledOrPassedThrough() {
        Conv2d pre = conv(), a = conv(), b = conv();
        Tensor x = pre.apply(input()); // a pooled tensor, as the output of another network would be
        float[] xValues = values(x);
        float[] expected = byHand(x, a, b);
        Sequential net = new Sequential(new Identity(), a, new Identity(), b);
        for (int pass = 0; pass < 3; pass++) {
            assertArrayEquals(expected, values(net.apply(x)));
            assertArrayEquals(xValues, values(x), "the input changed in pass " + pass);
        }
        Sequential flattening = new Sequential(new Flatten(1), new Unflatten(1, 4, 128, 128), a);
        for (int pass = 0; pass < 3; pass++) flattening.apply(x);
        assertArrayEquals(xValues, values(x), "a view of the input was freed");
    }

    @Test void viewsOfAnIntermediateKeepItAliveUntilTheLastViewIsConsumed() {
        Conv2d a = conv(), b = conv();
        Module[] children = {a, new Flatten(1), new Unflatten(1, 4, 128, 128), b};
        Sequential net = new Sequential(children);
        Tensor x = input();
        float[] expected = byHand(x, children);
        long before = IntermediateRelease.releasedCount();
        for (int pass = 0; pass < 3; pass++) assertArrayEquals(expected, values(net.apply(x)));
        assertEquals(3, IntermediateRelease.releasedCount() - before, "only the last view, once per pass");
    }

    @Test void tensorsAnObserverSawAreNotFreed() {
        Conv2d a = conv(), b = conv(), c = conv();
        Sequential net = new Sequential(a, b, c);
        Tensor x = input();
        List<Tensor> seen = new ArrayList<>();
        long before = IntermediateRelease.releasedCount();
        try (Module.ObserverScope scope = Module.observe(new CallObserver() {
            @Override public void before(Module module, Tensor[] inputs) {}
            @Override public void after(Module module, Tensor[] inputs, Tensor output) { seen.add(output); }
        })) {
            net.apply(x);
        }
        assertEquals(before, IntermediateRelease.releasedCount());
        List<float[]> snapshot = new ArrayList<>();
        for (Tensor t : seen) snapshot.add(values(t));
        for (int pass = 0; pass < 3; pass++) net.apply(x);
        for (int i = 0; i < seen.size(); i++) assertArrayEquals(snapshot.get(i), values(seen.get(i)), "observed tensor " + i);
    }

    /** A user's module that keeps its input, as a feature extractor would. */
    static final class Keeper extends Module {
        final List<Tensor> kept = new ArrayList<>();

        @Override public Tensor forward(Tensor x) {
            kept.add(x);
            return x.mul(2);
        }
    }

    /** A user's module that returns a tensor it keeps. */
    static final class Cached extends Module {
        private final Conv2d inner = conv();
        Tensor last;

        @Override public Tensor forward(Tensor x) {
            last = inner.apply(x);
            return last;
        }
    }

    @Test void whatAUsersModuleKeepsOrReturnsIsNotFreed() {
        Conv2d a = conv(), b = conv();
        Keeper keeper = new Keeper();
        Cached cached = new Cached();
        Sequential net = new Sequential(a, keeper, b, cached, conv());
        Tensor x = input();
        float[] keptExpected = byHand(x, a);
        for (int pass = 0; pass < 3; pass++) net.apply(x);
        float[] cachedValue = values(cached.last);
        for (int pass = 0; pass < 2; pass++) net.apply(x);
        for (Tensor k : keeper.kept) assertArrayEquals(keptExpected, values(k));
        assertArrayEquals(cachedValue, values(cached.last), "the tensor the user's module kept and returned");
    }

    @Test void aSteadyStateEvalPassAsksForNoCollection() {
        Module[] layers = new Module[9];
        for (int i = 0; i < 8; i++) layers[i] = new Conv2d(16, 16, 3, 1, 1); // 4 MiB outputs
        layers[8] = new MaxPool2d(8);                                         // a small output
        Sequential net = new Sequential(layers);
        net.eval();
        Tensor.manualSeed(3);
        Tensor x = Tensor.rand(1, 16, 256, 256);
        for (int pass = 0; pass < 2; pass++) net.apply(x);
        var before = NativeBuffers.stats();
        for (int pass = 0; pass < 20; pass++) net.apply(x); // 640 MiB of outputs: the old code collected
        var after = NativeBuffers.stats();
        assertEquals(before.collections(), after.collections(), "System.gc() during steady-state passes");
        assertEquals(before.misses(), after.misses(), "every output after warm-up should come from the pool");
        assertEquals(8 * 20, after.released() - before.released(), "the 8 conv outputs of each pass");
    }
}
