package io.xxgk.dashboard.report;

import io.xxgk.store.report.PeriodFigures;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's tables as rows of cells (strings and numbers), the one model the file formats
 * render: the summary, per channel, the 清单事项公开情况表, per department.
 */
record ReportTables(List<List<Object>> summary, List<List<Object>> channels, List<List<Object>> checklist,
                    List<List<Object>> departments) {

    static ReportTables of(AnnualReport r) {
        List<List<Object>> summary = List.of(
                List.of("指标", "数值"),
                List.of("主动公开信息（条）", r.totals().items()),
                List.of("其中原创（条）", r.totals().originalItems()),
                List.of("浏览量（次）", r.totals().views()),
                List.of("阅读人数（人）", r.totals().readers()),
                List.of("依申请公开 收到（件）", r.requests().received()),
                List.of("依申请公开 已答复（件）", r.requests().answered()),
                List.of("依申请公开 不予公开（件）", r.requests().declined()),
                List.of("举报（起）", r.complaints().report()),
                List.of("复议（起）", r.complaints().review()),
                List.of("诉讼（起）", r.complaints().lawsuit()),
                List.of("来电（起）", r.service().call()),
                List.of("来访（起）", r.service().visit()),
                List.of("网络大厅（起）", r.service().online()),
                List.of("办理事项（起）", r.service().handled()));

        List<List<Object>> channels = new ArrayList<>();
        channels.add(List.of("渠道", "名称", "信息数（条）", "原创（条）", "浏览量（次）", "阅读人数（人）", "订阅人数（人）", "期数", "最新期号", "版数"));
        for (AnnualReport.ChannelLine line : r.channels()) {
            PeriodFigures.ChannelFigures c = line.figures();
            channels.add(List.of(c.channel(), line.name(), c.items(), c.originalItems(), c.views(), c.readers(), c.followers(), c.issues(),
                    c.lastIssueNumber(), c.pages()));
        }

        List<List<Object>> checklist = new ArrayList<>();
        checklist.add(List.of("序号", "类别", "公开事项", "公开情况", "次数", "最近公开日期", "责任部门", "栏目链接"));
        for (AnnualReport.ChecklistLine line : r.checklist()) {
            checklist.add(List.of(line.item(), line.category(), line.title(), line.status(), line.count(),
                    line.lastDate() == null ? "" : line.lastDate().toString(),
                    // the department the edition makes responsible; until it names one, those that published it
                    line.responsible() != null ? line.responsible() : String.join("、", line.departments()), line.link() == null ? "" : line.link()));
        }

        List<List<Object>> departments = new ArrayList<>();
        departments.add(List.of("责任部门", "信息数（条）", "原创（条）", "浏览量（次）", "阅读人数（人）"));
        for (PeriodFigures.DepartmentFigures d : r.departments()) {
            departments.add(List.of(d.department(), d.items(), d.originalItems(), d.views(), d.readers()));
        }
        return new ReportTables(summary, channels, checklist, departments);
    }
}
