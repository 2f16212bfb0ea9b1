package dev.nnsh.shell;

import dev.nnsh.nn.Linear;
import dev.nnsh.tensor.Tensor;
import java.util.List;

/**
 * issue 11 (shell): the training run for the execution JVM's class-data archive ({@link
 * EngineClassData}), run by scripts/nnsh with the engine's classpath: loads what an engine loads in
 * its first seconds (JShell's remote agent, ND4J and its native backend, the API of a first cell).
 * The engine itself cannot write the archive: it runs under a JDWP agent, with which the JVM does
 * not start when asked to archive at exit. Classes it misses load as usual.
 */
final class EngineCdsTraining {
    private EngineCdsTraining() {}

    static void run() {
        for (String c : List.of("jdk.jshell.execution.RemoteExecutionControl", "jdk.jshell.execution.Util",
                "jdk.jshell.execution.DirectExecutionControl", "jdk.jshell.execution.DefaultLoaderDelegate",
                "jdk.jshell.spi.ExecutionControl$ClassBytecodes", "jdk.jshell.execution.RemoteCodes")) {
            try {
                Class.forName(c);
            } catch (ClassNotFoundException e) {
                // another JDK's jdk.jshell: that class is not archived
            }
        }
        NoDelayAgent.class.getName();
        ForwardedInput.class.getName();
        org.nd4j.linalg.factory.Nd4j.zeros(1); // Preload.WARM_UP's work
        Tensor.zeros(2, 3).shape();
        new Linear(4, 2).apply(Tensor.zeros(3, 4)).relu().shape();
    }
}
