package dev.nnsh.nn;

import java.io.PrintStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import dev.nnsh.tensor.Tensor;

/**
 * A one-line progress indicator on stderr for a long real pass: {@code layer 12 of 57 · layer3.0.conv2
 * (Conv2d) · 3.4 s}, rewritten in place, shown once the pass has run for a second (at the next layer
 * boundary), erased when it ends. Only on a terminal: nothing in captured output, notebooks or scripts
 * piped to a file. {@code -Dnnsh.progress=on|off} overrides the terminal test and
 * {@code -Dnnsh.progress.afterMillis=N} the one-second delay.
 */
public final class ProgressLine implements CallObserver {
    private static final long REPAINT_NANOS = 100_000_000L;

    private final Module network;
    private final CallObserver inner;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private final long delayNanos;
    private final Map<Module, String> paths = new IdentityHashMap<>();
    private final Set<Module> leaves = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Module> done = Collections.newSetFromMap(new IdentityHashMap<>());
    private long lastPaint;
    private boolean painted;

    private ProgressLine(Module network, CallObserver inner, PrintStream err, long delayMillis) {
        this.network = network;
        this.inner = inner;
        this.err = err;
        this.delayNanos = delayMillis * 1_000_000L;
    }

    /** The paths and leaves, found once the line is first due: most passes end before and never pay for it. */
    private void learnTree() {
        if (!paths.isEmpty()) return;
        for (Map.Entry<String, Module> e : network.namedModules().entrySet()) {
            paths.putIfAbsent(e.getValue(), e.getKey());
            if (e.getValue().namedChildren().isEmpty()) leaves.add(e.getValue());
        }
    }

    /** For the outermost {@code apply} of a real pass when no observer is installed; null when no line would show. */
    static CallObserver forOutermostCall(Module network, Tensor[] inputs) {
        return enabled() && isReal(inputs) ? new ProgressLine(network, null, System.err, delayMillis()) : null;
    }

    /** {@code observer}, or it with a progress line beside it when the pass is real and stderr is a terminal. */
    public static CallObserver alongside(CallObserver observer, Module network, Tensor[] inputs) {
        return enabled() && isReal(inputs) ? new ProgressLine(network, observer, System.err, delayMillis()) : observer;
    }

    private static boolean enabled() {
        String setting = System.getProperty("nnsh.progress", "auto");
        if (setting.equals("on")) return true;
        if (setting.equals("off")) return false;
        return System.console() != null;
    }

    private static long delayMillis() { return Long.getLong("nnsh.progress.afterMillis", 1000L); }

    private static boolean isReal(Tensor[] inputs) {
        return inputs != null && inputs.length > 0 && inputs[0] != null && !inputs[0].isShapeOnly();
    }

    /** issue 11 (conv): the line itself does not need every call; an observer beside it may. */
    @Override public boolean seesEveryCall() { return inner != null && inner.seesEveryCall(); }
    @Override public boolean keepsTensors() { return inner != null && inner.keepsTensors(); } // issue 11 (mem)

    @Override public void before(Module module, Tensor[] inputs) {
        if (inner != null) inner.before(module, inputs);
        paint(module);
    }

    @Override public void after(Module module, Tensor[] inputs, Tensor output) {
        if (inner != null) inner.after(module, inputs, output);
        done.add(module);
        if (module == network) erase();
    }

    @Override public void failed(Module module, Tensor[] inputs, RuntimeException error) {
        if (inner != null) inner.failed(module, inputs, error);
        if (module == network) erase();
    }

    private void paint(Module running) {
        long now = System.nanoTime();
        if (now - start < delayNanos || (painted && now - lastPaint < Math.min(REPAINT_NANOS, delayNanos))) return;
        learnTree();
        if (!leaves.contains(running)) return;
        int finished = 0;
        for (Module leaf : leaves) if (done.contains(leaf)) finished++;
        String path = paths.getOrDefault(running, running.typeName());
        err.printf("\r\033[Klayer %d of %d · %s (%s) · %.1f s", Math.min(finished + 1, leaves.size()), leaves.size(),
                path.isEmpty() ? running.typeName() : path, running.typeName(), (now - start) / 1e9);
        err.flush();
        painted = true;
        lastPaint = now;
    }

    private void erase() {
        if (!painted) return;
        err.print("\033[2K\r"); // erase, then back to the line start: the next output needs no new line
        err.flush();
        painted = false;
    }
}
