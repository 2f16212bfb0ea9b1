package dev.nnsh.summary;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import dev.nnsh.tensor.Shapes;

/**
 * {@code quiz(net, sizes...)}: for each layer with parameters (or a random sample of them) asks its
 * parameter count, then its output shape; says right or wrong, shows the explain() derivation when
 * wrong, and ends with the score. A malformed answer is asked again, an empty line skips, the end of
 * input (Ctrl-D) ends the quiz with the score so far.
 */
public final class Quiz {
    /** Where answers come from: one line at a time, null at the end. */
    public interface Answers {
        /** The message of the interactive shell's "no line typed yet" (see dev.nnsh.shell.CellInput). */
        String NOT_YET = "nnsh: no input yet";

        private static void pause() throws IOException {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("quiz interrupted");
            }
        }

        String readLine() throws IOException;

        static Answers of(Reader reader) {
            BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            return lines::readLine;
        }

        /**
         * Reads bytes up to each newline and no further, so the rest of the stream stays unread. A read
         * that fails ends the answers (the interactive shell signals Ctrl-D so: an end of stream would
         * close a cell's System.in for good), except one failing with {@value #NOT_YET}: the interactive
         * shell's "nothing typed yet", read again shortly.
         */
        static Answers of(InputStream in) {
            return () -> {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while (true) {
                    try {
                        b = in.read();
                    } catch (IOException e) {
                        if (!NOT_YET.equals(e.getMessage())) return null;
                        pause();
                        continue;
                    }
                    if (b == -1 || b == '\n') break;
                    line.write(b);
                }
                if (b == -1 && line.size() == 0) return null;
                return line.toString(Charset.defaultCharset()).replace("\r", "");
            };
        }
    }

    /** The result: right answers out of questions asked; skipped ones count as asked and not right. */
    public record Score(int right, int asked, int skipped, boolean endedEarly) {
        @Override public String toString() {
            return "Score: " + right + " of " + asked + " right" + (skipped > 0 ? " (" + skipped + " skipped)" : "");
        }
    }

    private static final Pattern COUNT = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+(_\\d+)*");
    private static final Pattern SHAPE_SEPARATORS = Pattern.compile("[\\s,x×]+");

    private final Answers answers;
    private final PrintStream out;
    private int right, asked, skipped;

    private Quiz(Answers answers, PrintStream out) {
        this.answers = answers;
        this.out = out;
    }

    /**
     * Runs the quiz on a summary's layers; {@code sample} &gt; 0 asks about that many layers drawn by
     * {@code random} (kept in network order), otherwise about all of them.
     */
    public static Score run(ModelStatistics stats, int sample, Random random, Answers answers, PrintStream out) {
        if (!stats.hasForwardPass()) throw new IllegalArgumentException("quiz: give the input sizes of a forward pass");
        List<LayerInfo> layers = new ArrayList<>();
        for (LayerInfo row : stats.layers()) if (row.isLeaf() && !row.isRecursive() && row.executed() && row.numParams() > 0) layers.add(row);
        if (layers.isEmpty()) throw new IllegalArgumentException("quiz: the network has no layer with parameters to ask about");
        if (sample > 0 && sample < layers.size()) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) order.add(i);
            Collections.shuffle(order, random);
            List<Integer> chosen = new ArrayList<>(order.subList(0, sample));
            Collections.sort(chosen);
            List<LayerInfo> picked = new ArrayList<>();
            for (int i : chosen) picked.add(layers.get(i));
            layers = picked;
        }
        Quiz quiz = new Quiz(answers, out);
        try {
            return quiz.ask(layers);
        } catch (IOException e) {
            throw new UncheckedIOException("quiz: cannot read the answers: " + e.getMessage(), e);
        }
    }

    private Score ask(List<LayerInfo> layers) throws IOException {
        out.printf("%d layers, two questions each. Numbers as 2359808, 2,359,808 or 2_359_808; shapes as [12, 64, 112, 112]."
                + " Enter skips, Ctrl-D ends.%n", layers.size());
        int n = 0;
        for (LayerInfo row : layers) {
            n++;
            List<String> derivation = LayerFormulas.explain(row);
            String name = (row.path().isEmpty() ? row.typeName() : row.path()) + " = " + derivation.get(0);
            out.printf("%n[%d/%d] %s%n", n, layers.size(), name);
            if (!question("  How many parameters? ", Quiz::count, row.numParams(), derivation, "params")) return end(true);
            long[] input = row.inputShape();
            String prompt = "  Output shape" + (input == null ? "" : " for an input of " + Shapes.format(input)) + "? ";
            if (!question(prompt, Quiz::shape, Arrays.stream(row.outputShape()).boxed().toList(), derivation, "output")) return end(true);
        }
        return end(false);
    }

    /** One question; false when the input ended. */
    private <T> boolean question(String prompt, Parser<T> parser, T expected, List<String> derivation, String part) throws IOException {
        while (true) {
            out.print(prompt);
            out.flush();
            String line = answers.readLine();
            if (line == null) {
                out.println();
                return false;
            }
            String answer = line.strip();
            if (answer.isEmpty()) {
                asked++;
                skipped++;
                out.println("  Skipped: it is " + show(expected) + ".");
                return true;
            }
            T given = parser.parse(answer);
            if (given == null) {
                out.println("  \"" + answer + "\" is not " + (part.equals("params") ? "a whole number (2359808, 2,359,808 or 2_359_808)"
                        : "a shape ([12, 64, 112, 112])") + "; try again, or press Enter to skip.");
                continue;
            }
            asked++;
            if (given.equals(expected)) {
                right++;
                out.println("  Right.");
            } else {
                out.println("  Not quite: it is " + show(expected) + ".");
                for (String d : derivation.subList(1, derivation.size())) out.println("    " + d);
            }
            return true;
        }
    }

    private Score end(boolean early) {
        Score score = new Score(right, asked, skipped, early);
        if (early) out.println("Quiz ended early.");
        out.println(score);
        return score;
    }

    private interface Parser<T> { T parse(String answer); }

    static Long count(String answer) {
        if (!COUNT.matcher(answer).matches()) return null;
        try {
            return Long.parseLong(answer.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return null; // more digits than a long holds
        }
    }

    static List<Long> shape(String answer) {
        String inner = answer.replaceAll("^[\\[(]\\s*", "").replaceAll("\\s*[\\])]$", "");
        if (inner.isEmpty()) return null;
        List<Long> dims = new ArrayList<>();
        for (String part : SHAPE_SEPARATORS.split(inner)) {
            if (!part.matches("\\d{1,18}")) return null;
            dims.add(Long.parseLong(part));
        }
        return dims;
    }

    private static String show(Object expected) {
        if (expected instanceof Long l) return String.format("%,d", l);
        return expected.toString();
    }
}
