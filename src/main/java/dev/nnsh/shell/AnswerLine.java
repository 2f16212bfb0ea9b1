package dev.nnsh.shell;

import java.util.List;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Reads a line a running cell asks for (a quiz's answer) with a plain line editor of its own: no Java
 * parsing, no history. The question already printed on the line becomes its prompt, so editing keeps it.
 */
final class AnswerLine {
    private AnswerLine() {}

    /** The cell input of the interactive shell: lines read at {@code terminal}, prompted by what {@code out} shows. */
    static CellInput cellInput(Terminal terminal, CountingOutputStream out) {
        return new CellInput(reader(terminal), out::currentLine, out::lineTyped);
    }

    static java.util.function.Function<String, String> reader(Terminal terminal) {
        LineReader answers = LineReaderBuilder.builder().terminal(terminal).appName("nnsh-input")
                .variable(LineReader.DISABLE_HISTORY, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        return question -> {
            terminal.writer().print('\r');
            terminal.writer().flush();
            try {
                return answers.readLine(question);
            } catch (EndOfFileException | UserInterruptException e) {
                return null;
            }
        };
    }

    /** A real terminal shows the progress line of long passes, which run in the execution JVM. */
    static List<String> engineOptions(Terminal terminal) {
        boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        return List.of("-Dnnsh.progress=" + (dumb ? "off" : "on"));
    }
}
