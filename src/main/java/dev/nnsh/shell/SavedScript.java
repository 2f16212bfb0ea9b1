package dev.nnsh.shell;

import java.util.List;
import java.util.regex.Pattern;

/** The session's successful cells as a .jsh script that runs the same way on its own. */
final class SavedScript {
    private SavedScript() {}

    /**
     * A later cell may use an earlier value as `_n`; run as a script, that cell gets another number,
     * so such an expression is saved as the declaration {@code var _n = …;}.
     */
    static String of(List<ReplayableSnippet> done) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < done.size(); i++) {
            ReplayableSnippet d = done.get(i);
            String source = d.source().strip();
            if (d.valueName() != null && usedLater(d.valueName(), done.subList(i + 1, done.size()))) {
                if (source.endsWith(";")) source = source.substring(0, source.length() - 1);
                source = "var " + d.valueName() + " = " + source + ";";
            }
            script.append(source).append('\n');
        }
        return script.toString();
    }

    private static boolean usedLater(String name, List<ReplayableSnippet> later) {
        Pattern use = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])");
        return later.stream().anyMatch(d -> use.matcher(d.source()).find());
    }
}
