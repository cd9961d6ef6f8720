package io.xxgk.dashboard.report;

import io.xxgk.dashboard.documents.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as one CSV file of sections (summary, channels, the 清单事项公开情况表, departments, the
 * paragraph), UTF-8 with a byte-order mark so that Excel opens the Chinese text as such.
 */
final class ReportCsv {

    private static final String BOM = "\uFEFF";

    private ReportCsv() {
    }

    static byte[] of(AnnualReport r) {
        ReportTables tables = ReportTables.of(r);
        StringBuilder out = new StringBuilder(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL)) {
            csv.printRecord("统计期", r.period().span().label(), r.period().span().from(), r.period().span().to());
            for (Table table : List.of(tables.summary(), tables.channels(), tables.checklist(), tables.departments())) {
                csv.println();
                csv.printRecord(table.title());
                csv.printRecord(table.header());
                for (List<Object> row : table.rows()) {
                    // for a machine: ISO dates, blank where a figure does not apply
                    csv.printRecord(row.stream().map(c -> c == null ? "" : c).toList());
                }
            }
            csv.println();
            csv.printRecord("报告文字");
            for (String line : r.text().split("\n")) {
                csv.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
