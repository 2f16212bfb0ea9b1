package dev.nnsh.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.nnsh.models.Models;

/** Inside {@code Models.get("…} the zoo's torchvision names are the completions (JShell offers none in a string). */
final class ModelNameCompletion {
    private static final Pattern OPEN_NAME = Pattern.compile("Models\\s*\\.\\s*get\\s*\\(\\s*\"([A-Za-z0-9_]*)$");

    private ModelNameCompletion() {}

    /** The names that complete the word being typed, or null when the cursor is not in such a string. */
    static List<String> candidates(String upToCursor) {
        Matcher m = OPEN_NAME.matcher(upToCursor);
        if (!m.find()) return null;
        List<String> out = new ArrayList<>();
        for (String name : Models.names()) if (name.startsWith(m.group(1))) out.add(name);
        return out;
    }
}
