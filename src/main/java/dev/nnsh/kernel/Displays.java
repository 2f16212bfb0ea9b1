package dev.nnsh.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Rich display from notebook cells, run inside the execution JVM (where the values live): builds a
 * value's MIME bundle ({@link MimeBundle}) and writes it into stdout as a frame the kernel picks out
 * of the stream, so it shows in order with the printed text. A notebook imports it statically:
 * {@code display(obj)}, {@code display("**bold**", "text/markdown")}.
 */
public final class Displays {
    static final char FRAME_START = '\u0001';
    static final char FRAME_END = '\u0002';

    private Displays() {}

    /** Shows {@code value} as richly as it can be shown (HTML, SVG, Markdown, always plain text). */
    public static void display(Object value) {
        write("display", MimeBundle.of(value));
    }

    /**
     * Shows {@code value} as {@code mime}: a String is taken as content of that type (Markdown source,
     * HTML, SVG); another object shows its own rendering of that type, with plain text beside it.
     */
    public static void display(Object value, String mime) {
        write("display", MimeBundle.as(value, mime));
    }

    /** Clears the cell's output so far (for progress that redraws itself). */
    public static void clearOutput() {
        System.out.flush();
        System.out.print(FRAME_START + "clear -" + FRAME_END);
        System.out.flush();
    }

    /** The kernel calls this after a cell with the cell's value, for its execute_result. */
    public static void result(Object value) {
        write("result", MimeBundle.of(value));
    }

    private static void write(String kind, Map<String, String> bundle) {
        System.out.flush();
        System.out.print(FRAME_START + kind + " " + encode(bundle) + FRAME_END);
        System.out.flush();
    }

    /** "mime=base64,mime=base64": no character JShell's stream or the frame markers could mangle. */
    static String encode(Map<String, String> bundle) {
        StringJoiner j = new StringJoiner(",");
        bundle.forEach((mime, data) -> j.add(mime + "=" + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))));
        return j.toString();
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> bundle = new java.util.LinkedHashMap<>();
        for (String entry : encoded.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) continue;
            bundle.put(entry.substring(0, eq),
                    new String(Base64.getDecoder().decode(entry.substring(eq + 1)), StandardCharsets.UTF_8));
        }
        return bundle;
    }
}
