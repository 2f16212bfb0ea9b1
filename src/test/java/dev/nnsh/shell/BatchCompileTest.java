package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;

/**
 * Declarations compiled together (BatchCompile) and compiles that import only the variables they
 * name (ImportFilter) against the reference: the same cells on a session with both off, which is
 * JShell's public API one snippet at a time. Everything the user can see must be equal: each cell's
 * result (status, value, type, message with its line), what it printed, and afterwards every active
 * snippet (kind, source, status) and every variable's type and value.
 */
class BatchCompileTest {
    private static final String FILLER = IntStream.range(0, 30).mapToObj(i -> "int f" + i + " = " + i + ";")
            .collect(Collectors.joining("\n"));

    private static final List<String> CELLS = List.of(
            FILLER,
            // a paste of declarations, a statement among them, an expression at the end
            """
            int a = 1;
            int b = a + 1;
            String s = "x" + b;
            System.out.println(s + a);
            double[] arr = {1.0, 2.0};
            List<String> names = new ArrayList<>(List.of("p", "q"));
            java.util.Map<String, List<Integer>> m = new java.util.HashMap<>();
            int c = b * 10;
            c + a""",
            // a compile error on line 3: lines 1-2 defined, 3 reported, 4 not evaluated
            """
            int e1 = 1;
            int e2 = 2;
            int e3 = "three";
            int e4 = 4;""",
            // an exception on line 2: line 1 ran, line 2 ran and threw, line 3 not evaluated
            """
            int g1 = 1;
            int g2 = 1 / 0;
            int g3 = 3;""",
            // a forward reference is an error, as one snippet at a time
            """
            int h1 = h2 + 1;
            int h2 = 5;""",
            // redefinitions within the paste and of an earlier variable others depend on
            """
            int k = 1;
            int k = 2;
            int q1 = 7;
            long a = 100;""",
            "e1 + e2 + g1 + k + q1 + f29",
            // initialisers run in order, once
            "int counter = 0;",
            "int next() { return ++counter; }",
            """
            int o1 = next();
            int o2 = next();
            int o3 = next();
            int o4 = next();""",
            "o1 * 1000 + o2 * 100 + o3 * 10 + o4",
            // declarations around a method and a call that prints
            """
            int m1 = 1;
            void show() { System.out.println("m1=" + m1 + " m2=" + m2); }
            int m2 = 2;
            show();""",
            // two expressions in one cell: both are `_n` of this cell
            """
            1 + 1
            2 + 2""",
            // var, final, static and uninitialised declarations; an unused name among many
            """
            var v = f0 + 1;
            final int fin = 3;
            static int st = 4;
            int un;
            String nothing;
            int last = v + fin + st + un;""",
            "last + f1",
            "/* a comment */ int w1 = 1; int w2 = w1 + 1;",
            "int x1 = 1, x2 = 2;",
            // imports before declarations go with them; a declaration must not see a later import
            """
            import java.time.*;
            import java.math.BigInteger;
            import java.util.*;
            LocalDate d0 = LocalDate.of(2020, 1, 1);
            BigInteger big = BigInteger.TEN;
            String when = d0 + " " + big;""",
            """
            int before = 1;
            AtomicInteger ai = new AtomicInteger(3);
            import java.util.concurrent.atomic.*;""",
            """
            import java.util.concurrent.atomic.*;
            AtomicInteger ai = new AtomicInteger(3);
            ai.get() + before""",
            "int y1 = 1;\nint y2 = y1 + x2;\ny2");

    @Test
    void cellsGiveWhatOneSnippetAtATimeGives() {
        assertTrue(BatchCompile.enabled(), "run with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED (pom.xml's argLine)");
        assertTrue(ImportFilter.enabled());
        Transcript fast = new Transcript(true), reference = new Transcript(false);
        long before = BatchCompile.COMPILED_TOGETHER.get();
        try {
            int cell = 0;
            for (String text : CELLS) {
                cell++;
                String a = fast.run(text, cell), b = reference.run(text, cell);
                assertEquals(b, a, "cell " + cell + ":\n" + text);
            }
            assertEquals(reference.state(), fast.state());
            assertEquals(reference.done(), fast.done());
        } finally {
            fast.close();
            reference.close();
            BatchCompile.active = true;
            ImportFilter.active = true;
        }
        // the fast session really compiled declarations together (more than the filler's 30)
        assertTrue(BatchCompile.COMPILED_TOGETHER.get() - before > 30, "batched: " + (BatchCompile.COMPILED_TOGETHER.get() - before));
    }

    /** A same-JVM session with the fast paths on or off; what each cell shows, as text. */
    private static final class Transcript {
        private final boolean fast;
        private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        private final CountingOutputStream counter = new CountingOutputStream(printed);
        private final Session session;

        Transcript(boolean fast) {
            this.fast = fast;
            this.session = new Session(false, Launcher.classpath(), counter, false).start();
        }

        String run(String text, int cell) {
            BatchCompile.active = fast;
            ImportFilter.active = fast;
            PrintStream was = System.out;
            System.setOut(new PrintStream(counter, true, StandardCharsets.UTF_8));
            try {
                printed.reset();
                CellResult r = session.run(text, Origin.interactive(cell));
                System.out.flush();
                return r.status() + " value=" + r.value() + " type=" + r.valueType() + " printed=" + r.printed()
                        + "\nmessage=" + r.message() + "\noutput=" + printed.toString(StandardCharsets.UTF_8);
            } finally {
                System.setOut(was);
            }
        }

        String state() {
            JShell shell = session.engine().jshell();
            List<String> lines = new ArrayList<>();
            shell.snippets().filter(s -> shell.status(s).isActive())
                    .forEach(s -> lines.add(s.kind() + " " + shell.status(s) + " " + s.source()));
            shell.variables().filter(v -> shell.status(v).isActive())
                    .forEach(v -> lines.add(v.typeName() + " " + v.name() + " = " + shell.varValue(v)));
            return String.join("\n", lines);
        }

        String done() {
            return session.done().stream().map(d -> d.source() + " @" + d.firstLineInCell() + " " + d.valueName())
                    .collect(Collectors.joining("\n"));
        }

        void close() {
            session.close();
        }
    }

    @Test
    void memberCompletionWithHiddenVariablesGivesWhatJShellGives() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Session s = new Session(false, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            assertTrue(s.run(FILLER + "\nString str = \"x\";\nList<String> names = new ArrayList<>();", Origin.interactive(1)).succeeded());
            jdk.jshell.SourceCodeAnalysis analysis = s.engine().analysis();
            for (String code : List.of("str.subs", "names.si", "names.get(f3).", "str.length() + f1 + names.", "Tensor.ze", "f2 + str.ch")) {
                ImportFilter.active = false;
                List<String> all = continuations(analysis, code);
                ImportFilter.active = true;
                List<String> filtered;
                try (ImportFilter f = ImportFilter.forMemberCompletion(analysis, code)) {
                    if (!code.startsWith("Tensor")) assertTrue(f.hiddenCount() >= 16, code + ": hid " + f.hiddenCount());
                    filtered = continuations(analysis, code);
                }
                assertEquals(all, filtered, code);
                assertTrue(!all.isEmpty(), code);
            }
            // issue 11 (shell): a bare name keeps the variables that start with it (and those the code names)
            for (String code : List.of("f1", "st", "var q = na", "int z = f2 + f1", "str.length() + nam", "Math.max(f3, f")) {
                ImportFilter.active = false;
                List<String> all = continuations(analysis, code);
                ImportFilter.active = true;
                List<String> filtered;
                try (ImportFilter f = ImportFilter.forMemberCompletion(analysis, code)) {
                    if (!code.endsWith(" f")) assertTrue(f.hiddenCount() >= 16, code + ": hid " + f.hiddenCount());
                    filtered = continuations(analysis, code);
                }
                assertEquals(all, filtered, code);
                assertTrue(!all.isEmpty(), code);
            }
            try (ImportFilter f = ImportFilter.forMemberCompletion(analysis, "Math.max(")) {
                assertEquals(0, f.hiddenCount()); // nothing typed: every variable is a candidate
            }
        } finally {
            ImportFilter.active = true;
        }
    }

    private static List<String> continuations(jdk.jshell.SourceCodeAnalysis analysis, String code) {
        return analysis.completionSuggestions(code, code.length(), new int[1]).stream()
                .map(jdk.jshell.SourceCodeAnalysis.Suggestion::continuation).sorted().toList();
    }

    @Test
    void anExceptionIsPlacedOnTheLineOfItsCodeNotOnTheCommentsAndLineBreaksBeforeIt() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Session s = new Session(false, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            CellResult r = s.run("int a1 = 1;\nint a2 = a1 + 1;\nint a3 = 10 / (a1 - 1);\nint a4 = 4;", Origin.interactive(1));
            assertTrue(r.message().contains("at In [1] line 3"), r.message());
            r = s.run("int b1 = 1;\n\n// why\n/* and\n how */\nint b2 = 10 / (b1 - 1);", Origin.interactive(2));
            assertTrue(r.message().contains("at In [2] line 6"), r.message());
            r = s.run("int c1 = 1;\n\nString s = null;\ns.length()", Origin.script(3, "f.jsh", 10));
            assertTrue(r.message().startsWith("f.jsh:13: "), r.message());
        }
    }

    @Test
    void aFailedDeclarationLeavesTheLaterOnesOfItsBatchUndefined() {
        BatchCompile.active = true;
        ImportFilter.active = true;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Session s = new Session(false, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            String paste = IntStream.range(0, 50).mapToObj(i -> i == 37 ? "int p37 = 1 / (p0 - p0);" : "int p" + i + " = " + i + ";")
                    .collect(Collectors.joining("\n"));
            CellResult r = s.run(paste, Origin.interactive(1));
            assertEquals(CellResult.Status.FAILED, r.status());
            assertTrue(r.message().contains("ArithmeticException"), r.message());
            JShell shell = s.engine().jshell();
            List<String> vars = shell.variables().filter(v -> shell.status(v).isActive()).map(v -> v.name()).toList();
            assertEquals(IntStream.rangeClosed(0, 37).mapToObj(i -> "p" + i).toList(), vars);
            assertEquals(37, s.done().size()); // p37 threw: not kept for replay
            assertEquals(Snippet.Status.VALID, shell.variables().filter(v -> v.name().equals("p36")).findFirst().map(shell::status).orElseThrow());
        }
    }
}
