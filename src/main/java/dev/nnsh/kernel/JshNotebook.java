package dev.nnsh.kernel;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A .jsh script as a Jupyter notebook (nbformat 4.5): the comment paragraphs become Markdown cells
 * (the script's first line a heading), the code between them one code cell per lesson step. Only
 * text is moved; nothing in the script is run or interpreted.
 */
final class JshNotebook {
    private record Cell(boolean markdown, List<String> lines) {}

    private JshNotebook() {}

    static String of(String script) {
        List<Cell> cells = new ArrayList<>();
        List<List<String>> paragraphs = paragraphs(script.replace("\r\n", "\n"));
        boolean first = true;
        for (List<String> p : paragraphs) {
            int lead = 0;
            while (lead < p.size() && isComment(p.get(lead))) lead++;
            if (lead > 0) {
                List<String> text = new ArrayList<>();
                for (int i = 0; i < lead; i++) {
                    String line = uncomment(p.get(i));
                    text.add(first && i == 0 ? "# " + line : line);
                }
                Cell last = cells.isEmpty() ? null : cells.get(cells.size() - 1);
                if (last != null && last.markdown()) {
                    last.lines().add("");
                    last.lines().addAll(text);
                } else {
                    cells.add(new Cell(true, text));
                }
            }
            first = false;
            if (lead == p.size()) continue;
            List<String> code = p.subList(lead, p.size());
            Cell last = cells.isEmpty() ? null : cells.get(cells.size() - 1);
            if (lead == 0 && last != null && !last.markdown()) {
                last.lines().add("");
                last.lines().addAll(code);
            } else {
                cells.add(new Cell(false, new ArrayList<>(code)));
            }
        }
        return json(cells);
    }

    private static List<List<String>> paragraphs(String script) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : script.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) paragraphs.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line.stripTrailing());
            }
        }
        if (!current.isEmpty()) paragraphs.add(current);
        return paragraphs;
    }

    private static boolean isComment(String line) {
        return line.stripLeading().startsWith("//");
    }

    private static String uncomment(String line) {
        String s = line.stripLeading().substring(2);
        return s.startsWith(" ") ? s.substring(1) : s;
    }

    private static String json(List<Cell> cells) {
        JsonArray array = new JsonArray();
        int n = 0;
        for (Cell c : cells) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", c.markdown() ? "markdown" : "code");
            cell.addProperty("id", "cell-" + ++n);
            cell.add("metadata", new JsonObject());
            if (!c.markdown()) {
                cell.add("execution_count", null);
                cell.add("outputs", new JsonArray());
            }
            JsonArray source = new JsonArray();
            for (int i = 0; i < c.lines().size(); i++) {
                source.add(c.lines().get(i) + (i + 1 < c.lines().size() ? "\n" : ""));
            }
            cell.add("source", source);
            array.add(cell);
        }
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("display_name", "Java (nnsh)");
        kernelspec.addProperty("language", "java");
        kernelspec.addProperty("name", KernelSpecs.NAME);
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("file_extension", ".jsh");
        language.addProperty("mimetype", "text/x-java-source");
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", kernelspec);
        metadata.add("language_info", language);
        JsonObject notebook = new JsonObject();
        notebook.add("cells", array);
        notebook.add("metadata", metadata);
        notebook.addProperty("nbformat", 4);
        notebook.addProperty("nbformat_minor", 5);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(notebook) + "\n";
    }
}
