package dev.nnsh.tensor;

/** Byte counts for people: decimal units, as torchinfo prints them. */
public final class Bytes {
    private Bytes() {}

    public static String human(long bytes) {
        String[] units = {"TB", "GB", "MB", "kB"};
        double[] scale = {1e12, 1e9, 1e6, 1e3};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= scale[i]) return String.format("%.2f %s", bytes / scale[i], units[i]);
        }
        return bytes + " bytes";
    }
}
