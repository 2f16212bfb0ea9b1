package dev.nnsh.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The kernel session's executed cells, for history_request (tail, range, search). */
final class History {
    static final int SESSION = 1;

    private record Entry(int line, String input, String output) {}

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    /** The reply's {@code history} list for a history_request's content. */
    synchronized JsonArray query(JsonObject request) {
        boolean output = bool(request, "output");
        String access = request.has("hist_access_type") ? request.get("hist_access_type").getAsString() : "tail";
        int n = request.has("n") && !request.get("n").isJsonNull() ? request.get("n").getAsInt() : entries.size();
        List<Entry> chosen = switch (access) {
            case "range" -> range(request);
            case "search" -> search(request, n);
            default -> entries.subList(Math.max(0, entries.size() - n), entries.size());
        };
        JsonArray history = new JsonArray();
        for (Entry e : chosen) {
            JsonArray row = new JsonArray();
            row.add(SESSION);
            row.add(e.line());
            if (output) {
                JsonArray pair = new JsonArray();
                pair.add(e.input());
                if (e.output() == null) pair.add(JsonNull.INSTANCE); else pair.add(e.output());
                row.add(pair);
            } else {
                row.add(e.input());
            }
            history.add(row);
        }
        return history;
    }

    private List<Entry> range(JsonObject request) {
        int session = request.has("session") ? request.get("session").getAsInt() : SESSION;
        if (session > SESSION) return List.of(); // earlier kernel processes' cells are not kept
        int start = request.has("start") ? request.get("start").getAsInt() : 1;
        int stop = request.has("stop") && !request.get("stop").isJsonNull()
                ? request.get("stop").getAsInt() : Integer.MAX_VALUE;
        return entries.stream().filter(e -> e.line() >= start && e.line() < stop).toList();
    }

    private List<Entry> search(JsonObject request, int n) {
        Pattern glob = glob(request.has("pattern") ? request.get("pattern").getAsString() : "*");
        List<Entry> found = entries.stream().filter(e -> glob.matcher(e.input()).matches()).toList();
        if (bool(request, "unique")) {
            Map<String, Entry> last = new LinkedHashMap<>();
            for (Entry e : found) {
                last.remove(e.input());
                last.put(e.input(), e);
            }
            found = List.copyOf(last.values());
        }
        return found.subList(Math.max(0, found.size() - n), found.size());
    }

    /** IPython's history patterns are shell globs: * and ? (matched over the whole input). */
    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static boolean bool(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() && o.get(key).getAsBoolean();
    }
}
