package dev.nnsh.shell;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.jshell.SnippetEvent;

/**
 * issue 11 (shell): a trivial cell ({@code 1 + i}) and a member completion on the shell's engine
 * after 0, 500, 1,500 … declared variables, with the hidden variables' wrapper class files listed to
 * javac (off) and hidden (on, {@link WrapperClassFiles}), alternating passes in one JVM. Wall time
 * and this thread's CPU time (javac runs here; the engine JVM's round trips are wall only).
 * Not a test: java --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED -cp … dev.nnsh.shell.ClassListingAbBench [marks=0,500,1500] [passes=4] [cells=9]
 */
public final class ClassListingAbBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClassListingAbBench() {}

    public static void main(String[] args) {
        int[] marks = Arrays.stream((args.length > 0 ? args[0] : "0,500,1500").split(",")).mapToInt(Integer::parseInt).toArray();
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int cells = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        if (!JShellInternals.available()) throw new IllegalStateException("run with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (Engine e = new Engine(true, System.getProperty("java.class.path"), quiet, () -> {})) {
            e.eval("String str0 = \"x\";", 1);
            int declared = 0, cell = 2;
            for (int i = 0; i < 40; i++) cell(e, i, cell++); // javac warm-up
            for (int mark : marks) {
                while (declared < mark) {
                    int n = Math.min(64, mark - declared);
                    List<String> src = new ArrayList<>();
                    for (int i = 0; i < n; i++) src.add("int p" + (declared + i) + " = " + (declared + i) + ";");
                    BatchCompile b = BatchCompile.compile(e.jshell(), src);
                    if (b == null || b.size() != n) throw new IllegalStateException("batch");
                    for (int i = 0; i < n; i++) b.runNext();
                    declared += n;
                }
                List<Long> wall0 = new ArrayList<>(), cpu0 = new ArrayList<>(), wall1 = new ArrayList<>(), cpu1 = new ArrayList<>();
                List<Long> tab0 = new ArrayList<>(), tab1 = new ArrayList<>();
                for (int p = 0; p < 2 * passes; p++) {
                    boolean on = p % 2 == 1;
                    WrapperClassFiles.active = on;
                    for (int i = 0; i < cells; i++) {
                        long w = System.nanoTime(), c = THREADS.getCurrentThreadCpuTime();
                        cell(e, i, cell++);
                        (on ? cpu1 : cpu0).add(THREADS.getCurrentThreadCpuTime() - c);
                        (on ? wall1 : wall0).add(System.nanoTime() - w);
                        long t = System.nanoTime();
                        try (ImportFilter f = ImportFilter.forMemberCompletion(e.analysis(), "str0.subs")) {
                            if (e.analysis().completionSuggestions("str0.subs", 9, new int[1]).isEmpty()) throw new IllegalStateException("no completion");
                        }
                        (on ? tab1 : tab0).add(System.nanoTime() - t);
                    }
                }
                WrapperClassFiles.active = true;
                System.out.printf("LISTING after %d snippets: cell wall %.2f -> %.2f ms (%.3f), javac thread CPU %.2f -> %.2f ms (%.3f); Tab str0.subs %.2f -> %.2f ms (%.3f) (load %s)%n",
                        declared, ms(wall0), ms(wall1), ms(wall1) / ms(wall0), ms(cpu0), ms(cpu1), ms(cpu1) / ms(cpu0),
                        ms(tab0), ms(tab1), ms(tab1) / ms(tab0), load());
            }
        }
    }

    private static void cell(Engine e, int i, int cell) {
        List<SnippetEvent> ev = e.eval("1 + " + i, cell);
        if (ev.isEmpty() || !String.valueOf(1 + i).equals(ev.get(0).value())) throw new IllegalStateException("1 + " + i + ": " + ev);
    }

    private static double ms(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return a[a.length / 2] / 1e6;
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException ex) {
            return "?";
        }
    }
}
