package dev.nnsh.summary;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@link ModelStatistics#toCsv()}: a header, then one RFC 4180 record per visible row with its dotted path,
 * depth, the layer's name cell (without the tree prefix) and the visible columns exactly as the table shows them.
 */
final class CsvRenderer {
    private CsvRenderer() {}

    static final String PATH = "Path";
    static final String DEPTH = "Depth";

    static String render(ModelStatistics stats) {
        TableFormat format = stats.format();
        List<String> header = new ArrayList<>(List.of(PATH, DEPTH, VisibleRows.nameHeader(format)));
        for (Column c : format.columns()) header.add(c.header());
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (VisibleRows.Row row : VisibleRows.of(stats)) {
                List<String> record = new ArrayList<>();
                record.add(row.info().path());
                record.add(String.valueOf(row.info().depth()));
                record.add(row.label());
                for (Column c : format.columns()) record.add(row.cell(c).strip());
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
