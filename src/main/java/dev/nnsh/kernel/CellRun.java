package dev.nnsh.kernel;

import java.util.List;
import java.util.Map;

/**
 * What running a notebook cell came to: the value's MIME bundle (null: nothing to show), or an
 * error with its name, value and traceback lines (the shell's error text: the user's frames), or a
 * page of documentation.
 */
record CellRun(Map<String, String> result, String ename, String evalue, List<String> traceback, String page) {
    static CellRun ok(Map<String, String> result) {
        return new CellRun(result, null, null, null, null);
    }

    /** Text for the front end's pager (IPython's {@code name?}). */
    static CellRun page(String text) {
        return new CellRun(null, null, null, null, text);
    }

    static CellRun error(String ename, String text) {
        List<String> lines = text.strip().lines().toList();
        String first = lines.isEmpty() ? ename : lines.get(0);
        int at = first.indexOf(": error: ");
        String evalue = at >= 0 ? first.substring(at + ": error: ".length())
                : first.startsWith(ename + ": ") ? first.substring(ename.length() + 2) : first;
        return new CellRun(null, ename, evalue, lines, null);
    }

    boolean failed() {
        return ename != null;
    }
}
