package dev.nnsh.summary;

/** Builds expected table lines by hand: cells padded to their widths, trailing spaces removed. */
final class Lines {
    private Lines() {}

    static String row(int nameWidth, int colWidth, String name, String... cells) {
        StringBuilder sb = new StringBuilder(name);
        sb.append(" ".repeat(Math.max(0, nameWidth - name.length()))).append(' ');
        for (String c : cells) sb.append(c).append(" ".repeat(Math.max(0, colWidth - c.length()))).append(' ');
        return sb.toString().stripTrailing();
    }

    /** Default layout: name column 40, columns 25. */
    static String row(String name, String... cells) { return row(40, 25, name, cells); }

    static String join(String... lines) { return String.join("\n", lines); }
}
