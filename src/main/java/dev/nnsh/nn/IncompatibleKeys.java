package dev.nnsh.nn;

import java.util.List;
import java.util.stream.Collectors;

/** What a non-strict load left out, printed as PyTorch's load_state_dict result prints. */
public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
    public IncompatibleKeys {
        missingKeys = List.copyOf(missingKeys);
        unexpectedKeys = List.copyOf(unexpectedKeys);
    }

    public boolean allMatched() { return missingKeys.isEmpty() && unexpectedKeys.isEmpty(); }

    @Override public String toString() {
        if (allMatched()) return "<All keys matched successfully>";
        return "_IncompatibleKeys(missing_keys=" + quoted(missingKeys) + ", unexpected_keys=" + quoted(unexpectedKeys) + ")";
    }

    private static String quoted(List<String> keys) {
        return keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
