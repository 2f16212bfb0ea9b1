package dev.nnsh.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.keymap.KeyMap;
import org.jline.reader.Buffer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The interactive shell: Jupyter-style numbered cells read through JLine, run on a separate JVM. */
final class Repl {
    private final String classpath;
    private int cell = 1;

    Repl(String classpath) {
        this.classpath = classpath;
    }

    int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            return run(terminal, historyFile());
        }
    }

    static Path historyFile() {
        String env = System.getenv("NNSH_HISTORY");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".nnsh_history");
    }

    int run(Terminal terminal, Path history) {
        CountingOutputStream counter = new CountingOutputStream(terminal.output());
        PrintStream out = new PrintStream(counter, true, StandardCharsets.UTF_8);
        out.println("nnsh " + Main.VERSION + ": Java (JShell) with the nnsh API imported."
                + " /help for commands, Ctrl-D to leave.");
        try (Session session = new Session(true, classpath, counter, true)) {
            LineReader reader = reader(terminal, session, history);
            // Ctrl-C while a cell runs stops it; while reading, JLine clears the line instead
            terminal.handle(Terminal.Signal.INT, s -> session.interrupt()); // issue 11 (shell): twice restarts a stuck engine
            Commands commands = new Commands(this, session, out, counter::midLine);
            session.onDeathBetweenCells(() -> reader.printAbove(
                    "nnsh: the engine stopped (killed or crashed); the next cell starts a new one"
                    + " and replays the session"));
            session.cellInput(AnswerLine.cellInput(terminal, counter), AnswerLine.engineOptions(terminal)); // issue 13
            session.start(); // after the reader is built: the prompt comes first, the engine meanwhile
            JavacWarmUp.start(() -> {}); // issue 11 (shell): javac's code compiled by the JIT before the first cells need it
            while (true) {
                String prompt = "In [" + cell + "]: ";
                reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, continuation(prompt));
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                LatencyTrace.mark("accepted"); // issue 11 (shell)
                String t = line.strip();
                if (t.isEmpty()) continue;
                if (isCommand(t)) {
                    if (!commands.run(t)) break;
                    continue;
                }
                JavacWarmUp.userBusy(true); // issue 11 (shell)
                CellResult result = Magics.run(session, line, Origin.interactive(cell), out);
                JavacWarmUp.userBusy(false); // issue 11 (shell)
                if (counter.midLine()) out.println();
                out.print(Display.render(result, cell));
                out.flush();
                LatencyTrace.mark("shown"); // issue 11 (shell)
                LatencyTrace.cellDone(cell);
                cell++;
            }
        }
        return 0;
    }

    static LineReader reader(Terminal terminal, Session session, Path history) {
        JavaLineParser parser = new JavaLineParser(() -> session.engine().analysis());
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("nnsh")
                .parser(parser)
                .completer(new JShellCompleter(() -> session.engine().analysis(),
                        new SnippetFreeCompletion(() -> session.engine().jshell()))) // issue 11 (shell)
                .highlighter(new JavaHighlighter())
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, continuation("In [1]: "))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
        endOfInputOnCtrlD(reader, parser);
        if (LatencyTrace.on()) traceEnter(reader); // issue 11 (shell)
        return reader;
    }

    /**
     * Ctrl-D leaves on an empty line; at the end of an unfinished cell (an unbalanced brace) it runs
     * the cell as it is, so javac says what is missing instead of the shell waiting for more.
     */
    private static void endOfInputOnCtrlD(LineReader reader, JavaLineParser parser) {
        reader.getWidgets().put("nnsh-end-of-input", () -> {
            Buffer b = reader.getBuffer();
            if (b.length() == 0) throw new EndOfFileException();
            if (b.cursor() < b.length()) {
                reader.callWidget(LineReader.DELETE_CHAR);
            } else {
                parser.acceptAsIs();
                reader.callWidget(LineReader.ACCEPT_LINE);
            }
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("nnsh-end-of-input"), KeyMap.ctrl('D'));
    }

    /** issue 11 (shell): Enter's moment, the start of a cell's latency trace. */
    private static void traceEnter(LineReader reader) {
        org.jline.reader.Widget accept = reader.getWidgets().get(LineReader.ACCEPT_LINE);
        reader.getWidgets().put(LineReader.ACCEPT_LINE, () -> {
            LatencyTrace.mark("enter");
            return accept.apply();
        });
    }

    /** Jupyter's continuation prompt, as wide as the cell's prompt: "   ...: ". */
    static String continuation(String prompt) {
        return " ".repeat(prompt.length() - 5) + "...: ";
    }

    /** A shell command: "/name …", but not a comment. */
    static boolean isCommand(String stripped) {
        return stripped.startsWith("/") && !stripped.startsWith("//") && !stripped.startsWith("/*");
    }

    int cell() {
        return cell;
    }

    void cell(int next) {
        cell = next;
    }
}
