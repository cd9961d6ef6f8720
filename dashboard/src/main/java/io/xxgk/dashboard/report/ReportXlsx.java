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

            Sheet summary = book.createSheet("汇总");
            row(summary, header, "统计期", r.period().label());
            row(summary, null, "起", r.period().from().toString());
            row(summary, null, "止", r.period().to().toString());
            row(summary, header, "指标", "数值");
            row(summary, null, "主动公开信息（条）", r.totals().items());
            row(summary, null, "其中原创（条）", r.totals().originalItems());
            row(summary, null, "浏览量（次）", r.totals().views());
            row(summary, null, "阅读人数（人）", r.totals().readers());
            row(summary, null, "依申请公开 收到（件）", r.requests().received());
            row(summary, null, "依申请公开 已答复（件）", r.requests().answered());
            row(summary, null, "依申请公开 不予公开（件）", r.requests().declined());
            row(summary, null, "举报（起）", r.complaints().report());
            row(summary, null, "复议（起）", r.complaints().review());
            row(summary, null, "诉讼（起）", r.complaints().lawsuit());
            row(summary, null, "来电（起）", r.service().call());
            row(summary, null, "来访（起）", r.service().visit());
            row(summary, null, "网络大厅（起）", r.service().online());
            row(summary, null, "办理事项（起）", r.service().handled());
            row(summary, header, "报告文字");
            row(summary, null, r.text());

            Sheet channels = book.createSheet("渠道");
            row(channels, header, "渠道", "名称", "信息数（条）", "原创（条）", "浏览量（次）", "阅读人数（人）", "订阅人数（人）", "期数", "最新期号", "版数");
            for (AnnualReport.ChannelLine c : r.channels()) {
                row(channels, null, c.channel(), c.name(), c.items(), c.originalItems(), c.views(), c.readers(), c.followers(), c.issues(),
                        c.lastIssueNumber(), c.pages());
            }

            Sheet checklist = book.createSheet("清单");
            row(checklist, header, "序号", "类别", "公开事项", "公开情况", "次数", "最近公开日期", "责任部门", "栏目链接");
            for (AnnualReport.ChecklistLine line : r.checklist()) {
                row(checklist, null, line.item(), line.category(), line.title(), line.published() ? "已公开" : "未公开", line.count(),
                        line.lastDate() == null ? "" : line.lastDate().toString(), String.join("、", line.departments()), "");
            }

            Sheet departments = book.createSheet("部门");
            row(departments, header, "责任部门", "信息数（条）", "原创（条）");
            for (AnnualReport.DepartmentLine d : r.departments()) {
                row(departments, null, d.department(), d.items(), d.originalItems());
            }
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
