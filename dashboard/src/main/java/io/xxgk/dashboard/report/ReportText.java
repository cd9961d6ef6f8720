package io.xxgk.dashboard.report;

import io.xxgk.dashboard.report.NumberPhrasing.Style;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics paragraph of the annual report, in the style of the real ones: the period, the
 * total, each channel with its items and views, original items, issues, followers, then requests,
 * complaints and service contacts ("未收到" when there were none).
 */
public final class ReportText {

    /** How figures are written: all exact, or rounded where the reports round (totals, views, followers). */
    public enum Numbers {
        EXACT, ROUNDED
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private ReportText() {
    }

    /** Whose figures: one institution's (全校) or a province's institutions' added up (全省高校). */
    enum Scope {
        INSTITUTION("全校"), PROVINCE("全省高校");

        private final String subject;

        Scope(String subject) {
            this.subject = subject;
        }
    }

    static String of(AnnualReport report, Numbers numbers, Scope scope) {
        boolean rounded = numbers == Numbers.ROUNDED;
        Style amounts = rounded ? Style.OVER : Style.EXACT;
        StringBuilder text = new StringBuilder(report.period().label());
        text.append(scope.subject).append("主动公开各类信息").append(NumberPhrasing.phrase(report.totals().items(), amounts)).append("条");
        List<String> channels = new ArrayList<>();
        for (AnnualReport.ChannelLine c : report.channels()) {
            if (c.items() == 0 && c.views() == 0 && c.issues() == 0) {
                continue;
            }
            // 通过学校官网的信息数达1300条，浏览量190余万次; a channel without items of its own starts with its name
            boolean items = c.items() > 0;
            StringBuilder clause = new StringBuilder(items
                    ? "通过" + c.name() + "的信息数达" + NumberPhrasing.phrase(c.items(), amounts) + "条"
                    : c.name());
            if (c.originalItems() > 0) {
                clause.append("，其中原创信息").append(c.originalItems()).append("条");
            }
            if (c.views() > 0) {
                clause.append(items ? "，" : "").append("浏览量").append(NumberPhrasing.phrase(c.views(), amounts)).append("次");
            }
            if (c.readers() > 0) {
                clause.append("，阅读人数").append(NumberPhrasing.phrase(c.readers(), rounded ? Style.ROUNDED : Style.EXACT)).append("人");
            }
            if (c.issues() > 0) {
                clause.append(items || c.views() > 0 ? "，" : "").append("共").append(c.issues()).append("期");
                if (c.pages() > 0) {
                    clause.append(c.pages()).append("版");
                }
                clause.append("，达到第").append(c.lastIssueNumber()).append("期");
            }
            channels.add(clause.toString());
        }
        if (!channels.isEmpty()) {
            text.append("，其中").append(String.join("；", channels));
        }
        text.append("。");

        List<String> followers = report.channels().stream().filter(c -> c.followers() > 0)
                .map(c -> c.name() + "订阅人数" + NumberPhrasing.phrase(c.followers(), rounded ? Style.NEARLY : Style.EXACT))
                .toList();
        if (!followers.isEmpty()) {
            text.append("截至").append(report.period().to().format(DATE)).append("，").append(String.join("，", followers)).append("。");
        }

        String within = within(report.period());
        AnnualReport.Requests requests = report.requests();
        if (requests.received() == 0 && requests.answered() == 0 && requests.declined() == 0) {
            text.append(within).append("学校未收到依申请公开的申请；");
        } else {
            text.append(within).append("学校收到依申请公开的申请").append(requests.received()).append("件，已答复")
                    .append(requests.answered()).append("件，不予公开").append(requests.declined()).append("件；");
        }
        AnnualReport.Complaints complaints = report.complaints();
        if (complaints.report() == 0 && complaints.review() == 0 && complaints.lawsuit() == 0) {
            text.append("未收到举报、复议、诉讼。");
        } else {
            text.append("收到举报").append(complaints.report()).append("起、复议").append(complaints.review())
                    .append("起、诉讼").append(complaints.lawsuit()).append("起。");
        }

        AnnualReport.Service service = report.service();
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
        if (!contacts.isEmpty()) {
            text.append("信息公开服务").append(String.join("，", contacts)).append("。");
        }
        return text.toString();
    }

    /** 本年度, 本学年, or 统计期内 for a range. */
    private static String within(AnnualReport.Period period) {
        if (period.label().endsWith("年度")) {
            return "本年度";
        }
        return period.label().endsWith("学年") ? "本学年" : "统计期内";
    }
}
