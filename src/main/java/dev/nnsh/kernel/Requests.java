package dev.nnsh.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.nnsh.shell.KernelSession;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The shell-channel requests that only look at code: kernel_info, complete, inspect, is_complete.
 * Jupyter counts cursor positions in Unicode code points; Java strings in UTF-16 units.
 */
final class Requests {
    private final KernelSession session;
    private final java.util.Optional<SourceJavadoc> nnshSources = SourceJavadoc.ofCheckout();

    Requests(KernelSession session) {
        this.session = session;
    }

    JsonObject kernelInfo() {
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", System.getProperty("java.specification.version"));
        language.addProperty("mimetype", "text/x-java-source");
        language.addProperty("file_extension", ".jsh");
        language.addProperty("pygments_lexer", "java");
        language.addProperty("codemirror_mode", "text/x-java");
        JsonObject c = Kernel.ok();
        c.addProperty("protocol_version", Message.PROTOCOL_VERSION);
        c.addProperty("implementation", "nnsh");
        c.addProperty("implementation_version", KernelSession.VERSION);
        c.add("language_info", language);
        c.addProperty("banner", "nnsh " + KernelSession.VERSION
                + ": Java (JShell) with the nnsh API imported. Magics: " + Cells.MAGICS + ".");
        c.add("help_links", new JsonArray());
        c.addProperty("debugger", false);
        return c;
    }

    JsonObject complete(JsonObject request) {
        String code = string(request, "code");
        int cursor = utf16(code, request.has("cursor_pos") ? request.get("cursor_pos").getAsInt() : code.length());
        KernelSession.Completion completion = session.complete(code, cursor);
        JsonArray matches = new JsonArray();
        completion.matches().forEach(matches::add);
        JsonObject c = Kernel.ok();
        c.add("matches", matches);
        c.addProperty("cursor_start", code.codePointCount(0, completion.start()));
        c.addProperty("cursor_end", code.codePointCount(0, completion.end()));
        c.add("metadata", new JsonObject());
        return c;
    }

    JsonObject inspect(JsonObject request) {
        String code = string(request, "code");
        int cursor = utf16(code, request.has("cursor_pos") ? request.get("cursor_pos").getAsInt() : code.length());
        String text = documentation(code, cursor);
        JsonObject c = Kernel.ok();
        JsonObject data = new JsonObject();
        if (text != null) data.addProperty("text/plain", text);
        c.addProperty("found", text != null);
        c.add("data", data);
        c.add("metadata", new JsonObject());
        return c;
    }

    /** Signatures, each with its Javadoc summary (JShell's for the JDK, the checkout's sources for nnsh); null when nothing is there. */
    String documentation(String code, int cursor) {
        List<SourceCodeAnalysis.Documentation> docs = session.documentation(code, cursor);
        if (docs.isEmpty()) return null;
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            text.append(d.signature()).append('\n');
            String javadoc = d.javadoc() != null ? d.javadoc() : nnshSources.map(s -> s.javadoc(d.signature())).orElse(null);
            String summary = summary(javadoc);
            if (!summary.isEmpty()) text.append("    ").append(summary).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** The Javadoc's first sentence, without its HTML tags. */
    static String summary(String javadoc) {
        if (javadoc == null) return "";
        String text = javadoc.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    JsonObject isComplete(JsonObject request) {
        String code = string(request, "code");
        String status = session.completeness(code);
        JsonObject c = new JsonObject();
        c.addProperty("status", status);
        if (status.equals("incomplete")) c.addProperty("indent", "    ".repeat(Math.max(1, openBrackets(code))));
        return c;
    }

    /** How deep the code's last line is nested: the indent for its next line. */
    static int openBrackets(String code) {
        int depth = 0;
        boolean string = false, ch = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (string || ch) {
                if (c == '\\') i++;
                else if (string && c == '"') string = false;
                else if (ch && c == '\'') ch = false;
                continue;
            }
            if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                while (i < code.length() && code.charAt(i) != '\n') i++;
            } else if (c == '"') string = true;
            else if (c == '\'') ch = true;
            else if (c == '{' || c == '(' || c == '[') depth++;
            else if (c == '}' || c == ')' || c == ']') depth = Math.max(0, depth - 1);
        }
        return depth;
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }

    private static int utf16(String code, int codePoints) {
        int n = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
        return code.offsetByCodePoints(0, n);
    }
}
