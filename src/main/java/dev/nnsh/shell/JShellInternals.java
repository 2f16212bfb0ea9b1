package dev.nnsh.shell;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * The package-private parts of JDK 17's {@code jdk.jshell} that {@link BatchCompile} needs to
 * compile several snippets in one javac run: JShell's public API compiles one snippet per run.
 * Reachable only when the launcher opens the package ({@code --add-opens
 * jdk.jshell/jdk.jshell=ALL-UNNAMED}, scripts/nnsh does); {@link #available()} is false otherwise,
 * or when this JDK's classes differ, and the shell then evaluates snippet by snippet.
 */
final class JShellInternals {
    private static final JShellInternals INSTANCE = load();

    final Field eval;                  // JShell.eval
    final Field sourceCodeAnalysis;    // JShell.sourceCodeAnalysis (SourceCodeAnalysisImpl, may be null)
    final Method sourceToSnippets;     // Eval.sourceToSnippets(String)
    final Method compileAndLoad;       // Eval.compileAndLoad(Set<Unit>)
    final Method events;               // Eval.events(Unit, Collection<Unit>, String, JShellException)
    final Method asEvalException;      // Eval.asEvalException(UserException)
    final Method asUnresolved;         // Eval.asUnresolvedReferenceException(ResolutionException)
    final Constructor<?> unit;         // Unit(JShell, Snippet, Snippet cause, DiagList)
    final Method unitInitialize, unitSetWrap, unitSnippet, unitEvent;
    final Method syntheticDiags, classFullName, isExecutable;
    final Method executionControl, closeDown, checkIfAlive, notifyKeyStatusEvent;
    final Method suspendIndexing, resumeIndexing;
    final Method expunge;              // Util.expunge(String)

    private JShellInternals() throws ReflectiveOperationException {
        Class<?> evalClass = Class.forName("jdk.jshell.Eval");
        Class<?> unitClass = Class.forName("jdk.jshell.Unit");
        Class<?> diagList = Class.forName("jdk.jshell.DiagList");
        Class<?> analysisImpl = Class.forName("jdk.jshell.SourceCodeAnalysisImpl");
        eval = open(JShell.class.getDeclaredField("eval"));
        sourceCodeAnalysis = open(JShell.class.getDeclaredField("sourceCodeAnalysis"));
        sourceToSnippets = open(evalClass.getDeclaredMethod("sourceToSnippets", String.class));
        compileAndLoad = open(evalClass.getDeclaredMethod("compileAndLoad", Set.class));
        events = open(evalClass.getDeclaredMethod("events", unitClass, Collection.class, String.class, JShellException.class));
        asEvalException = open(evalClass.getDeclaredMethod("asEvalException",
                Class.forName("jdk.jshell.spi.ExecutionControl$UserException")));
        asUnresolved = open(evalClass.getDeclaredMethod("asUnresolvedReferenceException",
                Class.forName("jdk.jshell.spi.ExecutionControl$ResolutionException")));
        unit = unitClass.getDeclaredConstructor(JShell.class, Snippet.class, Snippet.class, diagList);
        unit.setAccessible(true);
        unitInitialize = open(unitClass.getDeclaredMethod("initialize"));
        unitSetWrap = open(unitClass.getDeclaredMethod("setWrap", Collection.class, Collection.class));
        unitSnippet = open(unitClass.getDeclaredMethod("snippet"));
        unitEvent = open(unitClass.getDeclaredMethod("event", String.class, JShellException.class));
        syntheticDiags = open(Snippet.class.getDeclaredMethod("syntheticDiags"));
        classFullName = open(Snippet.class.getDeclaredMethod("classFullName"));
        isExecutable = open(Snippet.class.getDeclaredMethod("isExecutable"));
        executionControl = open(JShell.class.getDeclaredMethod("executionControl"));
        closeDown = open(JShell.class.getDeclaredMethod("closeDown"));
        checkIfAlive = open(JShell.class.getDeclaredMethod("checkIfAlive"));
        notifyKeyStatusEvent = open(JShell.class.getDeclaredMethod("notifyKeyStatusEvent", SnippetEvent.class));
        suspendIndexing = open(analysisImpl.getDeclaredMethod("suspendIndexing"));
        resumeIndexing = open(analysisImpl.getDeclaredMethod("resumeIndexing"));
        expunge = open(Class.forName("jdk.jshell.Util").getDeclaredMethod("expunge", String.class));
    }

    private static JShellInternals load() {
        if (!JShell.class.getModule().isOpen("jdk.jshell", JShellInternals.class.getModule())) return null;
        try {
            return new JShellInternals();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another JDK's jdk.jshell: snippet by snippet
        }
    }

    /** The handles, or null when the package is not opened to nnsh or this JDK's classes differ. */
    static JShellInternals get() {
        return INSTANCE;
    }

    static boolean available() {
        return INSTANCE != null;
    }

    private static <T extends java.lang.reflect.AccessibleObject> T open(T member) {
        member.setAccessible(true);
        return member;
    }

    /** Calls {@code m}, rethrowing what it threw (unchecked as it came, checked wrapped). */
    static Object call(Method m, Object target, Object... args) throws Exception {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) throw ex;
            if (cause instanceof Error err) throw err;
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Snippet> snippets(Object list) {
        return (List<Snippet>) list;
    }
}
