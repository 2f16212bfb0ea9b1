package dev.nnsh.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Random shapes and arguments for every issue-9 tensor operation: a shape-only tensor and a real one
 * of the same shape must give the same shapes and dtypes, or fail with the same message.
 */
class TensorApiShapeFuzzTest {
    private static final int CASES = 3000;
    private final Random rnd = new Random(99);

    private int between(int lo, int hi) { return lo + rnd.nextInt(hi - lo + 1); }

    private long[] shape() {
        long[] s = new long[between(0, 4)];
        for (int i = 0; i < s.length; i++) s[i] = rnd.nextInt(12) == 0 ? 0 : between(1, 4);
        return s;
    }

    private int dim() { return between(-5, 4); }

    private static String describe(Object r) {
        if (r instanceof Tensor t) return Shapes.format(t.shape()) + " " + t.dtype();
        if (r instanceof ValuesIndices vi) return describe(vi.values()) + " / " + describe(vi.indices());
        if (r instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("list");
            for (Object o : l) sb.append(' ').append(describe(o));
            return sb.toString();
        }
        return String.valueOf(r);
    }

    private static String outcome(Function<Tensor, Object> op, Tensor x) {
        try {
            return describe(op.apply(x));
        } catch (RuntimeException e) {
            return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (StackOverflowError e) {
            StackTraceElement[] st = e.getStackTrace();
            StringBuilder sb = new StringBuilder("overflow");
            for (int q = 0; q < Math.min(12, st.length); q++) sb.append("\n   ").append(st[q]);
            return sb.toString();
        }
    }

    private record Case(String name, Function<Tensor, Object> op) {}

    private Case randomCase(long[] s) {
        int d = dim(), d2 = dim();
        long i = between(-5, 5), j = between(-5, 5), k = between(0, 5);
        int which = rnd.nextInt(46);
        boolean keep = rnd.nextBoolean();
        long[] other = rnd.nextBoolean() ? s : shape();
        return switch (which) {
            case 0 -> new Case("select(" + d + ", " + i + ")", x -> x.select(d, i));
            case 1 -> new Case("narrow(" + d + ", " + i + ", " + k + ")", x -> x.narrow(d, i, k));
            case 2 -> new Case("slice(" + d + ", " + i + ", " + j + ", " + (k + 1) + ")", x -> x.slice(d, i, j, k == 5 ? 0 : k + 1));
            case 3 -> {
                String[] items = {":", "0", "-1", "1:", ":2", "::2", "...", "None", "1:3"};
                StringBuilder spec = new StringBuilder();
                int n = between(0, 5);
                for (int q = 0; q < n; q++) spec.append(q > 0 ? ", " : "").append(items[rnd.nextInt(items.length)]);
                String text = spec.toString();
                yield new Case("get(\"" + text + "\")", x -> x.get(text));
            }
            case 4 -> {
                long[] sizes = new long[between(0, 5)];
                for (int q = 0; q < sizes.length; q++) sizes[q] = between(-1, 4);
                yield new Case("expand" + java.util.Arrays.toString(sizes), x -> x.expand(sizes));
            }
            case 5 -> {
                long[] reps = new long[between(0, 5)];
                for (int q = 0; q < reps.length; q++) reps[q] = between(0, 3);
                yield new Case("repeat" + java.util.Arrays.toString(reps), x -> x.repeat(reps));
            }
            case 6 -> new Case("split(" + k + ", " + d + ")", x -> x.split(k, d));
            case 7 -> new Case("chunk(" + k + ", " + d + ")", x -> x.chunk((int) k, d));
            case 8 -> new Case("unbind(" + d + ")", x -> x.unbind(d));
            case 9 -> new Case("stack(" + d + ")", x -> Tensor.stack(d, x, x.isShapeOnly() ? Tensor.shapeOnly(other) : Tensor.zeros(other)));
            case 10 -> new Case("flip(" + d + ", " + d2 + ")", x -> x.flip(d, d2));
            case 11 -> new Case("roll(" + i + ", " + d + ")", x -> x.roll(new long[]{i}, new int[]{d}));
            case 12 -> new Case("unflatten(" + d + ", " + j + ", -1)", x -> x.unflatten(d, j, -1));
            case 13 -> new Case("movedim(" + d + ", " + d2 + ")", x -> x.movedim(d, d2));
            case 14 -> new Case("tril(" + i + ")", x -> x.tril(i));
            case 15 -> new Case("triu(" + i + ")", x -> x.triu(i));
            case 16 -> new Case("eq(other)", x -> x.eq(like(x, other)));
            case 17 -> new Case("le(2)", x -> x.le(2));
            case 18 -> new Case("where", x -> Tensor.where(like(x, other).gt(0.5), x, 0.0));
            case 19 -> new Case("maskedFill", x -> x.maskedFill(like(x, other).gt(0.5), Double.NEGATIVE_INFINITY));
            case 20 -> new Case("logicalAnd", x -> x.gt(0.5).logicalAnd(like(x, other).lt(0.5)));
            case 21 -> new Case("maximum", x -> x.maximum(like(x, other)));
            case 22 -> new Case("pow(tensor)", x -> x.pow(like(x, other)));
            case 23 -> new Case("clamp", x -> x.clamp(0.2, 0.8).sqrt().erf().rsqrt().round().abs().neg().log1p());
            case 24 -> new Case("sum(" + d + ", " + d2 + ")", x -> x.sum(new int[]{d, d2}, keep));
            case 25 -> new Case("mean(" + d + ", keepdim)", x -> x.mean(new int[]{d}, true));
            case 26 -> new Case("max(" + d + ")", x -> x.max(d));
            case 27 -> new Case("max()", Tensor::max);
            case 28 -> new Case("amin(" + d + ")", x -> x.amin(d));
            case 29 -> new Case("argmin(" + d + ")", x -> x.argmin(d, true));
            case 30 -> new Case("var(" + d + ")", x -> x.var(new int[]{d}, 1, false));
            case 31 -> new Case("std()", Tensor::std);
            case 32 -> new Case("norm(2, " + d + ")", x -> x.norm(2, new int[]{d}, false));
            case 33 -> new Case("cumsum(" + d + ")", x -> x.cumsum(d));
            case 34 -> new Case("prod(" + d + ")", x -> x.prod(d, true));
            case 35 -> new Case("topk(" + k + ", " + d + ")", x -> x.topk(k, d));
            case 36 -> new Case("sort(" + d + ")", x -> x.sort(d, true));
            case 37 -> new Case("any(" + d + ")", x -> x.any(d));
            case 38 -> new Case("all()", x -> x.gt(0.5).all());
            case 39 -> new Case("einsum", x -> Tensor.einsum(letters(x.dim()) + "," + letters(other.length) + "->" + letters(Math.min(x.dim(), 2)),
                    x, like(x, other)));
            case 40 -> new Case("indexSelect(" + d + ")", x -> x.indexSelect(d, ints(x, k == 0 || x.numel() == 0 ? 0 : 2, 0)));
            case 41 -> new Case("gather(" + d + ")", x -> x.gather(d, x.isShapeOnly() ? Tensor.shapeOnly(DType.INT64, x.shape())
                    : Tensor.zerosLike(x).toLong()));
            case 44 -> new Case("sub(other)", x -> x.sub(like(x, other)).mul(like(x, other)));
            case 45 -> new Case("index(items)", x -> x.index(Index.ellipsis(), Index.range(i, j), Index.newAxis()));
            case 42 -> new Case("zerosLike/onesLike", x -> Tensor.cat(0, Tensor.zerosLike(x), Tensor.onesLike(x)));
            default -> new Case("contiguous.isnan", x -> x.contiguous().isnan().logicalNot().bool());
        };
    }

    private static String letters(int n) { return "abcdefgh".substring(0, Math.max(0, n)); }

    /** A tensor of the given shape in the same mode as x. */
    private static Tensor like(Tensor x, long[] shape) { return x.isShapeOnly() ? Tensor.shapeOnly(shape) : Tensor.rand(shape); }

    /** n int64 indices valid for x's first dim (values do not matter for shapes). */
    private static Tensor ints(Tensor x, int n, long value) {
        return x.isShapeOnly() ? Tensor.shapeOnly(DType.INT64, n) : Tensor.full(DType.INT64, value, n);
    }

    @Test void shapeOnlyAndRealAgreeOnShapesAndErrors() {
        int failed = 0, ok = 0;
        List<String> mismatches = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            long[] s = shape();
            Case cs = randomCase(s);
            String real = outcome(cs.op, Tensor.rand(s));
            String shapeOnly = outcome(cs.op, Tensor.shapeOnly(s));
            if (real.startsWith("error")) failed++; else ok++;
            if (!real.equals(shapeOnly)) mismatches.add(Shapes.format(s) + " " + cs.name + ":\n  real:       " + real + "\n  shape-only: " + shapeOnly);
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, e.g.\n" + String.join("\n", mismatches.subList(0, Math.min(8, mismatches.size()))));
        assertTrue(ok > CASES / 3 && failed > CASES / 20, ok + " valid, " + failed + " invalid cases: both kinds must be exercised");
    }
}
