package dev.nnsh.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@link ModelStatistics#save(Path)}: the rendering is chosen by the file's extension. */
final class StatisticsFiles {
    private StatisticsFiles() {}

    static final String EXTENSIONS = ".md .csv .json .html .tex .txt .svg";

    static Path save(ModelStatistics stats, Path file) {
        if (file == null) throw new IllegalArgumentException("save: the path is null");
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        String text = switch (extension) {
            case ".md" -> stats.toMarkdown();
            case ".csv" -> stats.toCsv();
            case ".json" -> stats.toJson();
            case ".html", ".htm" -> HtmlRenderer.page(stats, "nnsh summary");
            case ".tex" -> stats.toLatex();
            case ".txt" -> stats + "\n";
            case ".svg" -> Diagram.of(stats).toSvg();
            default -> throw new IllegalArgumentException("save(\"" + file + "\"): unknown extension "
                    + (extension.isEmpty() ? "(none)" : "\"" + extension + "\"") + "; use one of " + EXTENSIONS);
        };
        return write(file, text);
    }

    static Path write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("save: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
