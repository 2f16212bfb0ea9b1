package dev.nnsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** JShell on the no-delay engine directly: values, output, stopping a loop, and the execution JVM's death. */
class NoDelayEngineTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private JShell start() {
        PrintStream out = new PrintStream(printed, true);
        return JShell.builder().out(out).err(out).in(InputStream.nullInputStream())
                .remoteVMOptions("--class-path", Launcher.classpath())
                .executionEngine(new NoDelayExecutionControlProvider(), null).build();
    }

    @Test
    void valuesAndPrintedOutputComeBack() {
        try (JShell shell = start()) {
            assertEquals("42", shell.eval("6 * 7").get(0).value());
            shell.eval("System.out.println(\"from the execution JVM\");");
            assertTrue(printed.toString().contains("from the execution JVM"), printed.toString());
            String pid = shell.eval("ProcessHandle.current().pid()").get(0).value();
            assertTrue(Long.parseLong(pid) != ProcessHandle.current().pid(), "snippets must run in another JVM");
        }
    }

    @Test
    void stopEndsARunningLoopAndTheEngineLivesOn() throws Exception {
        try (JShell shell = start()) {
            shell.eval("volatile boolean forever = true;");
            AtomicReference<List<SnippetEvent>> result = new AtomicReference<>();
            Thread running = new Thread(() -> result.set(shell.eval("while (forever) { Thread.onSpinWait(); }")));
            running.setDaemon(true);
            running.start();
            for (int tries = 0; running.isAlive() && tries < 300; tries++) {
                shell.stop();
                running.join(100);
            }
            assertFalse(running.isAlive(), "stop() did not end the loop");
            assertNotNull(result.get(), "the stopped eval returns");
            assertEquals("true", shell.eval("forever").get(0).value(), "the loop ended by the stop, not by itself");
            assertEquals("3", shell.eval("1 + 2").get(0).value());
        }
    }

    @Test
    void theExecutionJvmsDeathShutsTheShellDown() throws Exception {
        try (JShell shell = start()) {
            CountDownLatch down = new CountDownLatch(1);
            shell.onShutdown(s -> down.countDown());
            shell.eval("System.exit(3);");
            assertTrue(down.await(30, TimeUnit.SECONDS), "onShutdown never fired");
        }
    }
}
