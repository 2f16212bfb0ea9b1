package dev.nnsh.shell;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The execution JVM's process, so that a second Ctrl-C can kill it when a cell sits in a native call
 * that no JDI stop reaches. The no-delay engine reports its process here; with JShell's own engine
 * (-Dnnsh.engine=jdi) it is the child process of this JVM that appeared while the engine was built.
 */
final class ExecutionJvm {
    private final AtomicReference<Process> process = new AtomicReference<>();
    private volatile Set<ProcessHandle> newChildren = Set.of();

    /** This JVM's child processes now. */
    static Set<ProcessHandle> children() {
        return ProcessHandle.current().children().collect(Collectors.toSet());
    }

    /** Remembers the children that were not there {@code before}: the engine just built launched them. */
    void launchedSince(Set<ProcessHandle> before) {
        if (process.get() != null) return;
        Set<ProcessHandle> now = children();
        now.removeAll(before);
        newChildren = now;
    }

    /** Called by the engine's provider once the execution JVM is launched. */
    void launched(Process p) {
        process.set(p);
    }

    /** Kills the execution JVM at once (SIGKILL); JDI then reports its death and JShell shuts down. */
    boolean kill() {
        Process p = process.get();
        if (p != null) {
            p.destroyForcibly();
            return true;
        }
        return newChildren.stream().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::destroyForcibly)
                .reduce(false, Boolean::logicalOr);
    }
}
