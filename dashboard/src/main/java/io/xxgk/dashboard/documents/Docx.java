package io.xxgk.dashboard.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * A Word document set as 公文 are (GB/T 9704): A4 with its margins (top 37 mm, left 28 mm, a text
 * block of 156 × 225 mm), body in 仿宋 三号 at a fixed 29 pt line, headings in 黑体 (一、) and 楷体
 * ((一)), the title in 小标宋 二号, tables in 宋体 五号 with a grid, column widths from their
 * content and the header repeated on every page. Valid against the OOXML schema: every table has
 * its {@code w:tblGrid}, every cell its width, the body its {@code w:sectPr}.
 */
public final class Docx {

    /** A4 and the 版心 of GB/T 9704, in twentieths of a point. */
    private static final int A4_SHORT = 11906;
    private static final int A4_LONG = 16838;
    private static final int MM = 57;   // twips per millimetre, rounded
    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋";
    private static final String HEADING_FONT = "黑体";
    private static final String SUBHEADING_FONT = "楷体";
    private static final String TABLE_FONT = "宋体";
    private static final double BODY_SIZE = 16;     // 三号
    private static final double TITLE_SIZE = 22;    // 二号
    private static final double TABLE_SIZE = 10.5;  // 五号
    private static final double LINE = 29;          // points, fixed
    private static final int SHORT = 14;   // 2024年12月18日
    /** Left and right inside a cell: 1 mm, as 公文 tables keep them (Word's default is 1.9 mm). */
    private static final int CELL_MARGIN = MM;

    /** Portrait for reports, landscape for wide attachments (the 清单事项公开情况表). */
    public enum Page { PORTRAIT, LANDSCAPE }

    private final XWPFDocument document = new XWPFDocument();
    private final int textWidth;

    public Docx(Page page) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        CTPageMar margins = section.addNewPgMar();
        if (page == Page.PORTRAIT) {
            size.setW(BigInteger.valueOf(A4_SHORT));
            size.setH(BigInteger.valueOf(A4_LONG));
            margins(margins, 37, 28, 35, 26);
            textWidth = 156 * MM;
        } else {
            size.setW(BigInteger.valueOf(A4_LONG));
            size.setH(BigInteger.valueOf(A4_SHORT));
            size.setOrient(STPageOrientation.LANDSCAPE);
            margins(margins, 28, 37, 26, 35);
            textWidth = 225 * MM;
        }
    }

    private static void margins(CTPageMar margins, int top, int left, int bottom, int right) {
        margins.setTop(BigInteger.valueOf(top * MM));
        margins.setLeft(BigInteger.valueOf(left * MM));
        margins.setBottom(BigInteger.valueOf(bottom * MM));
        margins.setRight(BigInteger.valueOf(right * MM));
        margins.setHeader(BigInteger.valueOf(15 * MM));
        margins.setFooter(BigInteger.valueOf(15 * MM));
        margins.setGutter(BigInteger.ZERO);
    }

    /** 示例大学2024年度信息公开工作年度报告, centred. */
    public Docx title(String text) {
        XWPFParagraph title = paragraph(ParagraphAlignment.CENTER, 36);
        title.setSpacingAfter(20 * 20);
        run(title, text, TITLE_FONT, TITLE_SIZE, false);
        return this;
    }

    /** A line under the title (the period, the date the figures stand at), centred in 楷体. */
    public Docx subtitle(String text) {
        run(paragraph(ParagraphAlignment.CENTER, LINE), text, SUBHEADING_FONT, BODY_SIZE, false);
        return this;
    }

    /** 一、概述 */
    public Docx heading(String text) {
        run(indented(), text, HEADING_FONT, BODY_SIZE, false);
        return this;
    }

    /** （一）主动公开情况 */
    public Docx subheading(String text) {
        run(indented(), text, SUBHEADING_FONT, BODY_SIZE, false);
        return this;
    }

    /** Body text, each line a paragraph indented two characters. */
    public Docx text(String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                run(indented(), line.strip(), BODY_FONT, BODY_SIZE, false);
            }
        }
        return this;
    }

    /** What follows starts on a new page (an attachment). */
    public Docx pageBreak() {
        document.createParagraph().setPageBreak(true);
        return this;
    }

    /** The table under its caption (none when blank); its columns as wide as their content asks, over the text block's width. */
    public Docx table(Table table) {
        if (!table.title().isBlank()) {
            XWPFParagraph caption = paragraph(ParagraphAlignment.CENTER, LINE);
            caption.setSpacingBefore(6 * 20);
            run(caption, table.title(), HEADING_FONT, 14, false);
        }

        int[] characters = table.widths(4, 36);
        if (table.mergedFirstColumn()) {
            characters[0] = Math.min(characters[0], 10);   // a merged cell has the run's height to wrap in
        }
        int[] widths = twips(characters);
        XWPFTable t = document.createTable(table.rows().size() + 1, widths.length);
        t.setWidthType(TableWidthType.DXA);
        t.setWidth(String.valueOf(textWidth));
        t.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        t.setCellMargins(0, CELL_MARGIN, 0, CELL_MARGIN);
        CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < widths.length; c++) {
            cell(header.getCell(c), widths[c], table.header().get(c), true, ParagraphAlignment.CENTER);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> values = table.rows().get(r);
            XWPFTableRow row = t.getRow(r + 1);
            row.setCantSplitRow(true);
            for (int c = 0; c < widths.length; c++) {
                Object value = values.get(c);
                ParagraphAlignment align = value instanceof Number || value == null ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT;
                XWPFTableCell cell = row.getCell(c);
                if (c == 0 && table.mergedFirstColumn()) {
                    boolean continues = r > 0 && value != null && value.equals(table.rows().get(r - 1).getFirst());
                    CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                    if (continues) {
                        properties.addNewVMerge();
                        cell(cell, widths[c], "", false, ParagraphAlignment.CENTER);
                        continue;
                    }
                    properties.addNewVMerge().setVal(STMerge.RESTART);
                    align = ParagraphAlignment.CENTER;
                }
                cell(cell, widths[c], Table.text(value), false, align);
            }
        }
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The columns' widths over the text block. When every column fits as wide as its content asks,
     * each gets that, and what is left goes to the long columns (or to all, when none is long).
     * When they do not all fit, a short column (a figure, a status, a date, a department: at most
     * {@value #SHORT} half-width characters) still gets what it needs, so that it never breaks a
     * number or a word, and the long ones share the rest and wrap.
     */
    private int[] twips(int[] characters) {
        int needed = 0;
        int fixed = 0;
        int flexible = 0;
        for (int c : characters) {
            needed += need(c);
            if (c <= SHORT) {
                fixed += need(c);
            } else {
                flexible += c;
            }
        }
        int[] widths = new int[characters.length];
        for (int i = 0; i < characters.length; i++) {
            int c = characters[i];
            if (needed <= textWidth) {
                int extra = textWidth - needed;
                widths[i] = need(c) + (flexible > 0 ? (c > SHORT ? (int) ((long) extra * c / flexible) : 0)
                        : (int) ((long) extra * need(c) / needed));
            } else if (fixed < textWidth && flexible > 0) {
                widths[i] = c <= SHORT ? need(c) : (int) ((long) (textWidth - fixed) * c / flexible);
            } else {
                widths[i] = (int) ((long) textWidth * need(c) / needed);
            }
        }
        // the rounding's remainder to the widest column: the table is the text block's width exactly
        int widest = 0;
        int given = 0;
        for (int i = 0; i < widths.length; i++) {
            given += widths[i];
            widest = widths[i] > widths[widest] ? i : widest;
        }
        widths[widest] += textWidth - given;
        return widths;
    }

    /** A cell's text of {@code characters} half-width characters in 五号, and the cell's margins. */
    private static int need(int characters) {
        // a third more than the font's half width: office suites substitute wider fonts for 宋体 where it is missing
        return (int) (characters * TABLE_SIZE / 2 * 20 * 1.3) + 2 * CELL_MARGIN + 40;
    }

    private void cell(XWPFTableCell cell, int width, String text, boolean bold, ParagraphAlignment align) {
        cell.setWidthType(TableWidthType.DXA);
        cell.setWidth(String.valueOf(width));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph paragraph = cell.getParagraphs().getFirst();
        paragraph.setAlignment(align);
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        run(paragraph, text, TABLE_FONT, TABLE_SIZE, bold);
    }

    private XWPFParagraph indented() {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH, LINE);
        paragraph.setIndentationFirstLine((int) (2 * BODY_SIZE * 20));   // two characters
        return paragraph;
    }

    private XWPFParagraph paragraph(ParagraphAlignment align, double line) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(align);
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(line, LineSpacingRule.EXACT);
        return paragraph;
    }

    private static void run(XWPFParagraph paragraph, String text, String font, double points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(points);
        run.setBold(bold);
    }
}
