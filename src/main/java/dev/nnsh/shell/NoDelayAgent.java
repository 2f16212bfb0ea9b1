package dev.nnsh.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The main class of the execution JVM started by {@link NoDelayExecutionControlProvider}: JShell's
 * own remote agent ({@link RemoteExecutionControl}), reached over a command socket with Nagle's
 * algorithm off. JShell's agent leaves it on, and each command's small reply then waits for the
 * shell's delayed ACK (about 40-90 ms per command, several commands per cell).
 */
public final class NoDelayAgent {
    private NoDelayAgent() {}

    public static void main(String[] args) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        socket.setTcpNoDelay(true);
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                "out", stream -> System.setOut(new PrintStream(stream, true)),
                "err", stream -> System.setErr(new PrintStream(stream, true)));
        Map<String, Consumer<InputStream>> inputs = Map.of("in", in -> System.setIn(ForwardedInput.reader(in)));
        Util.forwardExecutionControlAndIO(new RemoteExecutionControl(), socket.getInputStream(),
                socket.getOutputStream(), outputs, inputs);
    }
}
