package dev.nnsh.summary;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.nnsh.Nnsh;
import dev.nnsh.models.Models;
import dev.nnsh.nn.Module;
import dev.nnsh.testnets.SeedVGG11;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The exports hold what the printed table shows: CSV and Markdown cell for cell, HTML and SVG as well-formed XML with every row. */
class ExportsTest {
    private static final List<String> COLUMNS = List.of("input_size", "output_size", "num_params", "params_percent", "mult_adds", "trainable");
    private static final List<String> HEADERS = List.of("Input Shape", "Output Shape", "Param #", "Param %", "Mult-Adds", "Trainable");

    private static ModelStatistics stats(Module net, long... size) {
        return Nnsh.summary(net, Nnsh.options().inputSize(size).verbose(0).columns(COLUMNS.toArray(new String[0]))
                .rowSettings("depth", "var_names"));
    }

    private static List<ModelStatistics> samples() {
        return List.of(stats(new SeedVGG11(), 12, 1, 224, 224), stats(Models.resnet18(), 1, 3, 224, 224),
                Nnsh.summary(Models.densenet121(), Nnsh.options().inputSize(1, 3, 224, 224).verbose(0).depth(2)));
    }

    @Test void csvParsedBackMatchesTheTablesVisibleColumns() throws IOException {
        for (ModelStatistics stats : samples().subList(0, 2)) {
            PrintedTable table = new PrintedTable(stats.toString(), HEADERS, 25);
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(stats.toCsv())).getRecords();
            assertEquals(table.labels.size(), records.size());
            for (int i = 0; i < records.size(); i++) {
                CSVRecord r = records.get(i);
                assertEquals(table.labels.get(i), r.get("Layer (type (var_name):depth-idx)"), "row " + i);
                for (int c = 0; c < HEADERS.size(); c++) assertEquals(table.cells.get(i).get(c), r.get(HEADERS.get(c)), "row " + i + " " + HEADERS.get(c));
                assertEquals(String.valueOf(stats.layers().stream().filter(l -> l.path().equals(r.get("Path"))).findFirst().orElseThrow().depth()),
                        r.get("Depth"));
            }
        }
        // a count with thousands separators is quoted, as RFC 4180 needs for a field holding a comma
        assertTrue(samples().get(0).toCsv().contains("\"102,764,544\""), samples().get(0).toCsv());
    }

    @Test void markdownIsATableWithTheSameNumberOfCellsOnEveryLine() {
        List<ModelStatistics> samples = samples();
        for (int k = 0; k < samples.size(); k++) {
            ModelStatistics stats = samples.get(k);
            String md = stats.toMarkdown();
            String[] blocks = md.split("\n\n");
            assertEquals(2, blocks.length, md);
            for (String block : blocks) {
                String[] lines = block.strip().split("\n");
                int cells = cells(lines[0]);
                assertTrue(lines[1].matches("\\|( :?-{3,}:? \\|)+"), lines[1]);
                for (String line : lines) assertEquals(cells, cells(line), line);
            }
            PrintedTable table = new PrintedTable(stats.toString(), k == 2 ? List.of("Output Shape", "Param #")
                    : HEADERS, 25);
            assertEquals(table.labels.size() + 2, blocks[0].split("\n").length);
        }
    }

    /** Cells of a Markdown table line: its unescaped pipes, less one. */
    private static int cells(String line) {
        int pipes = 0;
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) pipes++;
        return pipes - 1;
    }

    @Test void htmlIsWellFormedAndHasEveryRowFiguresAndTotals() throws Exception {
        for (ModelStatistics stats : samples().subList(0, 2)) {
            PrintedTable table = new PrintedTable(stats.toString(), HEADERS, 25);
            Document doc = parse(stats.toHtml());
            NodeList rows = ((Element) doc.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
            assertEquals(table.labels.size(), rows.getLength());
            for (int i = 0; i < rows.getLength(); i++) {
                NodeList tds = ((Element) rows.item(i)).getElementsByTagName("td");
                assertEquals(table.labels.get(i), tds.item(0).getTextContent(), "row " + i);
                for (int c = 0; c < HEADERS.size(); c++) assertEquals(table.cells.get(i).get(c), tds.item(c + 1).getTextContent());
            }
            String foot = doc.getElementsByTagName("tfoot").item(0).getTextContent();
            assertTrue(foot.contains(String.format("%,d", stats.totalParams())), foot);
            assertFalse(stats.toHtml().contains("<link") || stats.toHtml().contains("src="), "no external assets");
        }
        // the page saved to a file parses too
        parse(HtmlRenderer.page(samples().get(1), "resnet18"));
    }

    @Test void svgIsWellFormedAndNamesEveryVisibleRow() throws Exception {
        var options = Nnsh.options().inputSize(1, 3, 224, 224).depth(2);
        Diagram diagram = Nnsh.diagram(Models.resnet18(), options);
        Document doc = parse(diagram.toSvg());
        List<String> titles = new ArrayList<>();
        NodeList t = doc.getElementsByTagName("title");
        for (int i = 0; i < t.getLength(); i++) titles.add(t.item(i).getTextContent());
        ModelStatistics stats = Nnsh.summary(Models.resnet18(), Nnsh.options().inputSize(1, 3, 224, 224).depth(2).verbose(0));
        PrintedTable table = new PrintedTable(stats.toString(), List.of("Output Shape", "Param #"), 25);
        assertEquals(1 + 4 + 4 + 8 + 2, table.labels.size());
        for (String label : table.labels) assertTrue(titles.contains(label), label + " not in " + titles);
    }

    @Test void latexEscapesItsSpecialCharacters() {
        String tex = samples().get(0).toLatex();
        assertTrue(tex.contains("MaxPool2d (max\\_pool\\_1): 1-2"), tex);
        assertTrue(tex.contains("\\begin{tabular}") && tex.contains("\\end{tabular}"), tex);
        assertEquals(tex.lines().filter(l -> l.endsWith("\\\\")).count(), 1 + 17 + 8, tex);
    }

    @Test void saveChoosesTheRenderingByExtensionAndRefusesUnknownOnes(@TempDir Path dir) throws IOException {
        ModelStatistics stats = samples().get(0);
        assertEquals(stats.toMarkdown(), Files.readString(stats.save(dir.resolve("a.md"))));
        assertEquals(stats.toCsv(), Files.readString(stats.save(dir.resolve("a.csv"))));
        assertEquals(stats.toJson(), Files.readString(stats.save(dir.resolve("a.json"))));
        assertEquals(stats.toLatex(), Files.readString(stats.save(dir.resolve("a.tex"))));
        assertEquals(stats + "\n", Files.readString(stats.save(dir.resolve("a.txt"))));
        assertTrue(Files.readString(stats.save(dir.resolve("a.html"))).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(stats.save(dir.resolve("sub/a.svg"))).startsWith("<svg"));
        var e = assertThrows(IllegalArgumentException.class, () -> stats.save(dir.resolve("a.xlsx")));
        assertTrue(e.getMessage().contains("\".xlsx\"") && e.getMessage().contains(".md .csv .json"), e.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> stats.save(dir.resolve("table")));
        assertTrue(none.getMessage().contains("(none)"), none.getMessage());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
