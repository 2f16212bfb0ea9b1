package dev.nnsh.summary;

import java.util.List;

/**
 * The result of a summary as data: one {@link LayerInfo} per row and the totals; {@link #toString()}
 * is the torchinfo table.
 */
public final class ModelStatistics {
    private final List<LayerInfo> layers;
    private final TableFormat format;
    private final long totalParams;
    private final long trainableParams;
    private final long totalMultAdds;
    private final long inputBytes;
    private final long forwardBackwardBytes;
    private final long paramBytes;
    private String table;

    ModelStatistics(List<LayerInfo> layers, TableFormat format, long totalParams, long trainableParams, long paramBytes,
                    long inputBytes) {
        this.layers = List.copyOf(layers);
        this.format = format;
        this.totalParams = totalParams;
        this.trainableParams = trainableParams;
        this.paramBytes = paramBytes;
        this.inputBytes = inputBytes;
        long macs = 0, outputBytes = 0;
        for (LayerInfo row : layers) {
            if (!row.isLeaf()) continue;
            macs += row.multAdds();
            if (row.numParams() > 0) outputBytes += 2 * row.outputBytes(); // activations and their gradients
        }
        this.totalMultAdds = macs;
        this.forwardBackwardBytes = outputBytes;
    }

    /** Every parameter of the network once, never-called modules included. */
    public long totalParams() { return totalParams; }

    public long trainableParams() { return trainableParams; }

    public long nonTrainableParams() { return totalParams - trainableParams; }

    /** Sum of the leaf rows' mult-adds, repeated calls included. */
    public long totalMultAdds() { return totalMultAdds; }

    /** Bytes of the input tensors (torchinfo adds 56 bytes of Python object overhead per tensor; nnsh does not). */
    public long inputBytes() { return inputBytes; }

    /** Twice the output bytes of the leaf rows that have parameters (activations and gradients). */
    public long forwardBackwardBytes() { return forwardBackwardBytes; }

    public long paramBytes() { return paramBytes; }

    public long totalBytes() { return inputBytes + forwardBackwardBytes + paramBytes; }

    /** One entry per row, hidden rows (deeper than the depth limit) included. */
    public List<LayerInfo> layers() { return layers; }

    /** Whether a forward pass was run (the footer then shows mult-adds and sizes). */
    public boolean hasForwardPass() { return format.hasInput(); }

    @Override public String toString() {
        if (table == null) table = new TableRenderer(format).render(this);
        return table;
    }

    // --- issue 13: exports ---

    TableFormat format() { return format; }

    /** A GitHub-flavoured Markdown table of the visible rows, then the totals. */
    public String toMarkdown() { return MarkdownRenderer.render(this); }

    /** One RFC 4180 line per visible row: path, depth, layer and the visible columns as the table shows them. */
    public String toCsv() { return CsvRenderer.render(this); }

    /** Every row (hidden ones too) with its figures as numbers, the totals and the options used. */
    public String toJson() { return JsonRenderer.render(this); }

    /** A self-contained styled HTML table (what a notebook shows). */
    public String toHtml() { return HtmlRenderer.render(this); }

    /** A LaTeX tabular (booktabs) of the visible rows and the totals. */
    public String toLatex() { return LatexRenderer.render(this); }

    /** Writes the rendering the extension names: .md .csv .json .html .tex .txt .svg; returns the path. */
    public java.nio.file.Path save(java.nio.file.Path file) { return StatisticsFiles.save(this, file); }

    public java.nio.file.Path save(String file) { return save(java.nio.file.Path.of(file)); }
}
