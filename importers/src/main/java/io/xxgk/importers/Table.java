package io.xxgk.importers;

import io.xxgk.client.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** A CSV file (UTF-8, with or without BOM) or the first sheet of an XLSX, as rows of text with their line numbers. */
record Table(List<String> header, List<Line> lines) {

    record Line(long number, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** One event from a row; {@link IllegalArgumentException} says what is wrong with it. */
    interface RowReader {
        Event read(List<String> cells, Map<String, Integer> columns);
    }

    /**
     * Each non-blank row of the file as an event, or as a problem naming its line; a header without
     * the {@code required} columns is one problem on line 1.
     */
    static FileImport importRows(Path file, Map<String, List<String>> names, List<String> required, RowReader reader) throws IOException {
        String name = file.getFileName().toString();
        Table table = read(file);
        Map<String, Integer> columns;
        try {
            columns = Rows.columns(table.header(), names, required);
        } catch (IllegalArgumentException e) {
            return new FileImport(name, 0, List.of(), List.of(new Problem(name, 1, e.getMessage())));
        }
        List<Event> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        long rows = 0;
        for (Line line : table.lines()) {
            if (line.blank()) {
                continue;
            }
            rows++;
            try {
                events.add(reader.read(line.cells(), columns));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(name, line.number(), e.getMessage()));
            }
        }
        return new FileImport(name, rows, events, problems);
    }

    static Table read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xls") ? xlsx(file) : csv(file);
    }

    private static Table csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Line> lines = new ArrayList<>();
            List<String> header = null;
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false).get().parse(reader)) {
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells;
                } else {
                    lines.add(new Line(record.getRecordNumber(), cells));
                }
            }
            return new Table(header == null ? List.of() : header, lines);
        }
    }

    /** Dates typed as dates come back as yyyy-MM-dd; numbers as Excel shows them. */
    private static Table xlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<Line> lines = new ArrayList<>();
            List<String> header = null;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : text(cell, formatter));
                }
                if (header == null) {
                    header = cells;
                } else {
                    lines.add(new Line(row.getRowNum() + 1, cells));
                }
            }
            return new Table(header == null ? List.of() : header, lines);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }
}
