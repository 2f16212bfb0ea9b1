package dev.nnsh.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Collectors;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** A user's own Module subclass, typed into JShell with the imports Preload.java evaluates. */
class JShellUserClassTest {
    private static final String USER_CLASS = """
            class MyNet extends Module {
                Conv2d conv = new Conv2d(1, 8, 3, 1, 1);
                BatchNorm2d bn = new BatchNorm2d(8);
                GELU act = new GELU();
                MaxPool2d pool = new MaxPool2d(2);
                Dropout drop = new Dropout(0.25);
                Linear fc = new Linear(8 * 14 * 14, 10);
                @Override public Tensor forward(Tensor x) {
                    x = pool.apply(act.apply(bn.apply(conv.apply(x))));
                    return F.logSoftmax(fc.apply(drop.apply(x.flatten(1))), 1);
                }
            }""";

    private static JShell newShell() {
        JShell shell = JShell.builder().executionEngine("local").build();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            shell.addToClasspath(entry);
        }
        return shell;
    }

    private static List<SnippetEvent> eval(JShell shell, String code) {
        List<SnippetEvent> events = shell.eval(code);
        for (SnippetEvent e : events) {
            if (e.exception() != null) fail("snippet threw: " + e.exception() + "\n" + code);
        }
        return events;
    }

    private static String diagnostics(JShell shell, Snippet snippet) {
        return shell.diagnostics(snippet).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
    }

    @Test void userModuleCompilesAndRunsWithTheApiImports() {
        try (JShell shell = newShell()) {
            eval(shell, "import dev.nnsh.tensor.*;");
            eval(shell, "import dev.nnsh.nn.*;");
            eval(shell, "import dev.nnsh.nn.Module;");
            SnippetEvent declared = eval(shell, USER_CLASS).get(0);
            assertEquals(Snippet.Status.VALID, declared.status(), diagnostics(shell, declared.snippet()));
            SnippetEvent run = eval(shell, "java.util.Arrays.toString(new MyNet().apply(Tensor.rand(1, 1, 28, 28)).shape())").get(0);
            assertEquals("\"[1, 10]\"", run.value());
            SnippetEvent params = eval(shell, "new MyNet().numParams()").get(0);
            assertEquals(String.valueOf((1 * 9 + 1) * 8 + 2 * 8 + (8 * 14 * 14 + 1) * 10), params.value());
        }
    }

    @Test void withoutTheSingleTypeImportModuleIsAmbiguous() {
        try (JShell shell = newShell()) {
            eval(shell, "import dev.nnsh.tensor.*;");
            eval(shell, "import dev.nnsh.nn.*;");
            SnippetEvent declared = shell.eval(USER_CLASS).get(0);
            assertEquals(Snippet.Status.REJECTED, declared.status());
            String why = diagnostics(shell, declared.snippet());
            assertTrue(why.contains("reference to Module is ambiguous"), why);
            assertTrue(why.contains("java.lang.Module") && why.contains("dev.nnsh.nn.Module"), why);
        }
    }
}
