package io.xxgk.dashboard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The report as a workbook: 汇总, 渠道, 清单 (the 清单事项公开情况表) and 部门 sheets, numbers as numbers. */
final class ReportXlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ReportXlsx() {
    }

    static byte[] of(AnnualReport r) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);

            ReportTables tables = ReportTables.of(r);
            Sheet summary = book.createSheet("汇总");
            row(summary, header, "统计期", r.period().span().label());
            row(summary, null, "起", r.period().span().from().toString());
            row(summary, null, "止", r.period().span().to().toString());
            table(summary, header, tables.summary());
            row(summary, header, "报告文字");
            row(summary, null, r.text());
            Sheet channels = table(book.createSheet("渠道"), header, tables.channels());
            Sheet checklist = table(book.createSheet("清单"), header, tables.checklist());
            Sheet departments = table(book.createSheet("部门"), header, tables.departments());
            for (Sheet sheet : List.of(summary, channels, checklist, departments)) {
                sheet.setColumnWidth(0, 24 * 256);
                sheet.setColumnWidth(1, 16 * 256);
                sheet.setColumnWidth(2, 40 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first row is the header. */
    private static Sheet table(Sheet sheet, CellStyle header, List<List<Object>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            row(sheet, i == 0 ? header : null, rows.get(i).toArray());
        }
        return sheet;
    }

    /** A row of strings and numbers (numbers stay numbers, so Excel can add them up). */
    private static void row(Sheet sheet, CellStyle style, Object... values) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
        for (int i = 0; i < values.length; i++) {
            var cell = row.createCell(i);
            if (values[i] instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(String.valueOf(values[i]));
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
