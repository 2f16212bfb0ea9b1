package dev.nnsh.summary;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What each row's name cell shows and which rows appear, as torchinfo's {@code row_settings}. */
public enum RowSetting {
    DEPTH("depth"),
    VAR_NAMES("var_names"),
    ASCII_ONLY("ascii_only"),
    HIDE_RECURSIVE_LAYERS("hide_recursive_layers");

    private final String key;

    RowSetting(String key) { this.key = key; }

    public String key() { return key; }

    public static RowSetting of(String key) {
        for (RowSetting s : values()) if (s.key.equals(key)) return s;
        throw new IllegalArgumentException("rowSettings: unknown row setting \"" + key + "\" (valid: "
                + Arrays.stream(values()).map(RowSetting::key).collect(Collectors.joining(", ")) + ")");
    }

    @Override public String toString() { return key; }
}
