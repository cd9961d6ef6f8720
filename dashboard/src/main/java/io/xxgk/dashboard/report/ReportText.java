package io.xxgk.dashboard.report;

import io.xxgk.dashboard.report.NumberPhrasing.Style;
import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.PeriodFigures.ChannelFigures;
import io.xxgk.store.report.ReportPeriod;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statistics paragraph of the annual report, in the style of the real ones, one sentence a
 * method: the items disclosed with each channel's items and views, the followers at the period's
 * end, requests and complaints ("未收到" when there were none), then service contacts.
 */
public final class ReportText {

    /** How figures are written: all exact, or rounded where the reports round (totals, views, followers). */
    public enum Numbers {
        EXACT, ROUNDED;

        /** Amounts (items, views): 7000余条. */
        Style amounts() {
            return this == ROUNDED ? Style.OVER : Style.EXACT;
        }

        /** People (readers): 78万人. */
        Style people() {
            return this == ROUNDED ? Style.ROUNDED : Style.EXACT;
        }

        /** Snapshots (followers): 近8万. */
        Style snapshots() {
            return this == ROUNDED ? Style.NEARLY : Style.EXACT;
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private ReportText() {
    }

    static String of(AnnualReport report, Numbers numbers, ReportScope scope) {
        return proactive(report, numbers, scope) + followers(report, numbers) + requests(report) + complaints(report) + service(report);
    }

    /** 2024年度全校主动公开各类信息7000余条，其中通过学校官网的信息数达1300条，浏览量190余万次；…。 */
    static String proactive(AnnualReport report, Numbers numbers, ReportScope scope) {
        StringBuilder text = new StringBuilder(report.period().label()).append(scope.subject()).append("主动公开各类信息")
                .append(NumberPhrasing.phrase(report.totals().items(), numbers.amounts())).append("条");
        List<String> channels = report.channels().stream().map(c -> channel(c, numbers)).flatMap(Optional::stream).toList();
        if (!channels.isEmpty()) {
            text.append("，其中").append(String.join("；", channels));
        }
        return text.append("。").toString();
    }

    /**
     * 通过学校官网的信息数达1300条，浏览量190余万次; a channel without items of its own starts with
     * its name; none for a channel with neither items, views nor issues.
     */
    static Optional<String> channel(AnnualReport.ChannelLine line, Numbers numbers) {
        ChannelFigures c = line.figures();
        if (c.items() == 0 && c.views() == 0 && c.issues() == 0) {
            return Optional.empty();
        }
        boolean items = c.items() > 0;
        StringBuilder clause = new StringBuilder(items
                ? "通过" + line.name() + "的信息数达" + NumberPhrasing.phrase(c.items(), numbers.amounts()) + "条"
                : line.name());
        if (c.originalItems() > 0) {
            clause.append("，其中原创信息").append(c.originalItems()).append("条");
        }
        if (c.views() > 0) {
            clause.append(items ? "，" : "").append("浏览量").append(NumberPhrasing.phrase(c.views(), numbers.amounts())).append("次");
        }
        if (c.readers() > 0) {
            clause.append("，阅读人数").append(NumberPhrasing.phrase(c.readers(), numbers.people())).append("人");
        }
        if (c.issues() > 0) {
            clause.append(items || c.views() > 0 ? "，" : "").append("共").append(c.issues()).append("期");
            if (c.pages() > 0) {
                clause.append(c.pages()).append("版");
            }
            clause.append("，达到第").append(c.lastIssueNumber()).append("期");
        }
        return Optional.of(clause.toString());
    }

    /** 截至2024年12月31日，微信公众号订阅人数近8万。 Nothing when no channel has followers. */
    static String followers(AnnualReport report, Numbers numbers) {
        List<String> followers = report.channels().stream().filter(c -> c.figures().followers() > 0)
                .map(c -> c.name() + "订阅人数" + NumberPhrasing.phrase(c.figures().followers(), numbers.snapshots()))
                .toList();
        return followers.isEmpty() ? "" : "截至" + report.period().to().format(DATE) + "，" + String.join("，", followers) + "。";
    }

    /** 本年度学校未收到依申请公开的申请； or the counts received, answered and declined. */
    static String requests(AnnualReport report) {
        PeriodFigures.Requests requests = report.requests();
        String within = within(report.period());
        if (requests.received() == 0 && requests.answered() == 0 && requests.declined() == 0) {
            return within + "学校未收到依申请公开的申请；";
        }
        return within + "学校收到依申请公开的申请" + requests.received() + "件，已答复" + requests.answered() + "件，不予公开"
                + requests.declined() + "件；";
    }

    /** 未收到举报、复议、诉讼。 or the count of each. */
    static String complaints(AnnualReport report) {
        PeriodFigures.Complaints complaints = report.complaints();
        if (complaints.report() == 0 && complaints.review() == 0 && complaints.lawsuit() == 0) {
            return "未收到举报、复议、诉讼。";
        }
        return "收到举报" + complaints.report() + "起、复议" + complaints.review() + "起、诉讼" + complaints.lawsuit() + "起。";
    }

    /** 信息公开服务接受来电402起，窗口来访466起。 Only the kinds there were; nothing without any. */
    static String service(AnnualReport report) {
        PeriodFigures.ServiceContacts service = report.service();
        List<String> contacts = new ArrayList<>();
        if (service.call() > 0) {
            contacts.add("接受来电" + service.call() + "起");
        }
        if (service.visit() > 0) {
            contacts.add("窗口来访" + service.visit() + "起");
        }
        if (service.online() > 0) {
            contacts.add("网络大厅来访" + service.online() + "起");
        }
        if (service.handled() > 0) {
            contacts.add("共办理事项" + service.handled() + "起");
        }
        return contacts.isEmpty() ? "" : "信息公开服务" + String.join("，", contacts) + "。";
    }

    /** 本年度, 本学年, or 统计期内 for a range. */
    private static String within(ReportPeriod period) {
        if (period.label().endsWith("年度")) {
            return "本年度";
        }
        return period.label().endsWith("学年") ? "本学年" : "统计期内";
    }
}
