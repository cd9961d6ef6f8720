package io.xxgk.dashboard.report;

import io.xxgk.dashboard.documents.Table;
import io.xxgk.registry.ChannelKind;
import io.xxgk.store.report.PeriodFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The report's tables, the one model the files and the preview render: 表1 the summary, 表2 per
 * channel, 表3 per department, and the 清单事项公开情况表 (its own attachment). A figure that does
 * not apply to a row (期数 of a website) is null and reads —; a 合计 row adds only what may be
 * added (items, not views of different kinds nor readers of different channels).
 */
public record ReportTables(Table summary, Table channels, Table departments, Table checklist) {

    static final String TOTAL = "合计";

    /** The figures each kind of channel has, beyond items. */
    private enum Figure { ORIGINAL, VIEWS, READERS, FOLLOWERS, ISSUES }

    private static Set<Figure> figures(ChannelKind kind) {
        return switch (kind) {
            case null -> EnumSet.allOf(Figure.class);
            case WEBSITE, SYSTEM -> EnumSet.of(Figure.VIEWS);
            case SOCIAL -> EnumSet.of(Figure.ORIGINAL, Figure.VIEWS, Figure.READERS, Figure.FOLLOWERS);
            case VIDEO -> EnumSet.of(Figure.ORIGINAL, Figure.VIEWS, Figure.FOLLOWERS);
            case PRINT -> EnumSet.of(Figure.ISSUES);
            case SCREEN, SERVICE -> EnumSet.noneOf(Figure.class);
        };
    }

    static ReportTables of(AnnualReport r) {
        return new ReportTables(summary(r), channels(r), departments(r), checklist(r));
    }

    private static Table summary(AnnualReport r) {
        PeriodFigures.Reported reported = r.reported();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("主动公开信息（条）", r.totals().items()));
        rows.add(row("其中：原创信息（条）", r.totals().originalItems()));
        rows.add(row("同一信息多渠道发布计一次（条）", r.totals().notices()));
        // a kind nobody sends figures for is no data (—), not zero
        rows.add(row("收到依申请公开申请（件）", reported.requests() ? r.requests().received() : null));
        rows.add(row("已答复（件）", reported.requests() ? r.requests().answered() + r.requests().declined() : null));
        rows.add(row("其中：不予公开（件）", reported.requests() ? r.requests().declined() : null));
        rows.add(row("举报（起）", reported.complaints() ? r.complaints().report() : null));
        rows.add(row("行政复议（起）", reported.complaints() ? r.complaints().review() : null));
        rows.add(row("行政诉讼（起）", reported.complaints() ? r.complaints().lawsuit() : null));
        rows.add(row("服务热线来电（起）", reported.service() ? r.service().call() : null));
        rows.add(row("窗口来访（起）", reported.service() ? r.service().visit() : null));
        rows.add(row("网络大厅来访（起）", reported.service() ? r.service().online() : null));
        rows.add(row("办理事项（起）", reported.service() ? r.service().handled() : null));
        return new Table("表1 主动公开及依申请公开情况", List.of("项目", "数量"), rows);
    }

    private static Table channels(AnnualReport r) {
        List<List<Object>> rows = new ArrayList<>();
        long items = 0;
        long original = 0;
        for (AnnualReport.ChannelLine line : r.channels()) {
            PeriodFigures.ChannelFigures c = line.figures();
            Set<Figure> has = figures(line.kind());
            rows.add(row(line.name(), c.items(), figure(has, Figure.ORIGINAL, c.originalItems()), figure(has, Figure.VIEWS, c.views()),
                    figure(has, Figure.READERS, c.readers()), figure(has, Figure.FOLLOWERS, c.followers()),
                    figure(has, Figure.ISSUES, c.issues()), figure(has, Figure.ISSUES, c.lastIssueNumber()), figure(has, Figure.ISSUES, c.pages())));
            items += c.items();
            original += c.originalItems();
        }
        if (rows.size() > 1) {
            rows.add(row(TOTAL, items, original, null, null, null, null, null, null));
        }
        return new Table("表2 各公开渠道情况",
                List.of("渠道", "信息数（条）", "原创（条）", "浏览量（次）", "阅读人数（人）", "订阅人数（人）", "期数", "最新期号", "版数"), rows);
    }

    /** The figure where the channel's kind has it, or where it was sent anyway; null (—) otherwise. */
    private static Long figure(Set<Figure> has, Figure figure, long value) {
        return has.contains(figure) || value != 0 ? value : null;
    }

    private static Table departments(AnnualReport r) {
        List<List<Object>> rows = new ArrayList<>();
        for (PeriodFigures.DepartmentFigures d : r.departments()) {
            rows.add(row(d.department(), d.items(), d.originalItems(), d.views(), d.readers()));
        }
        if (rows.size() > 1) {
            rows.add(row(TOTAL, r.departments().stream().mapToLong(PeriodFigures.DepartmentFigures::items).sum(),
                    r.departments().stream().mapToLong(PeriodFigures.DepartmentFigures::originalItems).sum(), null, null));
        }
        return new Table("表3 各部门主动公开情况", List.of("部门", "信息数（条）", "原创（条）", "浏览量（次）", "阅读人数（人）"), rows);
    }

    /** The 清单事项公开情况表: its categories merged and numbered 一…十, the edition's responsible department. */
    public static Table checklist(AnnualReport r) {
        List<List<Object>> rows = new ArrayList<>();
        for (AnnualReport.ChecklistLine line : r.checklist()) {
            rows.add(row(Outline.numeral(line.categoryNumber()) + "、" + line.category(), line.item(), line.title(), line.status(),
                    line.applicable() ? line.count() : null, line.lastDate(), line.responsible() == null ? "" : line.responsible(),
                    line.link() == null ? "" : line.link()));
        }
        return new Table(r.orgName() + r.period().span().label() + "信息公开事项清单公开情况表",
                List.of("类别", "序号", "公开事项", "公开情况", "公开次数", "最近公开日期", "责任部门", "栏目链接"), rows, true);
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
