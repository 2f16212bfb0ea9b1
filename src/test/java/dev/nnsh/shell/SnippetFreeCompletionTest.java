package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Completion in the snippet-free JShell must give what the session's own JShell gives (the
 * reference: real JShell on the session), and step aside whenever the code names the session.
 */
class SnippetFreeCompletionTest {
    private static Session session;
    private static SnippetFreeCompletion snippetFree;

    @BeforeAll
    static void start() {
        session = new Session(false, Launcher.classpath(), new CountingOutputStream(OutputStream.nullOutputStream()), false).start();
        for (String s : List.of("class ConvNet extends Module {}", "int convCount = 3;", "double conv(int k) { return k; }",
                "var net = new Linear(2, 3);", "int ze = 1;")) {
            assertTrue(session.run(s, Origin.interactive(1)).succeeded(), s);
        }
        for (int i = 0; i < 50; i++) session.run("int p" + i + " = " + i + ";", Origin.interactive(2));
        assertEquals("42", session.run("6 * 7", Origin.interactive(3)).value()); // _3
        snippetFree = new SnippetFreeCompletion(() -> session.engine().jshell());
        snippetFree.awaitStarted();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static Set<String> continuations(List<SourceCodeAnalysis.Suggestion> s) {
        Set<String> c = new TreeSet<>();
        s.forEach(x -> c.add(x.continuation()));
        return c;
    }

    private static void sameAsTheSession(String code) {
        int[] fast = new int[1], own = new int[1];
        List<SourceCodeAnalysis.Suggestion> mine = snippetFree.suggestions(code, fast);
        assertNotNull(mine, code);
        List<SourceCodeAnalysis.Suggestion> reference = session.engine().analysis().completionSuggestions(code, code.length(), own);
        assertEquals(continuations(reference), continuations(mine), code);
        assertEquals(own[0], fast[0], code);
    }

    @Test
    void codeThatNamesNothingOfTheSessionCompletesAsInTheSession() {
        for (String code : List.of("Conv1", "Tensor.ra", "new Linear(2, 3).we", "Math.ma", "List.o",
                "Conv2d c = new Conv2", "summ", "q", "int k = Tensor.zeros(2).sh", "Seq", "Tensor.")) {
            sameAsTheSession(code);
        }
        assertTrue(continuations(snippetFree.suggestions("Conv1", new int[1])).contains("Conv1d"));
    }

    @Test
    void codeThatNamesTheSessionOrCouldCompleteToItIsLeftToIt() {
        for (String code : List.of("net.", "net.we", "convCount + net.we", "new ConvNet().", "conv(1) + Math.ma",
                "Tensor.ra + ze", "Tensor.ze", "_3.", "_",
                "Conv", "conv", "new Conv", "p1", "Math.max(conv",
                "", "Math.max(", "1 + ")) {
            assertNull(snippetFree.suggestions(code, new int[1]), code);
        }
    }

    @Test
    void anImportOfTheUsersIsLeftToTheSession() {
        try (Session other = new Session(false, Launcher.classpath(), new CountingOutputStream(OutputStream.nullOutputStream()), false).start()) {
            other.run("import java.util.concurrent.*;", Origin.interactive(1));
            SnippetFreeCompletion c = new SnippetFreeCompletion(() -> other.engine().jshell());
            c.awaitStarted();
            assertNull(c.suggestions("Conc", new int[1]));
        }
    }
}
