package dev.nnsh.summary;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import dev.nnsh.Nnsh;
import dev.nnsh.nn.Conv2d;
import dev.nnsh.nn.Flatten;
import dev.nnsh.nn.Linear;
import dev.nnsh.nn.ReLU;
import dev.nnsh.nn.Sequential;
import org.junit.jupiter.api.Test;

/**
 * A conv (params (3·3·1 + 1)·4 = 40, output [1, 4, 26, 26]) and a linear ((4·26·26 + 1)·10 = 27,050,
 * output [1, 10]): four questions.
 */
class QuizTest {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private Quiz.Score quiz(String answers) {
        return quiz(answers, 0);
    }

    private Quiz.Score quiz(String answers, int sample) {
        var net = new Sequential(new Conv2d(1, 4, 3), new ReLU(), new Flatten(), new Linear(4 * 26 * 26, 10));
        ModelStatistics stats = Nnsh.summary(net, Nnsh.options().inputSize(1, 1, 28, 28).verbose(0));
        return Quiz.run(stats, sample, new Random(7), Quiz.Answers.of(new StringReader(answers)),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    private String printed() { return buffer.toString(StandardCharsets.UTF_8); }

    @Test void rightAnswersInEveryAcceptedSpelling() {
        Quiz.Score score = quiz("40\n[1, 4, 26, 26]\n27,050\n1 10\n");
        assertEquals(new Quiz.Score(4, 4, 0, false), score);
        assertTrue(printed().contains("[1/2] 0 = Conv2d(1, 4, kernel 3, stride 1, padding 0)"), printed());
        assertTrue(printed().contains("Output shape for an input of [1, 1, 28, 28]?"), printed());
        assertTrue(printed().endsWith("Score: 4 of 4 right\n"), printed());
        assertEquals(2_359_808L, Quiz.count("2_359_808"));
        assertEquals(2_359_808L, Quiz.count("2,359,808"));
        assertEquals(2_359_808L, Quiz.count("2359808"));
        assertEquals(List.of(12L, 64L, 112L, 112L), Quiz.shape("(12, 64, 112, 112)"));
        assertEquals(List.of(12L, 64L), Quiz.shape("12x64"));
    }

    @Test void aWrongAnswerShowsTheDerivation() {
        Quiz.Score score = quiz("36\n[1, 4, 28, 28]\n27050\n[1, 10]\n");
        assertEquals(new Quiz.Score(2, 4, 0, false), score);
        String out = printed();
        assertTrue(out.contains("Not quite: it is 40.\n    params     = (kH·kW·C_in + 1)·C_out = (3·3·1 + 1)·4 = 40\n"), out);
        assertTrue(out.contains("Not quite: it is [1, 4, 26, 26].\n"), out);
        assertTrue(out.contains("H_out = ⌊(28 + 2·0 − 1·(3−1) − 1)/1⌋ + 1 = 26"), out);
    }

    @Test void malformedAnswersAreAskedAgain() {
        Quiz.Score score = quiz("forty\n4,0\n40\n[1, four]\n[]\n1,4,26,26\n27050\n[1, 10]\n");
        assertEquals(new Quiz.Score(4, 4, 0, false), score);
        String out = printed();
        assertTrue(out.contains("\"forty\" is not a whole number (2359808, 2,359,808 or 2_359_808); try again"), out);
        assertTrue(out.contains("\"4,0\" is not a whole number"), out);
        assertTrue(out.contains("\"[1, four]\" is not a shape"), out);
        assertTrue(out.contains("\"[]\" is not a shape"), out);
    }

    @Test void anEmptyLineSkipsAndTheEndOfInputEndsWithTheScoreSoFar() {
        Quiz.Score score = quiz("\n[1, 4, 26, 26]\n   \n");
        assertEquals(new Quiz.Score(1, 3, 2, true), score);
        String out = printed();
        assertTrue(out.contains("Skipped: it is 40."), out);
        assertTrue(out.contains("Skipped: it is 27,050."), out);
        assertTrue(out.endsWith("Quiz ended early.\nScore: 1 of 3 right (2 skipped)\n"), out);
    }

    @Test void endingAtOnceScoresNothing() {
        assertEquals(new Quiz.Score(0, 0, 0, true), quiz(""));
        assertTrue(printed().endsWith("Score: 0 of 0 right\n"), printed());
    }

    @Test void aSampleAsksAboutThatManyLayers() {
        Quiz.Score score = quiz("1\n1\n1\n1\n", 1);
        assertEquals(2, score.asked());
        assertTrue(printed().contains("[1/1]"), printed());
    }

    @Test void answersFromAStreamAreReadOneLineAtATime() throws Exception {
        var in = new ByteArrayInputStream("40\nrest".getBytes(StandardCharsets.UTF_8));
        Quiz.Answers answers = Quiz.Answers.of(in);
        assertEquals("40", answers.readLine());
        assertEquals(4, in.available()); // "rest" is still there for whoever reads next
    }
}
