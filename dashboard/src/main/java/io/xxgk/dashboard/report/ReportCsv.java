package io.xxgk.dashboard.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        StringBuilder out = new StringBuilder(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL)) {
            csv.printRecord("统计期", r.period().label(), r.period().from(), r.period().to());
            csv.println();
            csv.printRecord("指标", "数值");
            csv.printRecord("主动公开信息（条）", r.totals().items());
            csv.printRecord("其中原创（条）", r.totals().originalItems());
            csv.printRecord("浏览量（次）", r.totals().views());
            csv.printRecord("阅读人数（人）", r.totals().readers());
            csv.printRecord("依申请公开 收到（件）", r.requests().received());
            csv.printRecord("依申请公开 已答复（件）", r.requests().answered());
            csv.printRecord("依申请公开 不予公开（件）", r.requests().declined());
            csv.printRecord("举报（起）", r.complaints().report());
            csv.printRecord("复议（起）", r.complaints().review());
            csv.printRecord("诉讼（起）", r.complaints().lawsuit());
            csv.printRecord("来电（起）", r.service().call());
            csv.printRecord("来访（起）", r.service().visit());
            csv.printRecord("网络大厅（起）", r.service().online());
            csv.printRecord("办理事项（起）", r.service().handled());
            csv.println();
            csv.printRecord("渠道", "名称", "信息数（条）", "原创（条）", "浏览量（次）", "阅读人数（人）", "订阅人数（人）", "期数", "最新期号", "版数");
            for (AnnualReport.ChannelLine c : r.channels()) {
                csv.printRecord(c.channel(), c.name(), c.items(), c.originalItems(), c.views(), c.readers(), c.followers(), c.issues(),
                        c.lastIssueNumber(), c.pages());
            }
            csv.println();
            csv.printRecord("序号", "类别", "公开事项", "公开情况", "次数", "最近公开日期", "责任部门", "栏目链接");
            for (AnnualReport.ChecklistLine line : r.checklist()) {
                csv.printRecord(line.item(), line.category(), line.title(), line.published() ? "已公开" : "未公开", line.count(),
                        line.lastDate() == null ? "" : line.lastDate(), String.join("、", line.departments()), "");
            }
            csv.println();
            csv.printRecord("责任部门", "信息数（条）", "原创（条）");
            for (AnnualReport.DepartmentLine d : r.departments()) {
                csv.printRecord(d.department(), d.items(), d.originalItems());
            }
            csv.println();
            csv.printRecord("报告文字");
            csv.printRecord(r.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
