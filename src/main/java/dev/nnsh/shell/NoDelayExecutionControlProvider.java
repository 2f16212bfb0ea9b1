package dev.nnsh.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jdk.jshell.execution.JdiInitiator;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's separate-JVM engine rebuilt from its public parts, with TCP_NODELAY on both ends of the
 * command socket: the execution JVM is launched under JDI ({@link JdiInitiator}) running
 * {@link NoDelayAgent}, commands and snippet output travel over one loopback socket, JDI stops
 * running snippets ({@link NoDelayExecutionControl#stop}) and reports the JVM's death (the
 * session then restarts the engine). Use with {@code JShell.builder().executionEngine(provider, null)}.
 */
public final class NoDelayExecutionControlProvider implements ExecutionControlProvider {
    private static final int LAUNCH_TIMEOUT_MS = 60_000;
    private final ExecutionJvm executionJvm; // issue 11 (shell): for Ctrl-C twice

    public NoDelayExecutionControlProvider() {
        this(new ExecutionJvm());
    }

    NoDelayExecutionControlProvider(ExecutionJvm executionJvm) {
        this.executionJvm = executionJvm;
    }

    @Override public String name() {
        return "nnsh-nodelay";
    }

    @Override public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(LAUNCH_TIMEOUT_MS);
            JdiInitiator jdi = new JdiInitiator(listener.getLocalPort(), env.extraRemoteVMOptions(),
                    NoDelayAgent.class.getName(), true, null, LAUNCH_TIMEOUT_MS, Map.of());
            // JDI's event loop also resumes the launched JVM, which starts suspended: start it before accepting
            CompletableFuture<NoDelayExecutionControl> control = new CompletableFuture<>();
            executionJvm.launched(jdi.process());
            Util.detectJdiExitEvent(jdi.vm(), why -> control.thenAccept(NoDelayExecutionControl::executionJvmDied));
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            OutputStream toAgent = socket.getOutputStream(); // before the input stream, as the agent does
            InputStream fromAgent = socket.getInputStream();
            Map<String, OutputStream> outputs = Map.of("out", env.userOut(), "err", env.userErr());
            Map<String, InputStream> inputs = Map.of("in", env.userIn());
            return Util.remoteInputOutput(fromAgent, toAgent, outputs, inputs,
                    (in, out) -> {
                        NoDelayExecutionControl c = new NoDelayExecutionControl(env, out, in, jdi.vm(), jdi.process(), socket);
                        control.complete(c);
                        return c;
                    });
        }
    }
}
