package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The functional forms issue 9 adds: shape-only and real inputs give the same shapes or the same errors. */
class FunctionalShapeFuzzTest {
    private static final int CASES = 1200;
    private final Random rnd = new Random(9);

    private int between(int lo, int hi) { return lo + rnd.nextInt(hi - lo + 1); }

    private long[] shape(int minRank, int maxRank) {
        long[] s = new long[between(minRank, maxRank)];
        for (int i = 0; i < s.length; i++) s[i] = between(1, 5);
        return s;
    }

    private static String outcome(Function<Boolean, Tensor> op, boolean shapeOnly) {
        try {
            Tensor t = op.apply(shapeOnly);
            return Shapes.format(t.shape()) + " " + t.dtype();
        } catch (RuntimeException e) {
            return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static Tensor make(boolean shapeOnly, long[] s) { return shapeOnly ? Tensor.shapeOnly(s) : Tensor.rand(s); }

    private static Tensor ints(boolean shapeOnly, long[] s, long bound) {
        return shapeOnly ? Tensor.shapeOnly(DType.INT64, s) : Tensor.randint(0, Math.max(1, bound), s);
    }

    private record Case(String name, Function<Boolean, Tensor> op) {}

    private Case randomCase() {
        long[] a = shape(1, 4), b = rnd.nextBoolean() ? a.clone() : shape(1, 4), c = shape(1, 4);
        if (rnd.nextBoolean() && a.length >= 2) { b = a.clone(); b[b.length - 2] = between(1, 5); c = b.clone(); c[c.length - 1] = between(1, 4); }
        long[] qs = a, ks = b, vs = c;
        int dim = between(-4, 3), k = between(1, 4), k2 = between(1, 4);
        boolean causal = rnd.nextBoolean();
        long classes = between(1, 6);
        long[] mask = {qs[qs.length - 1 > 0 ? qs.length - 1 : 0], ks.length >= 2 ? ks[ks.length - 2] : 1};
        return switch (rnd.nextInt(11)) {
            case 0 -> new Case("sdpa " + Shapes.format(qs) + Shapes.format(ks) + Shapes.format(vs) + " causal=" + causal,
                    so -> F.scaledDotProductAttention(make(so, qs), make(so, ks), make(so, vs), null, 0, causal));
            case 1 -> new Case("sdpa with bool mask " + Shapes.format(mask),
                    so -> F.scaledDotProductAttention(make(so, qs), make(so, ks), make(so, vs), make(so, mask).gt(0.5), 0, false));
            case 2 -> new Case("normalize dim " + dim, so -> F.normalize(make(so, qs), 2, dim));
            case 3 -> new Case("mish/elu/hardsigmoid/softplus", so -> F.softplus(F.hardsigmoid(F.elu(F.mish(make(so, qs)), 0.5))));
            case 4 -> new Case("avgPool1d " + k + "," + k2, so -> F.avgPool1d(make(so, qs), k, k2, k / 2 > 0 ? 1 : 0));
            case 5 -> new Case("adaptiveAvgPool1d " + k, so -> F.adaptiveAvgPool1d(make(so, qs), k));
            case 6 -> new Case("adaptiveMaxPool2d " + k + "x" + k2, so -> F.adaptiveMaxPool2d(make(so, qs), k, k2));
            case 7 -> new Case("oneHot " + classes, so -> F.oneHot(ints(so, qs, classes), classes));
            case 8 -> new Case("crossEntropy", so -> F.crossEntropy(make(so, qs), ints(so, ks, qs.length >= 2 ? qs[1] : qs[0])));
            case 9 -> new Case("nllLoss none", so -> F.nllLoss(make(so, qs), ints(so, ks, qs.length >= 2 ? qs[1] : qs[0]), -100, "none"));
            default -> new Case("mseLoss", so -> F.mseLoss(make(so, qs), make(so, ks), "sum"));
        };
    }

    @Test void shapeOnlyAndRealAgree() {
        List<String> mismatches = new ArrayList<>();
        int ok = 0, failed = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = rnd.nextLong();
            rnd.setSeed(seed);
            Case c = randomCase();
            String real = outcome(c.op, false);
            rnd.setSeed(seed);
            String shapeOnly = outcome(randomCase().op, true);
            if (real.startsWith("error")) failed++; else ok++;
            if (!real.equals(shapeOnly)) mismatches.add(c.name + "\n  real:       " + real + "\n  shape-only: " + shapeOnly);
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, e.g.\n" + String.join("\n", mismatches.subList(0, Math.min(8, mismatches.size()))));
        assertTrue(ok > CASES / 4 && failed > CASES / 20, ok + " valid, " + failed + " invalid");
    }
}
