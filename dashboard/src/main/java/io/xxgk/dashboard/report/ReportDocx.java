package io.xxgk.dashboard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The statistics section of the annual report as a Word document, ready to paste: a heading, the
 * paragraph, and its tables (summary, channels, the 清单事项公开情况表, departments), in the
 * 仿宋/宋体 the reports are set in.
 */
final class ReportDocx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String BODY_FONT = "仿宋";
    private static final String TABLE_FONT = "宋体";

    private ReportDocx() {
    }

    static byte[] of(AnnualReport r) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = document.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            text(heading, r.period().span().label() + "信息公开工作统计", "黑体", 16, true);

            for (String line : r.text().split("\n")) {
                XWPFParagraph body = document.createParagraph();
                body.setFirstLineIndent(640);   // two characters of 16 pt, as the reports indent
                text(body, line, BODY_FONT, 16, false);
            }

            ReportTables tables = ReportTables.of(r);
            table(document, "表1 主动公开及依申请公开情况", tables.summary());
            table(document, "表2 各公开渠道情况", tables.channels());
            table(document, "表3 清单事项公开情况表", tables.checklist());
            table(document, "表4 各部门主动公开情况", tables.departments());
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A captioned table; the first row is the header. */
    private static void table(XWPFDocument document, String caption, List<List<Object>> rows) {
        XWPFParagraph title = document.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        text(title, caption, "黑体", 12, true);
        XWPFTable table = document.createTable(rows.size(), rows.getFirst().size());
        table.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableRow row = table.getRow(i);
            if (i == 0) {
                row.setRepeatHeader(true);
            }
            List<Object> cells = rows.get(i);
            for (int j = 0; j < cells.size(); j++) {
                XWPFParagraph cell = row.getCell(j).getParagraphs().getFirst();
                Object value = cells.get(j);
                cell.setAlignment(value instanceof Number ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
                text(cell, String.valueOf(value), TABLE_FONT, 10.5, i == 0);
            }
        }
    }

    private static void text(XWPFParagraph paragraph, String text, String font, double points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontSize(points);
        run.setBold(bold);
    }
}
