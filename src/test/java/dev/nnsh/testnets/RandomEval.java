package dev.nnsh.testnets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.nnsh.nn.Module;
import dev.nnsh.tensor.InPlace;
import dev.nnsh.tensor.Tensor;

/** For tests of eval fast paths: random weights and statistics, the unfused reference pass, a closeness check. */
public final class RandomEval {
    private RandomEval() {}

    /**
     * Random state: running variances in [0.5, 1.5), other vectors around 1 (weights) or 0, matrices and
     * kernels N(0, weightScale²); integer buffers kept.
     */
    public static void randomize(Module m, long seed, double weightScale) {
        Tensor.manualSeed(seed);
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (var e : m.stateDict().entrySet()) {
            Tensor t = e.getValue();
            Tensor r;
            if (!t.dtype().isFloatingPoint()) r = t;
            else if (e.getKey().endsWith("running_var")) r = Tensor.rand(t.shape()).add(0.5);
            else if (t.dim() == 1) r = Tensor.randn(t.shape()).mul(0.5).add(e.getKey().endsWith("weight") ? 1 : 0);
            else r = Tensor.randn(t.shape()).mul(weightScale);
            state.put(e.getKey(), r);
        }
        m.loadStateDict(state);
    }

    /** The pass with every eval fast path off: the reference the fused one is checked against. */
    public static Tensor unfused(Supplier<Tensor> pass) {
        InPlace.setEnabled(false);
        try {
            return pass.get();
        } finally {
            InPlace.setEnabled(true);
        }
    }

    /** Every element within {@code relative} of the expected one, or of a tenth of the largest (+1e-6). */
    public static void assertClose(Tensor want, Tensor got, double relative, String what) {
        float[] e = want.nd().dup('c').data().asFloat(), a = got.nd().dup('c').data().asFloat();
        assertEquals(e.length, a.length, what + ": size");
        double scale = 0;
        for (float v : e) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= relative * Math.max(Math.abs(e[i]), 0.1 * scale) + 1e-6)) {
                fail(what + ": element " + i + " expected " + e[i] + ", got " + a[i]);
            }
        }
    }
}
