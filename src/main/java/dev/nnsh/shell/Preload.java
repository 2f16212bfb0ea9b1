package dev.nnsh.shell;

import java.util.List;

/** What every engine evaluates before the user's first cell (README.md, "The API in brief"). */
public final class Preload { // issue 11 (shell): public for dev.nnsh.bench.ShellGrowthBench
    private Preload() {}

    /** The API imports. JShell has no default imports, so each one is a startup snippet. */
    public static final List<String> IMPORTS = List.of(
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.nio.file.*;",
            "import dev.nnsh.tensor.*;",
            "import dev.nnsh.nn.*;",
            "import dev.nnsh.summary.*;",
            "import dev.nnsh.models.*;",
            "import dev.nnsh.io.*;", // issue 14: Weights, Image, Transforms
            "import static dev.nnsh.Nnsh.*;",
            // x.index(all(), at(0)) and x.index(ellipsis(), to(T), to(T)), as in x[:, 0], x[..., :T, :T]
            "import static dev.nnsh.tensor.Index.*;",
            // single-type import: java.lang.Module would make a bare `Module` ambiguous
            "import dev.nnsh.nn.Module;");

    /**
     * Run first in a separate execution JVM: a terminal Ctrl-C signals the whole process group, and
     * the execution JVM must survive it (the shell stops the snippet through JShell instead).
     */
    static final String IGNORE_SIGINT =
            "{ sun.misc.Signal.handle(new sun.misc.Signal(\"INT\"), s -> {}); }";

    /**
     * Warms javac (compiling this) and loads ND4J's native kernels on a thread of the execution JVM,
     * so the user's first cell neither waits for it nor pays for it later.
     */
    static final String WARM_UP = "{ Thread nd4j = new Thread(() -> org.nd4j.linalg.factory.Nd4j.zeros(1));"
            + " nd4j.setDaemon(true); nd4j.start(); }";
}
