package dev.nnsh.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import jdk.jshell.JShell;
import jdk.jshell.VarSnippet;

/**
 * The shell's slash commands, in one table: it feeds the dispatch, the /help text and Tab
 * completion, so a command cannot be in one and missing from another.
 */
final class Commands {
    /** One command: its name, how its argument is written (or ""), its help line, what it does. */
    private record Command(String name, String argument, String help, Action action) {}

    /** Runs a command with its argument; false when the shell should end. */
    private interface Action { boolean run(Commands c, String argument); }

    private static final List<Command> TABLE = List.of(
            new Command("/help", "", "this text", (c, a) -> c.help()),
            new Command("/vars", "", "the session's variables", (c, a) -> c.done(c::vars)),
            new Command("/list", "", "the cells that ran successfully", (c, a) -> c.done(c::list)),
            new Command("/save", "FILE", "save those cells as a runnable .jsh script", (c, a) -> c.done(() -> c.save(a))),
            new Command("/open", "FILE", "run a script in this session", (c, a) -> c.done(() -> c.open(a))),
            new Command("/reset", "", "a fresh engine: all variables are gone", (c, a) -> c.done(c::reset)),
            new Command("/show", "FILE", "open a saved diagram or table (diagram(...).save(\"net.svg\")) in the desktop's viewer",
                    (c, a) -> c.done(() -> ShowCommand.run(a, c.out, System.getenv()))),
            new Command("/restart", "", "a fresh engine with the session's successful cells replayed",
                    (c, a) -> c.done(c::restart)),
            new Command("/exit", "", "leave (or Ctrl-D)", (c, a) -> false),
            new Command("/quit", "", "leave, as /exit", (c, a) -> false));

    /** The command names, for completion. */
    static final List<String> NAMES = TABLE.stream().map(Command::name).toList();

    private final Repl repl;
    private final Session session;
    private final PrintStream out;
    private final BooleanSupplier midLine;

    Commands(Repl repl, Session session, PrintStream out, BooleanSupplier midLine) {
        this.repl = repl;
        this.midLine = midLine;
        this.session = session;
        this.out = out;
    }

    /** Runs a command line; false when the shell should end. */
    boolean run(String line) {
        String[] parts = line.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        for (Command c : TABLE) {
            if (c.name().equals(parts[0])) return c.action().run(this, arg);
        }
        out.println("Unknown command " + parts[0] + ". /help lists the commands.");
        return true;
    }

    private boolean done(Runnable action) {
        action.run();
        return true;
    }

    private boolean help() {
        out.print(INTRO);
        for (Command c : TABLE) {
            String usage = c.name() + (c.argument().isEmpty() ? "" : " " + c.argument());
            out.printf("  %-15s %s%n", usage, c.help());
        }
        out.print(MAGICS);
        return true;
    }

    private void reset() {
        session.reset();
        repl.cell(1);
        out.println("Reset: a new engine, no variables.");
    }

    private void restart() {
        session.restart();
        out.println("Restarted the engine and replayed " + session.done().size() + " snippets.");
    }

    private void vars() {
        JShell shell = session.engine().jshell();
        shell.variables().filter(v -> shell.status(v).isActive()).forEach(v -> out.println(
                "  " + v.typeName() + " " + v.name() + " = " + firstLine(value(shell, v))));
    }

    private static String value(JShell shell, VarSnippet v) {
        try {
            return shell.varValue(v);
        } catch (RuntimeException e) {
            return "(unavailable)";
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }

    private void list() {
        int last = -1;
        for (ReplayableSnippet d : session.done()) {
            int n = d.origin().cell();
            String prompt = n == last ? " ".repeat(("In [" + n + "]: ").length()) : "In [" + n + "]: ";
            out.println(prompt + d.source().strip().replace("\n", "\n" + " ".repeat(prompt.length())));
            last = n;
        }
    }

    private void save(String file) {
        if (file.isEmpty()) {
            out.println("usage: /save FILE");
            return;
        }
        String script = SavedScript.of(session.done());
        try {
            Files.writeString(Path.of(file), script);
            out.println("Saved " + session.done().size() + " snippets to " + file);
        } catch (IOException e) {
            out.println("Cannot write " + file + ": " + e.getMessage());
        }
    }

    private void open(String file) {
        if (file.isEmpty()) {
            out.println("usage: /open FILE");
            return;
        }
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (IOException e) {
            out.println("Cannot read " + file + ": " + e.getMessage());
            return;
        }
        ScriptRunner runner = new ScriptRunner(session, out, out, false, repl.cell(), midLine);
        runner.run(file, text);
        repl.cell(runner.nextCell());
    }

    private static final String INTRO = """
            Cells are Java (JShell) with the nnsh API imported: type the seed network line by line,
            then summary(net, 12, 1, 224, 224). An expression's value shows as Out[n] and stays
            reachable as _n. Tab completes, an open brace or parenthesis continues on the next line.
            """;

    private static final String MAGICS = """
              %time CODE      run CODE and report its wall time
            Ctrl-C stops a running cell; at the prompt it clears the line.
            """;
}
