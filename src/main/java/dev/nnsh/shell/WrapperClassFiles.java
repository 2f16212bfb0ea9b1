package dev.nnsh.shell;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * issue 11 (shell): hides, during one compile, the class files of the wrapper classes whose
 * variables {@link ImportFilter} already hides. javac lists every class file of package {@code REPL}
 * on every task (ClassFinder.scanUserPaths through JShell's MemoryFileManager, which keeps every
 * class the session compiled in one TreeMap), so without this a compile still grows with the
 * session even when it imports nothing of it. The entries are taken out of that map and put back by
 * {@link #restore}. A wrapper with nested classes (an anonymous class in a variable's initializer:
 * another variable's type can be that class) stays listed. Off with {@code
 * -Dnnsh.imports.classfiles=off}; {@link #active} for benchmarks' A/B in one JVM.
 */
final class WrapperClassFiles {
    private static final boolean ON = !"off".equals(System.getProperty("nnsh.imports.classfiles"));
    static volatile boolean active = true;
    static final WrapperClassFiles NOTHING = new WrapperClassFiles(null, List.of(), List.of());
    private static final Handles HANDLES = Handles.load();

    private final NavigableMap<String, Object> classObjects;
    private final List<String> names;
    private final List<Object> files;

    private WrapperClassFiles(NavigableMap<String, Object> classObjects, List<String> names, List<Object> files) {
        this.classObjects = classObjects;
        this.names = names;
        this.files = files;
    }

    /** JShell.taskFactory, TaskFactory.fileManager, MemoryFileManager.classObjects, Snippet.classFullName. */
    private record Handles(Field taskFactory, Field fileManager, Field classObjects, Method classFullName) {
        static Handles load() {
            if (!ON || !JShellInternals.available()) return null;
            try {
                Field taskFactory = JShell.class.getDeclaredField("taskFactory");
                Field fileManager = Class.forName("jdk.jshell.TaskFactory").getDeclaredField("fileManager");
                Field classObjects = Class.forName("jdk.jshell.MemoryFileManager").getDeclaredField("classObjects");
                taskFactory.setAccessible(true);
                fileManager.setAccessible(true);
                classObjects.setAccessible(true);
                return new Handles(taskFactory, fileManager, classObjects, JShellInternals.get().classFullName);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }

    /** Takes the class files of {@code snippets}' wrappers out of javac's view of package REPL. */
    static WrapperClassFiles hide(JShell shell, List<Snippet> snippets) {
        if (HANDLES == null || !active || snippets.isEmpty()) return NOTHING;
        try {
            Object map = HANDLES.classObjects.get(HANDLES.fileManager.get(HANDLES.taskFactory.get(shell)));
            if (!(map instanceof NavigableMap<?, ?>)) return NOTHING;
            @SuppressWarnings("unchecked")
            NavigableMap<String, Object> classObjects = (NavigableMap<String, Object>) map;
            List<String> names = new ArrayList<>(snippets.size());
            List<Object> files = new ArrayList<>(snippets.size());
            for (Snippet s : snippets) {
                String name = (String) HANDLES.classFullName.invoke(s);
                String nested = classObjects.ceilingKey(name + "$");
                if (nested != null && nested.startsWith(name + "$")) continue;
                Object file = classObjects.remove(name);
                if (file == null) continue;
                names.add(name);
                files.add(file);
            }
            return new WrapperClassFiles(classObjects, names, files);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return NOTHING; // every class file listed, as JShell has it
        }
    }

    /** How many class files are hidden. */
    int hiddenCount() {
        return names.size();
    }

    /** Puts the hidden class files back (a class the compile wrote meanwhile under that name wins). */
    void restore() {
        for (int i = 0; i < names.size(); i++) classObjects.putIfAbsent(names.get(i), files.get(i));
    }
}
