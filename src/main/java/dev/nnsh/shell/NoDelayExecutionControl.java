package dev.nnsh.shell;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.net.Socket;
import jdk.jshell.execution.JdiExecutionControl;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The shell's side of {@link NoDelayExecutionControlProvider}: commands go over the socket (the
 * streaming protocol of {@link JdiExecutionControl}), class redefinition and stopping go through JDI.
 * Stopping works as in JShell's JDI engine: find the agent's thread inside a snippet call and throw
 * the agent's own stop exception there, which the agent reports as a stopped snippet.
 */
final class NoDelayExecutionControl extends JdiExecutionControl {
    private static final String AGENT_CLASS = RemoteExecutionControl.class.getName();

    private final Object stopLock = new Object();
    private final Socket socket;
    private final ExecutionEnv env;
    private VirtualMachine vm;
    private Process process;
    private boolean snippetRunning;

    NoDelayExecutionControl(ExecutionEnv env, ObjectOutput out, ObjectInput in, VirtualMachine vm, Process process,
                            Socket socket) {
        super(out, in);
        this.vm = vm;
        this.process = process;
        this.socket = socket;
        this.env = env;
    }

    /** The execution JVM died (System.exit, a native crash, killed): JShell shuts down, the session restarts it. */
    void executionJvmDied() {
        disposeVM();
        env.closeDown();
    }

    @Override public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        LatencyTrace.mark("load"); // issue 11 (shell): javac is done
        super.load(cbcs);
        LatencyTrace.mark("loaded");
    }

    @Override public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        LatencyTrace.mark("invoke"); // issue 11 (shell)
        synchronized (stopLock) {
            snippetRunning = true;
        }
        try {
            return super.invoke(className, methodName);
        } finally {
            LatencyTrace.mark("invoked"); // issue 11 (shell)
            synchronized (stopLock) {
                snippetRunning = false;
            }
        }
    }

    @Override public void stop() throws EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (!snippetRunning) return;
            VirtualMachine machine = vm();
            machine.suspend();
            try {
                for (ThreadReference thread : machine.allThreads()) {
                    if (stopInSnippet(machine, thread)) return;
                }
            } catch (ClassNotLoadedException | IncompatibleThreadStateException | InvalidTypeException e) {
                throw new InternalException("could not stop the running snippet: " + e);
            } finally {
                machine.resume();
            }
        }
    }

    /** True when this thread is the agent's snippet thread (stopped now if it runs snippet code). */
    private static boolean stopInSnippet(VirtualMachine machine, ThreadReference thread)
            throws IncompatibleThreadStateException, ClassNotLoadedException, InvalidTypeException {
        for (StackFrame frame : thread.frames()) {
            String method = frame.location().method().name();
            if (!AGENT_CLASS.equals(frame.location().declaringType().name())
                    || !(method.equals("invoke") || method.equals("varValue"))) {
                continue;
            }
            ObjectReference agent = frame.thisObject();
            Field inClientCode = agent.referenceType().fieldByName("inClientCode");
            Field expectingStop = agent.referenceType().fieldByName("expectingStop");
            Field stopException = agent.referenceType().fieldByName("stopException");
            if (((BooleanValue) agent.getValue(inClientCode)).value()) {
                agent.setValue(expectingStop, machine.mirrorOf(true));
                ObjectReference stop = (ObjectReference) agent.getValue(stopException);
                machine.resume();
                thread.stop(stop);
                agent.setValue(expectingStop, machine.mirrorOf(false));
            }
            return true;
        }
        return false;
    }

    @Override protected synchronized VirtualMachine vm() throws EngineTerminationException {
        if (vm == null) throw new EngineTerminationException("the execution JVM has ended");
        return vm;
    }

    @Override public void close() {
        super.close();
        disposeVM();
    }

    private synchronized void disposeVM() {
        try {
            if (vm != null) vm.dispose();
        } catch (VMDisconnectedException alreadyGone) {
            // nothing left to release
        } finally {
            vm = null;
            if (process != null) process.destroy();
            process = null;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
