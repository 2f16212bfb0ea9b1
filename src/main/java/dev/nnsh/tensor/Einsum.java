package dev.nnsh.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.einsum} for contractions and permutations written with letters ({@code "bhqd,bhkd->bhqk"},
 * {@code "ij->ji"}, {@code "bi,bi->b"}), built from permute, sum, reshape and matmul, so shape-only
 * tensors go through it too. {@code ...} stands for the same leading dims in every operand (equal sizes);
 * repeated letters in one operand (diagonals) are not supported.
 */
final class Einsum {
    private Einsum() {}

    private record Term(Tensor t, String letters) {}

    static Tensor einsum(String equation, Tensor... operands) {
        String eq = expandEllipsis(equation, equation.replace(" ", ""), operands);
        String[] sides = eq.split("->", -1);
        if (sides.length > 2) throw new IllegalArgumentException("einsum(\"" + equation + "\"): more than one '->'");
        String[] inputs = sides[0].split(",", -1);
        if (inputs.length != operands.length) {
            throw new IllegalArgumentException("einsum(\"" + equation + "\"): the equation names " + inputs.length
                    + " operand(s) but " + operands.length + " were given");
        }
        Map<Character, Long> sizes = new HashMap<>();
        Map<Character, Integer> counts = new HashMap<>();
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            String letters = inputs[i];
            Tensor t = operands[i];
            if (letters.length() != t.dim()) {
                throw new ShapeException("einsum(\"" + equation + "\"): the subscripts of operand " + i + " (\"" + letters
                        + "\") name " + letters.length() + " dimensions, but the operand has shape " + Shapes.format(t.shape()));
            }
            for (int k = 0; k < letters.length(); k++) {
                char c = letters.charAt(k);
                if (!Character.isLetter(c)) throw new IllegalArgumentException("einsum(\"" + equation + "\"): '" + c + "' is not a letter");
                if (letters.indexOf(c) != k) {
                    throw new IllegalArgumentException("einsum(\"" + equation + "\"): letter '" + c + "' repeats in operand " + i
                            + " (diagonals are not supported)");
                }
                Long known = sizes.putIfAbsent(c, t.size(k));
                if (known != null && known != t.size(k)) {
                    throw new ShapeException("einsum(\"" + equation + "\"): operands do not agree on the size of '" + c
                            + "': " + known + " vs " + t.size(k) + " (operand " + i + " has shape " + Shapes.format(t.shape()) + ")");
                }
                counts.merge(c, 1, Integer::sum);
            }
            terms.add(new Term(t, letters));
        }
        String output;
        if (sides.length == 2) {
            output = sides[1];
            for (char c : output.toCharArray()) {
                if (!sizes.containsKey(c)) {
                    throw new IllegalArgumentException("einsum(\"" + equation + "\"): output letter '" + c + "' does not appear in any operand");
                }
                if (output.indexOf(c) != output.lastIndexOf(c)) {
                    throw new IllegalArgumentException("einsum(\"" + equation + "\"): output letter '" + c + "' appears more than once");
                }
            }
        } else {
            char[] once = counts.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey)
                    .sorted().map(String::valueOf).reduce("", String::concat).toCharArray();
            output = new String(once);
        }
        Term acc = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            StringBuilder later = new StringBuilder(output);
            for (int j = i + 1; j < terms.size(); j++) later.append(terms.get(j).letters);
            acc = contract(acc, terms.get(i), later.toString(), sizes);
        }
        acc = sumAway(acc, output, "");
        int[] perm = new int[output.length()];
        for (int k = 0; k < perm.length; k++) perm[k] = acc.letters.indexOf(output.charAt(k));
        return perm.length == 0 ? acc.t : acc.t.permute(perm);
    }

    /**
     * Replaces {@code ...} by letters the equation does not use (the same ones, right-aligned, in
     * every operand), so "...ij,...jk->...ik" becomes e.g. "ZYij,ZYjk->ZYik". Dims under {@code ...}
     * must have equal sizes across operands (no broadcasting of size-1 dims).
     */
    private static String expandEllipsis(String equation, String eq, Tensor[] operands) {
        if (!eq.contains(".")) return eq;
        String[] sides = eq.split("->", -1);
        String[] inputs = sides[0].split(",", -1);
        if (inputs.length != operands.length) return eq; // reported by the caller
        int most = 0;
        int[] counts = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            String in = inputs[i];
            int at = in.indexOf("...");
            if (in.replace("...", "").contains(".") || (at >= 0 && in.indexOf("...", at + 1) >= 0)) {
                throw new IllegalArgumentException("einsum(\"" + equation + "\"): each operand may have one '...' and no other '.'");
            }
            if (at < 0) continue;
            counts[i] = operands[i].dim() - (in.length() - 3);
            if (counts[i] < 0) {
                throw new ShapeException("einsum(\"" + equation + "\"): operand " + i + " (shape " + Shapes.format(operands[i].shape())
                        + ") has fewer dims than the letters of \"" + in + "\"");
            }
            most = Math.max(most, counts[i]);
        }
        StringBuilder pool = new StringBuilder();
        for (char c = 'Z'; c >= 'A' && pool.length() < most; c--) if (eq.indexOf(c) < 0) pool.append(c);
        String all = pool.reverse().toString();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < inputs.length; i++) {
            if (i > 0) out.append(',');
            out.append(inputs[i].replace("...", all.substring(all.length() - counts[i])));
        }
        if (sides.length == 2) out.append("->").append(sides[1].replace("...", all));
        else {
            // implicit output: the '...' dims first, then the letters that appear once, sorted
            String letters = sides[0].replace("...", "").replace(",", "");
            StringBuilder once = new StringBuilder(all);
            letters.chars().filter(c -> letters.indexOf(c) == letters.lastIndexOf(c)).sorted()
                    .forEach(c -> once.append((char) c));
            out.append("->").append(once);
        }
        return out.toString();
    }

    /** Sums the letters of a term that neither {@code needed} nor {@code other} has. */
    private static Term sumAway(Term a, String needed, String other) {
        StringBuilder kept = new StringBuilder();
        List<Integer> dims = new ArrayList<>();
        for (int k = 0; k < a.letters.length(); k++) {
            char c = a.letters.charAt(k);
            if (needed.indexOf(c) < 0 && other.indexOf(c) < 0) dims.add(k);
            else kept.append(c);
        }
        if (dims.isEmpty()) return a;
        return new Term(a.t.sum(dims.stream().mapToInt(Integer::intValue).toArray(), false), kept.toString());
    }

    private static Term contract(Term a, Term b, String needed, Map<Character, Long> sizes) {
        a = sumAway(a, needed, b.letters);
        b = sumAway(b, needed, a.letters);
        StringBuilder batch = new StringBuilder(), contracted = new StringBuilder(), aOnly = new StringBuilder(), bOnly = new StringBuilder();
        for (char c : a.letters.toCharArray()) {
            if (b.letters.indexOf(c) >= 0) (needed.indexOf(c) >= 0 ? batch : contracted).append(c);
            else aOnly.append(c);
        }
        for (char c : b.letters.toCharArray()) if (a.letters.indexOf(c) < 0) bOnly.append(c);
        Tensor x = arrange(a, batch + "" + aOnly + contracted, sizes, batch.toString(), aOnly.toString(), contracted.toString());
        Tensor y = arrange(b, batch + "" + contracted + bOnly, sizes, batch.toString(), contracted.toString(), bOnly.toString());
        Tensor z = x.matmul(y);
        String letters = batch + "" + aOnly + bOnly;
        long[] shape = new long[letters.length()];
        for (int k = 0; k < shape.length; k++) shape[k] = sizes.get(letters.charAt(k));
        return new Term(z.reshape(shape), letters);
    }

    /** Permutes a term to {@code order} and merges it into the three groups [g1, g2, g3]. */
    private static Tensor arrange(Term t, String order, Map<Character, Long> sizes, String g1, String g2, String g3) {
        int[] perm = new int[order.length()];
        for (int k = 0; k < perm.length; k++) perm[k] = t.letters.indexOf(order.charAt(k));
        Tensor p = perm.length == 0 ? t.t : t.t.permute(perm);
        return p.reshape(product(g1, sizes), product(g2, sizes), product(g3, sizes));
    }

    private static long product(String letters, Map<Character, Long> sizes) {
        long n = 1;
        for (char c : letters.toCharArray()) n *= sizes.get(c);
        return n;
    }

    static String describe(long[][] shapes) { return Arrays.deepToString(shapes); }
}
