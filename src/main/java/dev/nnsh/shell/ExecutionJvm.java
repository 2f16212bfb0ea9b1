package dev.nnsh.shell;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The execution JVM's process, so that a second Ctrl-C can kill it when a cell sits in a native call
 * that no JDI stop reaches. The no-delay engine reports its process here; with JShell's own engine
 * (-Dnnsh.engine=jdi) the process is found among this JVM's children by JShell's agent class name.
 */
final class ExecutionJvm {
    private final AtomicReference<Process> process = new AtomicReference<>();

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
        return ProcessHandle.current().children()
                .filter(h -> h.info().commandLine().orElse("").contains("jdk.jshell.execution.RemoteExecutionControl"))
                .map(ProcessHandle::destroyForcibly)
                .reduce(false, Boolean::logicalOr);
    }
}
