package dev.nnsh.summary;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A column of the summary table, by torchinfo's key ({@code output_size}) and header ({@code Output Shape}). */
public enum Column {
    INPUT_SIZE("input_size", "Input Shape"),
    OUTPUT_SIZE("output_size", "Output Shape"),
    NUM_PARAMS("num_params", "Param #"),
    PARAMS_PERCENT("params_percent", "Param %"),
    KERNEL_SIZE("kernel_size", "Kernel Shape"),
    GROUPS("groups", "Groups"),
    MULT_ADDS("mult_adds", "Mult-Adds"),
    TRAINABLE("trainable", "Trainable");

    private final String key;
    private final String header;

    Column(String key, String header) {
        this.key = key;
        this.header = header;
    }

    public String key() { return key; }

    public String header() { return header; }

    /** True for the columns that need a forward pass (all but param counts and kernel shapes). */
    boolean needsForwardPass() { return this != NUM_PARAMS && this != KERNEL_SIZE; }

    /** The column with this key; the error names the option and lists the valid keys. */
    public static Column of(String key) {
        for (Column c : values()) if (c.key.equals(key)) return c;
        throw new IllegalArgumentException("columns: unknown column \"" + key + "\" (valid: "
                + Arrays.stream(values()).map(Column::key).collect(Collectors.joining(", ")) + ")");
    }

    @Override public String toString() { return key; }
}
