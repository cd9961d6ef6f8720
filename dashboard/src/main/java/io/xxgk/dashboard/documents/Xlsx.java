package io.xxgk.dashboard.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workbook as a writer attaches it: 宋体, a title row over each table, the header in bold on grey
 * and frozen, thin borders, wrapped text, each column as wide as its content, whole numbers as
 * numbers ({@code #,##0}) and dates as dates (2024年12月18日), printed on A4 fitted to the page's
 * width with the header repeated.
 */
public final class Xlsx {

    private static final String FONT = "宋体";

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle number;
    private final CellStyle date;
    private final CellStyle missing;
    private final CellStyle paragraph;

    public Xlsx() {
        title = style(font(14, true), false);
        title.setAlignment(HorizontalAlignment.CENTER);
        header = style(font(11, true), true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = style(font(11, false), true);
        number = style(font(11, false), true);
        number.setDataFormat(book.createDataFormat().getFormat("#,##0"));
        date = style(font(11, false), true);
        date.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        missing = style(font(11, false), true);
        missing.setAlignment(HorizontalAlignment.CENTER);
        paragraph = style(font(12, false), false);
        paragraph.setVerticalAlignment(VerticalAlignment.TOP);
    }

    /**
     * A sheet holding the table under a title row.
     *
     * @param lines lines above the table, under the title (统计期, 数据截至…)
     */
    public Sheet sheet(String name, Table table, boolean landscape, List<String> lines) {
        Sheet sheet = book.createSheet(name);
        int columns = table.header().size();
        titleRow(sheet, table.title(), columns);
        for (String line : lines) {
            sheet.createRow(sheet.getLastRowNum() + 1).createCell(0).setCellValue(line);
        }
        int headerRow = sheet.getLastRowNum() + 1;
        Row head = sheet.createRow(headerRow);
        for (int c = 0; c < columns; c++) {
            cell(head, c, header).setCellValue(table.header().get(c));
        }
        int[] widths = table.widths(4, 50);
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, (widths[c] + 2) * 256);
        }
        head.setHeightInPoints(height(table.header(), widths, table.mergedFirstColumn()));
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(headerRow + 1 + r);
            List<Object> values = table.rows().get(r);
            for (int c = 0; c < columns; c++) {
                value(row, c, values.get(c));
            }
            // office suites do not grow a row for wrapped text on opening: as tall as its longest cell needs
            row.setHeightInPoints(height(values, widths, table.mergedFirstColumn()));
        }
        if (table.mergedFirstColumn()) {
            mergeRuns(sheet, table, headerRow + 1);
        }
        sheet.createFreezePane(0, headerRow + 1);
        print(sheet, landscape, headerRow, columns, sheet.getLastRowNum());
        return sheet;
    }

    /** A sheet of text: each paragraph in one wrapped cell across {@code columns} columns, as tall as it needs. */
    public Sheet textSheet(String name, String heading, List<String> paragraphs) {
        int columns = 8;
        int perLine = 80;   // half-width characters across eight columns of 10
        Sheet sheet = book.createSheet(name);
        titleRow(sheet, heading, columns);
        for (String text : paragraphs) {
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            cell(row, 0, paragraph).setCellValue(text);
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, columns - 1));
            int lines = Math.max(1, (Table.displayWidth(text) + perLine - 1) / perLine);
            row.setHeightInPoints(lines * 16f + 4);
        }
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, 10 * 256);
        }
        print(sheet, false, -1, columns, sheet.getLastRowNum());
        return sheet;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            book.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void titleRow(Sheet sheet, String text, int columns) {
        Row row = sheet.createRow(0);
        row.setHeightInPoints(24);
        cell(row, 0, title).setCellValue(text);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        }
    }

    private void value(Row row, int column, Object value) {
        switch (value) {
            case Number n -> cell(row, column, number).setCellValue(n.doubleValue());
            case LocalDate d -> cell(row, column, date).setCellValue(d);
            case null -> cell(row, column, missing).setCellValue(Table.NOT_APPLICABLE);
            default -> cell(row, column, text).setCellValue(String.valueOf(value));
        }
    }

    /** Lines of 11 pt the row's longest wrapped cell takes (a merged first column spreads over its run, so it does not count). */
    private static float height(List<?> cells, int[] widths, boolean mergedFirstColumn) {
        int lines = 1;
        for (int c = mergedFirstColumn ? 1 : 0; c < cells.size(); c++) {
            lines = Math.max(lines, (Table.displayWidth(Table.text(cells.get(c))) + widths[c] - 1) / widths[c]);
        }
        return lines * 14.5f + 3;
    }

    /** Rows in a run with the same first cell share one merged cell. */
    private static void mergeRuns(Sheet sheet, Table table, int firstRow) {
        int start = 0;
        for (int r = 1; r <= table.rows().size(); r++) {
            boolean ends = r == table.rows().size() || !table.rows().get(r).getFirst().equals(table.rows().get(start).getFirst());
            if (ends) {
                if (r - start > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(firstRow + start, firstRow + r - 1, 0, 0));
                }
                start = r;
            }
        }
    }

    private static void print(Sheet sheet, boolean landscape, int headerRow, int columns, int lastRow) {
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(landscape);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, columns - 1, 0, lastRow);
        if (headerRow >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        }
    }

    private static Cell cell(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }

    private Font font(int points, boolean bold) {
        Font font = book.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        return font;
    }

    private CellStyle style(Font font, boolean bordered) {
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
