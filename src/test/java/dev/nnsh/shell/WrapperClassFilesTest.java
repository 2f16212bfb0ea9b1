package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;

/**
 * issue 11 (shell): while a compile hides variables (ImportFilter), javac's listing of package REPL
 * (read here through JShell's own file manager, as javac reads it) lacks those variables' wrapper
 * classes, except wrappers with nested classes, and has everything back afterwards; cells give the
 * same results with the class files hidden and listed, and the values plain Java gives.
 */
class WrapperClassFilesTest {
    private static final String FILLER = IntStream.range(0, 40).mapToObj(i -> "int w" + i + " = " + i + ";")
            .collect(Collectors.joining("\n"));

    @Test
    void aCompileThatNamesNothingOfTheSessionListsNoneOfItsVariablesWrappers() throws Exception {
        assertTrue(ImportFilter.enabled(), "run with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED (pom.xml's argLine)");
        try (Session s = new Session(false, Launcher.classpath(), new CountingOutputStream(new ByteArrayOutputStream()), false).start()) {
            assertTrue(s.run(FILLER + "\nvar anon = new Object() { int a = 3; };\nclass Foo { int v = 7; }", Origin.interactive(1)).succeeded());
            JShell shell = s.engine().jshell();
            Set<String> before = listed(shell);
            Set<String> fillers = new TreeSet<>(), anon = new TreeSet<>(), foo = new TreeSet<>();
            for (Snippet sn : shell.snippets().toList()) {
                String name = classFullName(sn), source = sn.source().strip();
                if (source.startsWith("int w")) fillers.add(name);
                if (source.startsWith("var anon")) anon.add(name);
                if (source.startsWith("class Foo")) foo.add(name);
            }
            assertEquals(40, fillers.size());
            assertTrue(before.containsAll(fillers) && before.containsAll(anon) && before.containsAll(foo), before.toString());
            try (ImportFilter f = ImportFilter.hide(shell, List.of("1 + 1"), List.of())) {
                assertTrue(f.hiddenCount() >= 41, "hid " + f.hiddenCount());
                assertEquals(40, f.hiddenClassFiles());
                Set<String> during = listed(shell);
                for (String n : fillers) assertFalse(during.contains(n), n);
                assertTrue(during.containsAll(anon), "a wrapper with a nested class stays listed: " + during);
                assertTrue(during.containsAll(foo), "a class's wrapper stays listed");
            }
            assertEquals(before, listed(shell));
            WrapperClassFiles.active = false;
            try (ImportFilter f = ImportFilter.hide(shell, List.of("1 + 1"), List.of())) {
                assertEquals(0, f.hiddenClassFiles());
                assertEquals(before, listed(shell));
            } finally {
                WrapperClassFiles.active = true;
            }
        }
    }

    @Test
    void cellsGiveTheSameValuesWithTheClassFilesHiddenAndListed() {
        List<String> cells = List.of(
                FILLER + "\nvar anon = new Object() { int a = 3; };\nvar same = anon;\nclass Foo { int v = 7; }",
                "1 + 1",
                "same.a + 1",
                "new Foo().v * 6",
                "int z = w3 + w4;",
                "z * 10",
                "int w5 = 50;",
                "w5 + w6",
                "Runnable r = () -> {}; r != null",
                "String t = \"x\" + anon.a;",
                "t + t.length()");
        List<String> expected = List.of("", "2", "4", "42", "", "70", "", "56", "true", "", "\"x32\"");
        for (boolean hide : new boolean[] {false, true}) {
            WrapperClassFiles.active = hide;
            try (Session s = new Session(false, Launcher.classpath(), new CountingOutputStream(new ByteArrayOutputStream()), false).start()) {
                for (int i = 0; i < cells.size(); i++) {
                    CellResult r = s.run(cells.get(i), Origin.interactive(i + 1));
                    assertTrue(r.succeeded(), "hidden " + hide + ", cell " + cells.get(i) + ": " + r.message());
                    if (!expected.get(i).isEmpty()) assertEquals(expected.get(i), r.value(), "hidden " + hide + ", cell " + cells.get(i));
                }
            } finally {
                WrapperClassFiles.active = true;
            }
        }
    }

    /** The binary names javac sees in package REPL (MemoryFileManager.list, as ClassFinder calls it). */
    private static Set<String> listed(JShell shell) throws Exception {
        Field tf = JShell.class.getDeclaredField("taskFactory");
        tf.setAccessible(true);
        Object factory = tf.get(shell);
        Field fm = factory.getClass().getDeclaredField("fileManager");
        fm.setAccessible(true);
        JavaFileManager files = (JavaFileManager) fm.get(factory);
        Set<String> names = new TreeSet<>();
        for (JavaFileObject o : files.list(StandardLocation.CLASS_PATH, "REPL", Set.of(JavaFileObject.Kind.CLASS), false)) {
            names.add(files.inferBinaryName(StandardLocation.CLASS_PATH, o));
        }
        return names;
    }

    private static String classFullName(Snippet s) throws Exception {
        Method m = Snippet.class.getDeclaredMethod("classFullName");
        m.setAccessible(true);
        return (String) m.invoke(s);
    }
}
