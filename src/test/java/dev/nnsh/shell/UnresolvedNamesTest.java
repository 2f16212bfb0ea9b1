package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

/** A class or method that uses undeclared names fails when it is defined, named as the user wrote it. */
class UnresolvedNamesTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private int cell;

    private CellResult run(Session s, String text) { return s.run(text, Origin.interactive(++cell)); }

    private static void noSnippetKeys(String text) {
        assertFalse(text.contains("Snippet:") || text.contains("ClassKey") || text.contains("MethodKey"), text);
    }

    @Test void aClassUsingAnUndeclaredMethodIsAnErrorWhenDefined() {
        try (Session s = new Session(false, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            CellResult defined = run(s, "class A { int f() { return helper(2); } }");
            assertFalse(defined.succeeded(), "a class with an unresolved name must not pass");
            assertTrue(defined.message().contains("class A uses") && defined.message().contains("helper(int)"), defined.message());
            assertTrue(defined.message().contains("declare it first, then define A again"), defined.message());
            noSnippetKeys(defined.message());
            CellResult used = run(s, "new A().f()");
            assertFalse(used.succeeded());
            noSnippetKeys(used.message());
            assertTrue(used.message().contains("cannot find symbol"), used.message());
            assertTrue(run(s, "int helper(int x) { return x * 21; }").succeeded());
            assertTrue(run(s, "class A { int f() { return helper(2); } }").succeeded());
            assertEquals("42", run(s, "new A().f()").value());
            noSnippetKeys(printed.toString());
        }
    }

    @Test void indexHelpersArePreloaded() {
        try (Session s = new Session(false, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            CellResult r = run(s, "Tensor.arange(24).view(2, 3, 4).index(all(), at(-1), to(2)).size()");
            assertTrue(r.succeeded(), String.valueOf(r.message()));
            assertEquals("torch.Size([2, 2])", r.value());
            assertEquals("torch.Size([2, 1, 4])", run(s, "Tensor.arange(24).view(2, 3, 4).get(\"..., 1:2, :\").size()").value());
        }
    }

    @Test void aMethodUsingAnUndeclaredClassIsAnErrorWhenDefined() {
        try (Session s = new Session(false, Launcher.classpath(), new CountingOutputStream(printed), false).start()) {
            CellResult defined = run(s, "int g() { return new Missing().size(); }");
            assertFalse(defined.succeeded());
            assertTrue(defined.message().contains("method g uses") && defined.message().contains("Missing"), defined.message());
            noSnippetKeys(defined.message());
        }
    }
}
