package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class GeneratorTest {
    private static float[] values(Tensor t) { return t.nd().dup('c').data().asFloat(); }

    /** JShell runs each cell on its own thread: a seed set on one thread must hold on the next. */
    @Test void aSeedSetOnOneThreadRepeatsTheDrawsOnAnother() throws Exception {
        Tensor.manualSeed(7);
        float[] first = values(Tensor.rand(5));
        Tensor.manualSeed(7);
        AtomicReference<float[]> other = new AtomicReference<>();
        Thread t = new Thread(() -> other.set(values(Tensor.rand(5))));
        t.start();
        t.join();
        assertArrayEquals(first, other.get());
    }

    @Test void drawsFollowTheirDistributions() {
        Tensor.manualSeed(1);
        float[] u = values(Tensor.rand(10000));
        float[] n = values(Tensor.randn(10000));
        double mu = 0, mn = 0, vn = 0;
        for (int i = 0; i < u.length; i++) {
            assertTrue(u[i] >= 0 && u[i] < 1, "uniform value out of [0, 1): " + u[i]);
            mu += u[i];
            mn += n[i];
        }
        mu /= u.length;
        mn /= n.length;
        for (float x : n) vn += (x - mn) * (x - mn);
        vn /= n.length;
        assertEquals(0.5, mu, 0.02);
        assertEquals(0.0, mn, 0.05);
        assertEquals(1.0, vn, 0.05);
        assertNotEquals(values(Tensor.rand(5))[0], values(Tensor.rand(5))[0]);
    }
}
