package dev.nnsh.shell;

import java.util.List;
import jdk.jshell.SnippetEvent;

/**
 * Evaluates a cell's snippets in order, compiling runs of consecutive variable declarations
 * together ({@link BatchCompile}) and everything else one by one, as {@link Engine#eval} does.
 * The caller asks for each snippet's events in turn and may stop early (a failure, Ctrl-C): closing
 * drops the batched declarations it never ran, so the session holds exactly the snippets that ran.
 */
final class CellBatches implements AutoCloseable {
    private final Engine engine;
    private final List<String> sources;
    private int index;
    private BatchCompile batch;
    private int batchEnd;

    CellBatches(Engine engine, List<String> sources) {
        this.engine = engine;
        this.sources = sources;
    }

    /** The events of the next snippet, whose source is {@code source} (the next of the list). */
    List<SnippetEvent> eval(String source, int cell) {
        int i = index++;
        if (!source.equals(sources.get(i))) throw new IllegalStateException("snippets out of order at " + i);
        if (batch != null && i < batchEnd) return engine.runBatched(batch);
        batch = null;
        int n = BatchCompile.candidates(sources, i);
        if (n >= 2) {
            BatchCompile b = engine.compileBatch(sources.subList(i, i + n), cell);
            if (b != null) {
                batch = b;
                batchEnd = i + b.size();
                return engine.runBatched(b);
            }
        }
        return engine.eval(source, cell);
    }

    @Override
    public void close() {
        if (batch != null && !batch.finished()) batch.abandonRest();
    }
}
