package dev.nnsh.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The shell's session as the Jupyter kernel (dev.nnsh.kernel) uses it: the one place the kernel
 * touches Session and Engine. Cells run in a separate execution JVM, so System.exit, a native crash
 * or an OutOfMemoryError there costs only that JVM; the session restarts and replays.
 */
public final class KernelSession implements AutoCloseable {
    public static final String VERSION = Main.VERSION;

    public enum Kind { OK, FAILED, STOPPED, ENGINE_DIED }

    /**
     * What a cell came to: its value's text, type and `_n` name when it ended in an expression; for
     * a failure, a short name (the exception class, "CompileError", ...) and the shell's error text.
     */
    public record Outcome(Kind kind, String value, String valueType, String valueName,
                          String errorName, String errorText, boolean printed) {
        public boolean succeeded() {
            return kind == Kind.OK;
        }
    }

    /** Completions replacing the code between {@code start} and {@code end} (UTF-16 offsets). */
    public record Completion(List<String> matches, int start, int end) {}

    private final Session session;
    private final CountingOutputStream counter;

    public KernelSession(String classpath, OutputStream stdout, OutputStream stderr, ForwardedInput.Lines stdin,
                         List<String> startup) {
        counter = new CountingOutputStream(stdout);
        OutputStream mutedWithReplay = new OutputStream() {
            @Override public void write(int b) throws IOException {
                if (!counter.muted()) stderr.write(b);
            }
            @Override public void write(byte[] b, int off, int len) throws IOException {
                if (!counter.muted()) stderr.write(b, off, len);
            }
            @Override public void flush() throws IOException {
                stderr.flush();
            }
        };
        // a replayed cell that read input gets none (its read ends as at the end of input)
        InputStream noInputInReplay = ForwardedInput.answers(() -> counter.muted() ? null : stdin.next());
        session = new Session(true, classpath, counter, true)
                .withIo(new PrintStream(mutedWithReplay, true, StandardCharsets.UTF_8), noInputInReplay, startup);
    }

    /** Starts the engine in the background; the first cell waits for it. */
    public KernelSession start() {
        session.start();
        return this;
    }

    /** Runs a cell; {@code file} names a loaded script (errors then say file:line), else null. */
    public Outcome run(String code, int cell, String file) {
        int before = session.done().size();
        Origin origin = file == null ? Origin.interactive(cell) : Origin.script(cell, file, 1);
        CellResult r = session.run(code, origin);
        if (!r.succeeded()) {
            Kind kind = Kind.valueOf(r.status().name());
            return new Outcome(kind, null, null, null, errorName(kind, r.message()), r.message(), r.printed());
        }
        List<ReplayableSnippet> done = session.done();
        String name = done.size() > before && r.value() != null ? done.get(done.size() - 1).valueName() : null;
        return new Outcome(Kind.OK, r.value(), r.valueType(), name, null, null, r.printed());
    }

    private static String errorName(Kind kind, String message) {
        if (kind == Kind.STOPPED) return "Interrupted";
        if (kind == Kind.ENGINE_DIED) return "EngineDied";
        String first = message.lines().findFirst().orElse("");
        if (first.contains(": error: ")) return "CompileError";
        int colon = first.indexOf(": ");
        return colon > 0 && !first.substring(0, colon).contains(" ") ? first.substring(0, colon) : first.strip();
    }

    /** Evaluates a snippet of the kernel's own (not part of the session: never listed or replayed). */
    public void evalHidden(String snippet) {
        Engine e = session.engine();
        if (!e.isDead()) e.eval(snippet, 0);
    }

    /** Stops the running cell (interrupt); harmless when none runs. */
    public void stop() {
        session.stop();
    }

    /** Ends the execution JVM (a call stuck in native code); the running cell reports it and replays. */
    public void kill() {
        session.engine().close();
    }

    /** A new engine with the successful cells replayed; returns how many were. */
    public int restart() {
        session.restart();
        return session.done().size();
    }

    public void reset() {
        session.reset();
    }

    /** "complete", "incomplete" or "invalid" (javac cannot parse it, such as a lone `}`). */
    public String completeness(String code) {
        SourceCodeAnalysis analysis = session.engine().analysis();
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE: return "incomplete";
                case UNKNOWN: return "invalid";
                case EMPTY: return "complete";
                default: rest = info.remaining();
            }
        }
        return "complete";
    }

    /** JShell's completions for the code before {@code cursor}, one per name. */
    public Completion complete(String code, int cursor) {
        String upToCursor = code.substring(0, cursor);
        SourceCodeAnalysis analysis = session.engine().analysis();
        List<Snippets.Piece> pieces = Snippets.split(analysis, upToCursor);
        int pieceStart = pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).offset();
        String piece = upToCursor.substring(pieceStart);
        int[] anchor = new int[1];
        Set<String> matches = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : analysis.completionSuggestions(piece, piece.length(), anchor)) {
            matches.add(s.continuation());
        }
        return new Completion(List.copyOf(matches), pieceStart + anchor[0], cursor);
    }

    /** Signatures and Javadoc of what the code names at {@code cursor}: one entry per overload. */
    public List<SourceCodeAnalysis.Documentation> documentation(String code, int cursor) {
        // a cursor inside a name means the whole name; a method's name alone means its overloads
        while (cursor < code.length() && Character.isJavaIdentifierPart(code.charAt(cursor))) cursor++;
        List<SourceCodeAnalysis.Documentation> docs = documentationAt(code, cursor);
        if (!docs.isEmpty() || cursor == 0 || !Character.isJavaIdentifierPart(code.charAt(cursor - 1))) return docs;
        List<SourceCodeAnalysis.Documentation> call =
                documentationAt(code.substring(0, cursor) + "(" + code.substring(cursor), cursor + 1);
        return call.isEmpty() ? docs : call;
    }

    private List<SourceCodeAnalysis.Documentation> documentationAt(String code, int cursor) {
        String upToCursor = code.substring(0, cursor);
        SourceCodeAnalysis analysis = session.engine().analysis();
        List<Snippets.Piece> pieces = Snippets.split(analysis, upToCursor);
        int pieceStart = pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).offset();
        String piece = code.substring(pieceStart);
        return analysis.documentation(piece, cursor - pieceStart, true);
    }

    /** The session's variables, one "type name = value" line each (as the shell's /vars). */
    public String vars() {
        StringBuilder out = new StringBuilder();
        JShell shell = session.engine().jshell();
        shell.variables().filter(v -> shell.status(v).isActive() && !v.name().startsWith("$")).forEach(v -> {
            String value;
            try {
                value = shell.varValue(v);
            } catch (RuntimeException e) {
                value = "(unavailable)";
            }
            int nl = value.indexOf('\n');
            out.append(v.typeName()).append(' ').append(v.name()).append(" = ")
               .append(nl < 0 ? value : value.substring(0, nl) + " …").append('\n');
        });
        return out.toString();
    }

    /** The sources of the cells that ran successfully, in order. */
    public List<String> doneSources() {
        return session.done().stream().map(ReplayableSnippet::source).toList();
    }

    @Override
    public void close() {
        session.close();
    }
}
