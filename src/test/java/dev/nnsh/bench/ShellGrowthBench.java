package dev.nnsh.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

import dev.nnsh.shell.NoDelayExecutionControlProvider;
import dev.nnsh.shell.Preload;

/**
 * How a cell's cost grows with the session, on the shell's own setup (the no-delay separate-JVM
 * engine, -proc:none, nnsh's preloaded imports): after 0, 500, 1,500 … declared snippets, the median
 * time of a trivial cell ({@code eval("1 + i")}: javac in this JVM plus the engine's round trips) and
 * of a completion ({@code completionSuggestions} for "Tensor.ze" and "Conv"). Not a test:
 * java -cp … dev.nnsh.bench.ShellGrowthBench [marks=0,500,1500] [samples=9] [warm-up cells=20]; prints one GROWTH line per mark.
 */
public final class ShellGrowthBench {
    private ShellGrowthBench() {}

    public static void main(String[] args) {
        int[] marks = Arrays.stream((args.length > 0 ? args[0] : "0,500,1500").split(",")).mapToInt(Integer::parseInt).toArray();
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        JShell shell = JShell.builder().out(quiet).err(quiet).in(InputStream.nullInputStream())
                .compilerOptions("-proc:none")
                .remoteVMOptions("--class-path", System.getProperty("java.class.path"))
                .executionEngine(new NoDelayExecutionControlProvider(), null).build();
        for (String imp : Preload.IMPORTS) shell.eval(imp);
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        for (int i = 0; i < warmUp; i++) { // javac and completion warm-up, as a session's first cells
            shell.eval("1 + " + i);
            analysis.completionSuggestions("Tensor.ze", 9, new int[1]);
        }
        int declared = 0;
        for (int mark : marks) {
            long start = System.nanoTime();
            int added = mark - declared;
            while (declared < mark) {
                shell.eval("int p" + declared + " = " + declared + ";");
                declared++;
            }
            double perDeclaration = added > 0 ? (System.nanoTime() - start) / 1e6 / added : 0;
            long[] cell = new long[samples], member = new long[samples], name = new long[samples];
            for (int i = 0; i < samples; i++) {
                cell[i] = CellRoundTripBench.time(shell, i);
                member[i] = timeCompletion(analysis, "Tensor.ze", "zeros(");
                name[i] = timeCompletion(analysis, "Conv", "Conv2d");
            }
            System.out.printf("GROWTH %d snippets: cell %.1f ms, completion Tensor.ze %.1f ms, Conv %.1f ms, declarations before %.1f ms each%n",
                    mark, median(cell), median(member), median(name), perDeclaration);
        }
        shell.close();
    }

    private static long timeCompletion(SourceCodeAnalysis analysis, String code, String expected) {
        long start = System.nanoTime();
        List<SourceCodeAnalysis.Suggestion> s = analysis.completionSuggestions(code, code.length(), new int[1]);
        long t = System.nanoTime() - start;
        if (s.stream().noneMatch(x -> x.continuation().equals(expected))) {
            throw new IllegalStateException("no " + expected + " for " + code + ": " + s.stream().map(SourceCodeAnalysis.Suggestion::continuation).toList());
        }
        return t;
    }

    private static double median(long[] nanos) { return CellRoundTripBench.median(nanos); }
}
