package dev.nnsh.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jupyter's own Python clients (Debian's jupyter-client, jupyter_kernel_test, nbclient) run against
 * the nnsh kernel, installed once per test JVM into a temporary prefix with the test classpath.
 */
final class Jupyter {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path SCRIPTS = ROOT.resolve("src/test/python");
    static final String PYTHON = "/usr/bin/python3";

    record Run(int status, String output) {
        /** The counts from unittest_summary's last line. */
        Map<String, Integer> counts() {
            Matcher m = Pattern.compile("RESULT ran=(\\d+) failures=(\\d+) errors=(\\d+) skipped=(\\d+)").matcher(output);
            if (!m.find()) throw new AssertionError("no RESULT line; the output was:\n" + output);
            return Map.of("ran", Integer.parseInt(m.group(1)), "failures", Integer.parseInt(m.group(2)),
                    "errors", Integer.parseInt(m.group(3)), "skipped", Integer.parseInt(m.group(4)));
        }
    }

    private static Path prefix;

    private Jupyter() {}

    static String classpath() {
        String cp = System.getProperty("java.class.path");
        if (!cp.contains("target" + File.separator + "classes")) throw new IllegalStateException("no target/classes in " + cp);
        return cp;
    }

    /** The prefix holding share/jupyter/kernels/nnsh, installed through scripts/nnsh on first use. */
    static synchronized Path installed() throws IOException, InterruptedException {
        if (prefix == null) {
            Path dir = Files.createTempDirectory("nnsh-jupyter");
            Run r = run(List.of(ROOT.resolve("scripts/nnsh").toString(), "kernel", "install", "--prefix", dir.toString()),
                    Map.of(), 120);
            if (r.status() != 0) throw new AssertionError("kernel install failed:\n" + r.output());
            prefix = dir;
        }
        return prefix;
    }

    /** Runs one of src/test/python's scripts with JUPYTER_PATH at the installed kernel. */
    static Run python(String script, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        return run(command, Map.of("JUPYTER_PATH", installed().resolve("share/jupyter").toString()), timeoutSeconds);
    }

    static Run run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(command, env, "", timeoutSeconds);
    }

    /** Runs {@code command} with {@code stdin} as its whole input (closed after it). */
    static Run run(List<String> command, Map<String, String> env, String stdin, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true);
        pb.environment().put("NNSH_CLASSPATH", classpath());
        pb.environment().remove("PYTHONPATH");
        pb.environment().putAll(env);
        Path log = Files.createTempFile("nnsh-jupyter", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (!ended) throw new AssertionError(command + " did not end within " + timeoutSeconds + " s:\n" + output);
        return new Run(p.exitValue(), output);
    }
}
