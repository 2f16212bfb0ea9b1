package dev.nnsh.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * One item of a multi-dimensional index, as Python writes inside {@code x[...]}: an integer ({@link #at}),
 * a slice ({@link #all}, {@link #to}, {@link #from}, {@link #range}), {@code ...} ({@link #ellipsis}) or
 * {@code None} ({@link #newAxis}). {@code x[..., :T, :T]} is {@code x.index(ellipsis(), to(T), to(T))}
 * or {@code x.get("..., :T, :T".replace("T", "" + T))}; {@code x[:, 0]} is {@code x.index(all(), at(0))}
 * or {@code x.get(":, 0")}.
 */
public final class Index {
    enum Kind { POINT, SLICE, ELLIPSIS, NEW_AXIS }

    final Kind kind;
    final long point;
    final Long start, end;
    final long step;

    private Index(Kind kind, long point, Long start, Long end, long step) {
        this.kind = kind;
        this.point = point;
        this.start = start;
        this.end = end;
        this.step = step;
    }

    /** {@code i}: picks one position and removes the dimension; negative counts from the end. */
    public static Index at(long i) { return new Index(Kind.POINT, i, null, null, 1); }

    /** {@code :} */
    public static Index all() { return new Index(Kind.SLICE, 0, null, null, 1); }

    /** {@code :end} */
    public static Index to(long end) { return new Index(Kind.SLICE, 0, null, end, 1); }

    /** {@code start:} */
    public static Index from(long start) { return new Index(Kind.SLICE, 0, start, null, 1); }

    /** {@code start:end} */
    public static Index range(long start, long end) { return new Index(Kind.SLICE, 0, start, end, 1); }

    /** {@code start:end:step}; the step must be positive, as in PyTorch. */
    public static Index range(long start, long end, long step) { return slice(start, end, step); }

    /** {@code ::step} and friends: null start or end means "from the beginning" / "to the end". */
    public static Index slice(Long start, Long end, long step) {
        if (step <= 0) throw new IllegalArgumentException("slice step must be greater than zero, got " + step);
        return new Index(Kind.SLICE, 0, start, end, step);
    }

    /** {@code ...}: as many {@code :} as the other items leave. */
    public static Index ellipsis() { return new Index(Kind.ELLIPSIS, 0, null, null, 1); }

    /** {@code None}: inserts a dimension of size 1. */
    public static Index newAxis() { return new Index(Kind.NEW_AXIS, 0, null, null, 1); }

    /** Parses Python's index text: {@code ":, 0"}, {@code "..., :4, :4"}, {@code "1:"}, {@code "::2, None"}. */
    public static Index[] parse(String spec) {
        if (spec == null) throw new IllegalArgumentException("index: the index text is null");
        List<Index> out = new ArrayList<>();
        String[] items = spec.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            if (item.isEmpty()) {
                if (items.length == 1) break;
                throw new IllegalArgumentException("index \"" + spec + "\": item " + i + " is empty");
            }
            out.add(parseItem(spec, item));
        }
        return out.toArray(new Index[0]);
    }

    private static Index parseItem(String spec, String item) {
        if (item.equals("...")) return ellipsis();
        if (item.equals("None")) return newAxis();
        String[] parts = item.split(":", -1);
        if (parts.length > 3) throw new IllegalArgumentException("index \"" + spec + "\": \"" + item + "\" has too many ':'");
        if (parts.length == 1) return at(number(spec, item));
        Long start = parts[0].isBlank() ? null : number(spec, parts[0]);
        Long end = parts[1].isBlank() ? null : number(spec, parts[1]);
        long step = parts.length == 3 && !parts[2].isBlank() ? number(spec, parts[2]) : 1;
        return slice(start, end, step);
    }

    private static long number(String spec, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("index \"" + spec + "\": \"" + text.trim()
                    + "\" is not an integer (items are integers, slices like 1:5:2, '...' or None)");
        }
    }

    @Override public String toString() {
        return switch (kind) {
            case POINT -> Long.toString(point);
            case ELLIPSIS -> "...";
            case NEW_AXIS -> "None";
            case SLICE -> (start == null ? "" : start) + ":" + (end == null ? "" : end) + (step == 1 ? "" : ":" + step);
        };
    }
}
