package dev.nnsh.shell;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SnippetEvent;

/**
 * Per-declaration cost of a pasted run of {@code int pN = N;}, one eval each against compiled in
 * batches ({@link BatchCompile}), on the shell's engine, at two session sizes. Not a test:
 * java --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED -cp … dev.nnsh.shell.PasteBatchBench [lines=300] [before=1500] [batch=64]
 */
public final class PasteBatchBench {
    private PasteBatchBench() {}

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int before = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        if (!JShellInternals.available()) throw new IllegalStateException("run with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (Engine e = new Engine(true, System.getProperty("java.class.path"), quiet, () -> {})) {
            int[] next = {0};
            for (int i = 0; i < 30; i++) one(e, next); // javac warm-up
            e.eval("String str0 = \"x\";", 1);
            batched(e, next, 128, size);
            for (int mark : new int[] {0, before}) {
                while (next[0] < mark) batched(e, next, Math.min(size, mark - next[0]), size);
                int at = next[0];
                ImportFilter.active = false;
                long t0 = System.nanoTime();
                for (int i = 0; i < lines; i++) one(e, next);
                double seq = (System.nanoTime() - t0) / 1e6 / lines;
                ImportFilter.active = true;
                long tf = System.nanoTime();
                for (int i = 0; i < lines; i++) one(e, next);
                double filtered = (System.nanoTime() - tf) / 1e6 / lines;
                double cell0 = cells(e, false), cell1 = cells(e, true);
                double tab0 = completion(e, false), tab1 = completion(e, true);
                long t1 = System.nanoTime();
                for (int done = 0; done < lines; done += size) batched(e, next, Math.min(size, lines - done), size);
                double bat = (System.nanoTime() - t1) / 1e6 / lines;
                System.out.printf("PASTE after %d snippets: one eval per declaration %.1f ms, with filtered imports %.1f ms (%.3f), batches of %d %.1f ms (%.3f); cell 1 + i %.1f ms, filtered %.1f ms (%.3f); Tab str0.subs %.1f ms, filtered %.1f ms (%.3f) (load %s)%n",
                        at, seq, filtered, filtered / seq, size, bat, bat / seq, cell0, cell1, cell1 / cell0,
                        tab0, tab1, tab1 / tab0, load());
            }
        }
    }

    private static double cells(Engine e, boolean filter) {
        ImportFilter.active = filter;
        long[] t = new long[9];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            List<SnippetEvent> ev = e.eval("1 + " + i, 7);
            t[i] = System.nanoTime() - t0;
            if (ev.isEmpty() || !String.valueOf(1 + i).equals(ev.get(0).value())) throw new IllegalStateException("1 + " + i + ": " + ev);
        }
        ImportFilter.active = true;
        java.util.Arrays.sort(t);
        return t[t.length / 2] / 1e6;
    }

    private static double completion(Engine e, boolean filter) {
        ImportFilter.active = filter;
        long[] t = new long[7];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            try (ImportFilter f = ImportFilter.forMemberCompletion(e.analysis(), "str0.subs")) {
                if (e.analysis().completionSuggestions("str0.subs", 9, new int[1]).isEmpty()) throw new IllegalStateException("no completion");
            }
            t[i] = System.nanoTime() - t0;
        }
        ImportFilter.active = true;
        java.util.Arrays.sort(t);
        return t[t.length / 2] / 1e6;
    }

    private static void one(Engine e, int[] next) {
        int n = next[0]++;
        List<SnippetEvent> ev = e.eval("int p" + n + " = " + n + ";", 1);
        check(ev, n);
    }

    private static void batched(Engine e, int[] next, int count, int size) {
        List<String> src = new ArrayList<>();
        for (int i = 0; i < count; i++) src.add("int p" + (next[0] + i) + " = " + (next[0] + i) + ";");
        BatchCompile b = BatchCompile.compile(e.jshell(), src);
        if (b == null || b.size() != count) throw new IllegalStateException("batch " + (b == null ? null : b.size()));
        for (int i = 0; i < count; i++) check(b.runNext(), next[0]++);
    }

    private static void check(List<SnippetEvent> ev, int n) {
        if (ev.isEmpty() || !String.valueOf(n).equals(ev.get(0).value())) throw new IllegalStateException("p" + n + ": " + ev);
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
