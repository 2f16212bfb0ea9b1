package dev.nnsh.kernel;

import dev.nnsh.shell.KernelSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a notebook cell: Java code on the session, or a line magic ({@code %time}, {@code %explain},
 * {@code %vars}, {@code %reset}, {@code %restart}, {@code %load FILE}); builds the value's MIME bundle
 * in the execution JVM (where the value lives) through {@link Displays}.
 */
final class Cells {
    static final String MAGICS = "%time, %explain, %vars, %reset, %restart, %load";

    private static final Set<String> PLAIN_TYPES = Set.of("int", "long", "short", "byte", "char", "boolean",
            "float", "double", "String", "Integer", "Long", "Short", "Byte", "Character", "Boolean", "Float",
            "Double", "java.lang.String");

    private final KernelSession session;
    private final Consumer<String> stdout;
    private final Supplier<Map<String, String>> takeResultFrame;
    private final java.util.function.Function<String, String> docs;

    Cells(KernelSession session, Consumer<String> stdout, Supplier<Map<String, String>> takeResultFrame,
          java.util.function.Function<String, String> docs) {
        this.session = session;
        this.docs = docs;
        this.stdout = stdout;
        this.takeResultFrame = takeResultFrame;
    }

    CellRun run(String code, int cell) {
        String t = code.strip();
        if (t.endsWith("?") && !t.contains("\n") && t.length() > 1) return help(t.substring(0, t.length() - 1).strip(), cell);
        if (!t.startsWith("%")) return java(code, cell, null);
        String[] parts = t.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1] : "";
        switch (parts[0]) {
            case "%time": {
                long start = System.nanoTime();
                CellRun r = java(arg, cell, null);
                stdout.accept("Wall time: " + human(System.nanoTime() - start) + "\n");
                return r;
            }
            case "%explain":
                return java("explain(" + arg + ")", cell, null);
            case "%vars":
                stdout.accept(session.vars());
                return CellRun.ok(null);
            case "%reset":
                session.reset();
                stdout.accept("Reset: a new engine, no variables.\n");
                return CellRun.ok(null);
            case "%restart":
                stdout.accept("Restarted the engine and replayed " + session.restart() + " snippets.\n");
                return CellRun.ok(null);
            case "%load":
                return load(arg.strip(), cell);
            default:
                return CellRun.error("UnknownMagic", "In [" + cell + "] line 1: error: unknown magic "
                        + parts[0] + " (nnsh has " + MAGICS + ")");
        }
    }

    /** {@code name?}: the signatures (and Javadoc summaries) of what {@code name} names, in the pager. */
    private CellRun help(String name, int cell) {
        String text = docs.apply(name);
        if (text == null) return CellRun.error("NotFound", "In [" + cell + "] line 1: error: no documentation for " + name);
        return CellRun.page(text);
    }

    private CellRun load(String file, int cell) {
        if (file.isEmpty()) return CellRun.error("UsageError", "In [" + cell + "] line 1: error: usage: %load FILE");
        String text;
        try {
            text = Files.readString(Path.of(file)).replace("\r\n", "\n");
        } catch (IOException e) {
            return CellRun.error("FileError", "In [" + cell + "] line 1: error: cannot read " + file + ": " + e);
        }
        return java(text, cell, file);
    }

    private CellRun java(String code, int cell, String file) {
        KernelSession.Outcome o = session.run(code, cell, file);
        if (!o.succeeded()) return CellRun.error(o.errorName(), o.errorText());
        if (o.value() == null || shownAlready(o)) return CellRun.ok(null);
        if (o.valueName() == null || PLAIN_TYPES.contains(o.valueType())) {
            return CellRun.ok(Map.of("text/plain", o.value()));
        }
        takeResultFrame.get(); // forget any stale frame
        session.evalHidden("dev.nnsh.kernel.Displays.result(" + o.valueName() + ");");
        Map<String, String> bundle = takeResultFrame.get();
        if (bundle == null) return CellRun.ok(Map.of("text/plain", o.value()));
        bundle = new java.util.LinkedHashMap<>(bundle);
        bundle.put("text/plain", o.value()); // JShell's rendering, as the shell shows it (strings quoted)
        return CellRun.ok(bundle);
    }

    /**
     * As in the shell: a printed summary's value is that same table, shown once; a printed stream
     * ({@code System.out.printf} returns it) is not a result.
     */
    private static boolean shownAlready(KernelSession.Outcome o) {
        String type = o.valueType();
        if (type == null) return false;
        if (type.endsWith("PrintStream") || type.endsWith("PrintWriter")) return true;
        return o.printed() && (type.equals("ModelStatistics") || type.endsWith(".ModelStatistics"));
    }

    static String human(long nanos) {
        if (nanos < 1_000_000) return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        if (nanos < 1_000_000_000) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
